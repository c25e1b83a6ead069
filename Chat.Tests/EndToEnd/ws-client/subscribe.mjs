// Usage: node subscribe.mjs <ws-url> <access-token> <query> [variables-json] [max-events] [seconds]
// Prints one JSON line per event: {"event":"connected"}, {"event":"next","payload":...},
// {"event":"error","payload":...}, {"event":"closed","code":...,"reason":...}, {"event":"done"}.
// Exits after max-events "next" messages or the given number of seconds.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, query, variablesJson = '{}', maxEvents = '1', seconds = '20'] = process.argv.slice(2);
// Every line carries its receive time (ms since the epoch) so tests can measure delivery latency.
const print = (line) => process.stdout.write(JSON.stringify({ ...line, at: Date.now() }) + '\n');

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  lazy: false,
  retryAttempts: 0,
  connectionParams: () => ({ Authorization: `Bearer ${token}` }),
  on: {
    connected: () => print({ event: 'connected' }),
    closed: (event) => print({ event: 'closed', code: event.code, reason: event.reason }),
  },
});

let received = 0;
const finish = async (code) => {
  print({ event: 'done' });
  await client.dispose();
  process.exit(code);
};
setTimeout(() => finish(0), Number(seconds) * 1000);

client.subscribe(
  { query, variables: JSON.parse(variablesJson) },
  {
    next: (payload) => {
      print({ event: 'next', payload });
      if (++received >= Number(maxEvents)) finish(0);
    },
    error: (error) => {
      print({ event: 'error', payload: Array.isArray(error) ? error : { message: String(error?.reason ?? error?.message ?? error), code: error?.code } });
      finish(0);
    },
    complete: () => print({ event: 'complete' }),
  },
);
