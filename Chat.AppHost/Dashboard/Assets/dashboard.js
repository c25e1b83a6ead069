// The dashboard page: hash routes (#/resources, #/console/<name>, #/traces, #/traces/<id>, #/logs, #/metrics),
// each view polls the AppHost's JSON API. Everything is built with DOM nodes, never innerHTML: log lines and
// span attributes come from the services and must not become markup.
'use strict';

const view = document.getElementById('view');
let timer = null;
let generation = 0;

function h(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

const time = value => value ? new Date(value).toLocaleTimeString() : '';
const ms = value => value < 1 ? `${value.toFixed(2)} ms` : value < 1000 ? `${value.toFixed(1)} ms` : `${(value / 1000).toFixed(2)} s`;
const badge = (text, kind) => h('span', { className: `badge ${kind || ''}` }, text);

function serviceColor(name) {
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360}, 60%, 55%)`;
}

// Runs `tick` now and every `interval` ms until the route changes.
function poll(tick, interval) {
  const mine = generation;
  const run = async () => {
    if (mine !== generation) return;
    try { await tick(); } catch (error) { console.warn(error); }
    if (mine === generation) timer = setTimeout(run, interval);
  };
  run();
}

async function refreshStats() {
  const s = await api('/api/telemetry/stats');
  document.getElementById('stats').textContent =
    `spans ${s.spans} (dropped ${s.droppedSpans}) · logs ${s.logs} · metric points ${s.metricPoints}`;
}

// ---- Resources -------------------------------------------------------------------------------------------
function healthBadge(r) {
  return r.health === 'Healthy' ? badge('Healthy', 'ok') : r.health === 'Unhealthy' ? badge('Unhealthy', 'bad') : badge('…');
}

function stateBadge(r) {
  const kind = r.state === 'Running' ? 'ok' : ['FailedToStart', 'Exited'].includes(r.state) ? 'bad' : 'warn';
  return h('span', {}, badge(r.state, kind), r.stateReason ? h('span', { className: 'muted' }, ` ${r.stateReason}`) : null);
}

async function restart(name, button) {
  button.disabled = true;
  button.textContent = 'Restarting…';
  try { await fetch(`/api/resources/${encodeURIComponent(name)}/restart`, { method: 'POST' }); }
  finally { button.textContent = 'Restart'; }
}

function showResources() {
  const body = h('tbody', { 'data-testid': 'resources' });
  view.replaceChildren(h('h2', {}, 'Resources'), h('table', {},
    h('thead', {}, h('tr', {}, ['Name', 'Type', 'State', 'Health', 'Endpoints', 'Started', 'PID', 'Restarts', ''].map(t => h('th', {}, t)))),
    body));
  poll(async () => {
    const resources = await api('/api/resources');
    body.replaceChildren(...resources.map(r => h('tr', { 'data-testid': 'resource-row', 'data-name': r.name, 'data-health': r.health, 'data-pid': r.processId ?? '' },
      h('td', {}, h('a', { href: `#/console/${encodeURIComponent(r.name)}` }, r.name)),
      h('td', {}, r.type),
      h('td', {}, stateBadge(r)),
      h('td', {}, healthBadge(r)),
      h('td', {}, r.endpoints.map(e => e.startsWith('http') ? h('div', {}, h('a', { href: e, target: '_blank', rel: 'noopener' }, e)) : h('div', { className: 'mono' }, e))),
      h('td', {}, time(r.startedAt)),
      h('td', {}, r.processId ?? ''),
      h('td', {}, r.restartCount),
      h('td', {}, h('button', { 'data-testid': `restart-${r.name}`, disabled: !r.canRestart, onclick: e => restart(r.name, e.target) }, 'Restart')))));
  }, 1000);
}

// ---- Console logs ----------------------------------------------------------------------------------------
async function showConsole(name) {
  const resources = await api('/api/resources');
  name = name || resources[0]?.name;
  const select = h('select', { onchange: e => { location.hash = `#/console/${encodeURIComponent(e.target.value)}`; } },
    resources.map(r => h('option', { value: r.name, selected: r.name === name }, r.name)));
  const filter = h('input', { type: 'search', placeholder: 'Filter lines', 'data-testid': 'console-filter' });
  const output = h('pre', { className: 'console', 'data-testid': 'console-lines' });
  view.replaceChildren(h('h2', {}, `Console: ${name}`), h('div', { className: 'toolbar' }, select, filter), output);
  const lines = [];
  let after = 0;
  const render = () => {
    const text = filter.value.toLowerCase();
    const atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 20;
    output.textContent = lines.filter(l => !text || l.text.toLowerCase().includes(text)).map(l => l.text).join('\n');
    if (atBottom) output.scrollTop = output.scrollHeight;
  };
  filter.addEventListener('input', render);
  poll(async () => {
    const added = await api(`/api/resources/${encodeURIComponent(name)}/console?after=${after}`);
    if (added.length === 0) return;
    after = added[added.length - 1].sequence;
    lines.push(...added);
    lines.splice(0, Math.max(0, lines.length - 5000));
    render();
  }, 1000);
}

