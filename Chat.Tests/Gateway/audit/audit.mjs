// Runs every GraphQL-over-HTTP server audit of graphql-http (the reference implementation of the
// spec's checks) against the URL given as the only argument and prints the results as JSON.
// Usage: node audit.mjs http://127.0.0.1:5000/graphql
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql-url>');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url })) {
  // Sequentially, so a rate limiter or a slow machine does not turn into flaky results.
  const result = await audit.fn();
  results.push({
    id: result.id,
    name: result.name,
    status: result.status,
    reason: result.status === 'ok' ? undefined : result.reason,
  });
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
