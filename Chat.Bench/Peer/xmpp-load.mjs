// The ejabberd side of a side-by-side run: the same loads as Chat.Bench's send-message and open-loop, over XMPP.
//   node xmpp-load.mjs --mode closed --senders 16 --duration 20 [--warmup-max 60]
//   node xmpp-load.mjs --mode open --rate 100 --pairs 8 --duration 20
// Sender i is bench(2i), its recipient bench(2i+1) (accounts made by start-ejabberd.sh); every account logs in before
// anything is measured (SCRAM is slow). closed: each sender sends a chat message and waits until its recipient got it;
// warm-up until three 2 s windows are within ±10 %. open: fixed schedule, latency from each message's scheduled time.
// Prints one JSON line: delivered/s, latency p50/p99 (ms), what was missing after the drain, and the CPU ms per
// delivered message of ejabberd (beam.smp) and its PostgreSQL, read from /proc like Chat.Bench reads ours.
import { client, xml } from "@xmpp/client";
import { readFileSync, readdirSync } from "node:fs";
import { performance } from "node:perf_hooks";

const options = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const mode = options.mode ?? "closed";
const senders = Number(options.senders ?? options.pairs ?? 8);
const duration = Number(options.duration ?? 20) * 1000;
const domain = "bench.localhost";
const arrivals = new Map(); // tag -> arrival time (ms, performance.now)
const waiters = new Map();  // tag -> resolve

async function login(index) {
  const xmpp = client({ service: "xmpp://127.0.0.1:5222", domain, username: `bench${index}`, password: "bench", resource: "bench" });
  xmpp.on("error", () => {});
  xmpp.on("stanza", (stanza) => {
    const body = stanza.is("message") ? stanza.getChildText("body") : null;
    if (body === null || arrivals.has(body)) return;
    arrivals.set(body, performance.now());
    waiters.get(body)?.();
    waiters.delete(body);
  });
  await xmpp.start();
  await xmpp.send(xml("presence"));
  return xmpp;
}

const arrived = (tag, timeout) => arrivals.has(tag) ? Promise.resolve() : new Promise((resolve) => {
  const timer = setTimeout(resolve, timeout);
  waiters.set(tag, () => { clearTimeout(timer); resolve(); });
});
const send = (from, toIndex, tag) => from.send(xml("message", { to: `bench${toIndex}@${domain}`, type: "chat" }, xml("body", {}, tag)));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

// CPU ticks (1/100 s) of ejabberd's beam.smp and of every postgres process of its server (port 5440's data folder).
function peerTicks() {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const isPeer = (name === "beam.smp" && cmdline.includes("ejabberd-bench"))
        || (name === "postgres" && isEjabberdPostgres(pid, fields[1]));
      if (isPeer) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch { /* exited meanwhile */ }
  }
  return ticks;
}
function isEjabberdPostgres(pid, parent) {
  for (const candidate of [pid, parent]) {
    try { if (readFileSync(`/proc/${candidate}/cmdline`, "utf8").includes("ejabberd-bench/pg")) return true; } catch { }
  }
  return false;
}

const accounts = await Promise.all(Array.from({ length: senders * 2 }, (_, i) => login(i)));
const sent = []; // { tag, due }
let stop = false;

async function closedLoop(i) {
  for (let n = 0; !stop; n++) {
    const tag = `c${senders}-${i}-${n}`;
    const due = performance.now();
    sent.push({ tag, due });
    await send(accounts[2 * i], 2 * i + 1, tag);
    await arrived(tag, 10_000);
  }
}

let warmUp = { seconds: 0, stable: true };
let from, to, ticksBefore, ticksAfter;
if (mode === "closed") {
  const loops = Array.from({ length: senders }, (_, i) => closedLoop(i));
  const started = performance.now();
  const rates = [];
  let seen = 0;
  warmUp.stable = false;
  while (performance.now() - started < Number(options["warmup-max"] ?? 60) * 1000) {
    await sleep(2000);
    const delivered = sent.filter((message) => arrivals.has(message.tag)).length;
    rates.push((delivered - seen) / 2);
    seen = delivered;
    const last = rates.slice(-3);
    const mean = last.reduce((a, b) => a + b, 0) / last.length;
    if (last.length === 3 && mean > 0 && last.every((rate) => Math.abs(rate - mean) <= 0.1 * mean)) { warmUp.stable = true; break; }
  }
  warmUp.seconds = (performance.now() - started) / 1000;
  ticksBefore = peerTicks(); from = performance.now();
  await sleep(duration);
  to = performance.now(); ticksAfter = peerTicks();
  stop = true;
  await Promise.all(loops);
} else {
  const rate = Number(options.rate ?? 10);
  ticksBefore = peerTicks(); from = performance.now();
  for (let i = 0; i < Math.round(rate * duration / 1000); i++) {
    const due = from + i * 1000 / rate;
    if (due > performance.now()) await sleep(due - performance.now());
    const pair = i % senders;
    const tag = `o${rate}-${i}`;
    sent.push({ tag, due });
    send(accounts[2 * pair], 2 * pair + 1, tag);
  }
  to = performance.now();
}

// Drain: every sent message delivered, or 20 s.
const drainStarted = performance.now();
while (sent.some((message) => !arrivals.has(message.tag)) && performance.now() - drainStarted < 20_000) await sleep(50);
if (mode !== "closed") ticksAfter = peerTicks();
const measured = sent.filter((message) => message.due >= from && message.due < to);
const latencies = measured.filter((message) => arrivals.has(message.tag)).map((message) => arrivals.get(message.tag) - message.due).sort((a, b) => a - b);
const deliveredInWindow = sent.filter((message) => arrivals.get(message.tag) >= from && arrivals.get(message.tag) < to).length;
const delivered = mode === "closed" ? deliveredInWindow : latencies.length;
console.log(JSON.stringify({
  mode, senders, perSecond: deliveredInWindow / ((to - from) / 1000), p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99),
  sent: measured.length, missing: sent.filter((message) => !arrivals.has(message.tag)).length,
  cpuMsPerMessage: (ticksAfter - ticksBefore) * 10 / Math.max(delivered, 1), warmUpSeconds: warmUp.seconds, stable: warmUp.stable,
}));
await Promise.all(accounts.map((xmpp) => xmpp.stop().catch(() => {})));
process.exit(0);
