// The gateway's IDE: GraphiQL with its docs explorer and history, queries and mutations over HTTP and
// subscriptions over graphql-transport-ws, both at the endpoint that served this page.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import './page.css';

const endpoint = new URL(window.location.pathname, window.location.href);
const socketEndpoint = new URL(endpoint);
socketEndpoint.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

// The toolkit merges the headers editor's JSON into connection_init's payload, and the gateway reads the token
// from its "Authorization" entry there, so one header serves HTTP and WebSocket alike.
const fetcher = createGraphiQLFetcher({
  url: endpoint.href,
  subscriptionUrl: socketEndpoint.href,
  headers: { Accept: 'application/graphql-response+json, application/json' },
  // The gateway does not stream @defer/@stream results: plain JSON responses only.
  enableIncrementalDelivery: false,
});

const defaultQuery = `# Register (or log in), copy accessToken into the headers editor below ("Headers") as
#   {"Authorization": "Bearer <accessToken>"}
# then run the other operations. The docs explorer (book icon) describes every type; history keeps what you ran.

mutation Register {
  register(input: { email: "alice@example.com", username: "alice", password: "correct horse 1" }) {
    accessToken
    user { id username }
  }
}

mutation Login {
  login(input: { email: "alice@example.com", password: "correct horse 1" }) {
    accessToken
    refreshToken
    accessTokenExpiresAt
  }
}

query Me {
  me { id email username }
}

subscription NewMessages {
  messageAdded { kind conversationId senderId content createdAt }
}
`;

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL
    fetcher={fetcher}
    defaultQuery={defaultQuery}
    defaultHeaders={'{\n  "Authorization": "Bearer "\n}'}
    isHeadersEditorEnabled
    shouldPersistHeaders
  />,
);
