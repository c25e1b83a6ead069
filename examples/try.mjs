#!/usr/bin/env node
// A tour of the API against a running gateway, with nothing but Node's fetch:
//   node examples/try.mjs [http://127.0.0.1:3000/graphql]
// Registers two users (fresh names each run), then: a conversation, a message mentioning bob, a reaction, a reply in
// a thread, the thread, the edit history, a mute, and bob's notifications. Each step prints its operation's answer.
const gateway = process.argv[2] ?? 'http://127.0.0.1:3000/graphql';

async function graphql(query, variables = {}, token) {
  const response = await fetch(gateway, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) {
    throw new Error(`${query.split('(')[0].trim()}: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

function show(step, data) {
  console.log(`# ${step}\n${JSON.stringify(data, null, 2)}`);
}

async function register(name) {
  const username = `${name}${Date.now().toString(36)}`;
  const { register } = await graphql(
    'mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id username } } }',
    { input: { email: `${username}@example.com`, username, password: 'correct horse 1' } });
  return { token: register.accessToken, ...register.user };
}

const alice = await register('alice');
const bob = await register('bob');
show('registered', { alice: alice.username, bob: bob.username });

const { createConversation: conversation } = await graphql(
  'mutation($input: CreateConversationInput!) { createConversation(input: $input) { id participants { username } } }',
  { input: { participantIds: [bob.id] } }, alice.token);
show('createConversation', conversation);

const { sendMessage: question } = await graphql(
  'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id content mentions { username } } }',
  { input: { conversationId: conversation.id, content: `@${bob.username} lunch at noon?`, clientMessageId: 'try-1' } }, alice.token);
show('sendMessage (mentions bob)', question);

show('addReaction', (await graphql(
  'mutation($id: ID!, $emoji: String!) { addReaction(messageId: $id, emoji: $emoji) { reactions { emoji count reactedByMe } } }',
  { id: question.id, emoji: '👍' }, bob.token)).addReaction);

show('sendMessage (a reply)', (await graphql(
  'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id replyToId content } }',
  { input: { conversationId: conversation.id, content: 'noon works', replyToId: question.id } }, bob.token)).sendMessage);

show('thread', (await graphql(
  'query($id: ID!) { thread(messageId: $id) { edges { node { content sender { username } } } } }',
  { id: question.id }, alice.token)).thread);

await graphql('mutation($id: ID!, $content: String!) { editMessage(id: $id, content: $content) { id } }',
  { id: question.id, content: `@${bob.username} lunch at 12:30?` }, alice.token);
show('messageVersions', (await graphql(
  'query($id: ID!) { messageVersions(messageId: $id) { version content } }', { id: question.id }, bob.token)).messageVersions);

show('muteConversation', (await graphql(
  'mutation($id: ID!, $until: DateTimeOffset) { muteConversation(conversationId: $id, until: $until) { isMuted mutedUntil } }',
  { id: conversation.id, until: new Date(Date.now() + 3600_000).toISOString() }, bob.token)).muteConversation);

// Notifications are made from Kafka events, a moment after the send.
let notifications;
for (let attempt = 0; attempt < 50; attempt++) {
  ({ notifications } = await graphql('{ notifications(first: 10) { unreadCount edges { node { type title message } } } }', {}, bob.token));
  if (notifications.edges.length > 0) break;
  await new Promise(resolve => setTimeout(resolve, 200));
}
show("bob's notifications", notifications);