// ---- Traces ----------------------------------------------------------------------------------------------
function showTraces() {
  const body = h('tbody', { 'data-testid': 'traces' });
  const service = h('input', { type: 'search', placeholder: 'Service (e.g. gateway)' });
  view.replaceChildren(h('h2', {}, 'Traces'), h('div', { className: 'toolbar' }, service), h('table', {},
    h('thead', {}, h('tr', {}, ['Time', 'Root', 'Services', 'Spans', 'Duration', ''].map(t => h('th', {}, t)))), body));
  poll(async () => {
    const traces = await api(`/api/traces?service=${encodeURIComponent(service.value)}`);
    body.replaceChildren(...traces.map(t => h('tr', { className: 'clickable', 'data-testid': 'trace-row', 'data-trace-id': t.traceId,
      onclick: () => { location.hash = `#/traces/${t.traceId}`; } },
      h('td', {}, time(t.start)),
      h('td', {}, h('b', {}, `${t.rootService}: `), t.rootName),
      h('td', {}, t.services.map(s => badge(s))),
      h('td', {}, t.spanCount),
      h('td', {}, ms(t.durationMilliseconds)),
      h('td', {}, t.hasError ? badge('error', 'bad') : ''))));
  }, 2000);
}

function spanDepths(spans) {
  const byId = new Map(spans.map(s => [s.spanId, s]));
  const depth = s => { let d = 0; for (let p = byId.get(s.parentSpanId); p && d < 50; p = byId.get(p.parentSpanId)) d++; return d; };
  // Parents before children, siblings by start: a depth-first walk from the roots.
  const children = new Map();
  for (const s of spans) {
    const key = byId.has(s.parentSpanId) ? s.parentSpanId : null;
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(s);
  }
  const ordered = [];
  const walk = key => (children.get(key) || []).sort((a, b) => a.start.localeCompare(b.start))
    .forEach(s => { ordered.push({ span: s, depth: depth(s) }); walk(s.spanId); });
  walk(null);
  return ordered;
}

function attributeTable(title, attributes) {
  if (!attributes || attributes.length === 0) return null;
  return h('div', {}, h('h4', {}, title), h('table', {}, h('tbody', {},
    attributes.map(a => h('tr', {}, h('td', {}, a.key), h('td', {}, a.value))))));
}

function spanDetails(span) {
  return h('div', { className: 'details', 'data-testid': 'span-details' },
    h('h3', {}, span.name),
    attributeTable('Span', [
      { key: 'service', value: span.serviceName }, { key: 'kind', value: span.kind },
      { key: 'status', value: span.status + (span.statusMessage ? `: ${span.statusMessage}` : '') },
      { key: 'duration', value: ms(span.durationMilliseconds) }, { key: 'scope', value: span.scope },
      { key: 'span id', value: span.spanId }, { key: 'parent span id', value: span.parentSpanId || '' }]),
    attributeTable('Attributes', span.attributes),
    span.events.length ? h('div', {}, h('h4', {}, 'Events'), span.events.map(e =>
      h('div', {}, h('b', {}, `${time(e.timestamp)} ${e.name}`), attributeTable('', e.attributes)))) : null,
    attributeTable('Resource', span.resourceAttributes));
}

// Services export in batches, so a trace's spans arrive over a second or two: redraw while new ones come in.
function showTrace(traceId) {
  view.replaceChildren(h('p', { className: 'muted' }, `Waiting for trace ${traceId}…`));
  let shown = -1;
  let selected = null;
  poll(async () => {
    const trace = await api(`/api/traces/${encodeURIComponent(traceId)}`);
    if (trace.spans.length === shown) return;
    shown = trace.spans.length;
    renderTrace(traceId, trace, () => selected, id => { selected = id; });
  }, 2000);
}

