// Usage: node resume.mjs <ws-urls, comma-separated> <access-token> <field> <query> <variables-json> [seconds]
// A subscription that keeps its cursor and resumes from it on every reconnect — the client the README shows.
// The query takes $after; each event's `cursor` is stored into the subscribe payload, which graphql-ws sends again
// as it is whenever it reconnects, so the server replays exactly what came after the last event received.
// Reconnects go round the given gateways. Prints one JSON line per event, as subscribe.mjs does:
// {"event":"connected","url":...}, {"event":"next","payload":...}, {"event":"error","payload":...},
// {"event":"closed","code":...}, {"event":"done"}.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [urls, token, field, query, variablesJson = '{}', seconds = '60'] = process.argv.slice(2);
const print = (line) => process.stdout.write(JSON.stringify({ ...line, at: Date.now() }) + '\n');
const gateways = urls.split(',');
let attempt = 0;
let current;

const payload = { query, variables: JSON.parse(variablesJson) };

const client = createClient({
  url: () => (current = gateways[attempt++ % gateways.length]),
  webSocketImpl: WebSocket,
  lazy: false,
  retryAttempts: Infinity,
  shouldRetry: () => true,
  retryWait: () => new Promise((resolve) => setTimeout(resolve, 200)),
  connectionParams: () => ({ Authorization: `Bearer ${token}` }),
  on: {
    connected: () => print({ event: 'connected', url: current, after: payload.variables.after ?? null }),
    closed: (event) => print({ event: 'closed', code: event?.code, reason: event?.reason }),
  },
});

const finish = async (code) => {
  print({ event: 'done' });
  await client.dispose();
  process.exit(code);
};
setTimeout(() => finish(0), Number(seconds) * 1000);

client.subscribe(payload, {
  next: (result) => {
    const cursor = result?.data?.[field]?.cursor;
    // Resume after the furthest event next time (cursors are positions: they only grow, but two events may overtake).
    const after = payload.variables.after;
    if (cursor != null && (after == null || BigInt(cursor) > BigInt(after))) payload.variables.after = cursor;
    print({ event: 'next', payload: result });
  },
  error: (error) => {
    print({ event: 'error', payload: Array.isArray(error) ? error : { message: String(error?.reason ?? error?.message ?? error), code: error?.code } });
    finish(0);
  },
  complete: () => print({ event: 'complete' }),
});