function renderTrace(traceId, trace, getSelected, select) {
  const start = Date.parse(trace.summary.start);
  const total = Math.max(trace.summary.durationMilliseconds, 0.001);
  const details = h('div', {}, h('p', { className: 'muted' }, 'Click a span to see its attributes.'));
  const rows = spanDepths(trace.spans).map(({ span, depth }) => {
    const offset = (Date.parse(span.start) - start) / total * 100;
    const width = Math.max(span.durationMilliseconds / total * 100, 0.3);
    const row = h('tr', { className: 'clickable', 'data-testid': 'span-row', 'data-service': span.serviceName, 'data-span-id': span.spanId },
      h('td', { className: 'name', style: `padding-left:${8 + depth * 16}px` },
        h('span', { className: 'badge', style: `background:${serviceColor(span.serviceName)};color:#fff` }, span.serviceName), ' ', span.name),
      h('td', { className: 'timeline' }, h('div', {
        className: `bar ${span.status === 'Error' ? 'error' : ''}`,
        style: `left:${Math.min(offset, 99.7)}%;width:${Math.min(width, 100 - Math.min(offset, 99.7))}%;background:${serviceColor(span.serviceName)}`,
      })),
      h('td', {}, ms(span.durationMilliseconds)));
    const choose = () => {
      view.querySelectorAll('tr.selected').forEach(r => r.classList.remove('selected'));
      row.classList.add('selected');
      details.replaceChildren(spanDetails(span));
      select(span.spanId);
    };
    row.addEventListener('click', choose);
    if (getSelected() === span.spanId) queueMicrotask(choose);
    return row;
  });
  view.replaceChildren(
    h('h2', {}, h('a', { href: '#/traces' }, 'Traces'), ` › ${trace.summary.rootService}: ${trace.summary.rootName}`),
    h('p', { className: 'muted' }, `${trace.summary.spanCount} spans · ${trace.summary.services.join(', ')} · ${ms(total)} · `,
      h('a', { href: `#/logs?traceId=${traceId}` }, 'logs of this trace'), ` · trace ${traceId}`),
    h('div', { className: 'split' },
      h('table', { className: 'waterfall', 'data-testid': 'waterfall' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Span'), h('th', {}, 'Timeline'), h('th', {}, 'Duration'))), h('tbody', {}, rows)),
      details));
}

// ---- Structured logs and metrics -------------------------------------------------------------------------
function showLogs(query) {
  const params = new URLSearchParams(query);
  const service = h('input', { type: 'search', placeholder: 'Service', value: params.get('service') || '' });
  const text = h('input', { type: 'search', placeholder: 'Message or category', value: params.get('filter') || '' });
  const traceId = h('input', { type: 'search', placeholder: 'Trace id', value: params.get('traceId') || '', size: 34 });
  const body = h('tbody', { 'data-testid': 'logs' });
  const severity = s => s.severityNumber >= 17 ? 'bad' : s.severityNumber >= 13 ? 'warn' : '';
  view.replaceChildren(h('h2', {}, 'Structured logs'), h('div', { className: 'toolbar' }, service, text, traceId),
    h('table', {}, h('thead', {}, h('tr', {}, ['Time', 'Service', 'Level', 'Category', 'Message', 'Trace'].map(t => h('th', {}, t)))), body));
  poll(async () => {
    const q = new URLSearchParams({ service: service.value, filter: text.value, traceId: traceId.value });
    const logs = await api(`/api/logs?${q}`);
    body.replaceChildren(...logs.map(l => h('tr', {},
      h('td', {}, time(l.timestamp)), h('td', {}, l.serviceName), h('td', {}, badge(l.severity, severity(l))),
      h('td', { className: 'mono' }, l.category), h('td', {}, l.message),
      h('td', {}, l.traceId ? h('a', { className: 'mono', href: `#/traces/${l.traceId}` }, l.traceId.slice(0, 8)) : ''))));
  }, 2000);
}

function showMetrics() {
  const service = h('input', { type: 'search', placeholder: 'Service' });
  const body = h('tbody', { 'data-testid': 'metrics' });
  view.replaceChildren(h('h2', {}, 'Metrics (latest point of each series)'), h('div', { className: 'toolbar' }, service),
    h('table', {}, h('thead', {}, h('tr', {}, ['Service', 'Metric', 'Type', 'Value', 'Per minute', 'Attributes', 'Time'].map(t => h('th', {}, t)))), body));
  poll(async () => {
    const series = await api(`/api/metrics?service=${encodeURIComponent(service.value)}`);
    body.replaceChildren(...series.map(({ latest: p, perMinute }) => h('tr', { 'data-metric': p.name },
      h('td', {}, p.serviceName), h('td', { className: 'mono' }, p.name), h('td', {}, p.type),
      h('td', {}, p.type === 'histogram' ? `count ${p.count}, sum ${p.value.toFixed(3)} ${p.unit}` : `${p.value} ${p.unit}`),
      h('td', { 'data-testid': 'per-minute' }, perMinute == null ? '' : perMinute.toFixed(1)),
      h('td', { className: 'mono' }, p.attributes.map(a => `${a.key}=${a.value}`).join(' ')), h('td', {}, time(p.timestamp)))));
  }, 5000);
}

// ---- Routing ---------------------------------------------------------------------------------------------
function route() {
  generation++;
  clearTimeout(timer);
  const [path, query] = (location.hash.slice(1) || '/resources').split('?');
  const [, name, argument] = path.split('/');
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.view === name));
  const show = {
    resources: () => showResources(),
    console: () => showConsole(argument && decodeURIComponent(argument)),
    traces: () => argument ? showTrace(argument) : showTraces(),
    logs: () => showLogs(query),
    metrics: () => showMetrics(),
  }[name] || showResources;
  Promise.resolve(show()).catch(error => view.replaceChildren(h('p', { className: 'muted' }, String(error))));
}

window.addEventListener('hashchange', route);
route();
setInterval(() => refreshStats().catch(() => {}), 3000);
refreshStats().catch(() => {});
