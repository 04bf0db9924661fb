// StreamForge visualizer: vanilla JS + inline SVG (charts.js), no build step, no CDN (runs offline).
// Four views over the /api of the visualizer server: pipelines (live via SSE), candles + one
// indicator, correlation graph, GNN output. Stable ids / classes / data- attributes are the
// contract with the browser test (VisualizerBrowserIT).
'use strict';

const TERMINAL = new Set(['finished', 'failed', 'interrupted']);
const state = { config: {}, queues: new Map(), streams: new Map(), selected: null };

// ---------- helpers ----------
function $(sel, root) { return (root || document).querySelector(sel); }

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const where = body.field ? ` (${body.field})` : '';
    throw new Error((body.detail || res.statusText) + where);
  }
  return body;
}

function showError(section, err) {
  const p = $(`#${section} .error`);
  if (err) {
    p.textContent = err.message || String(err);
    p.hidden = false;
  } else {
    p.textContent = '';
    p.hidden = true;
  }
}

function qs(params) { return new URLSearchParams(params).toString(); }

// ---------- pipelines ----------
async function loadQueues() {
  try {
    const list = await api('/api/queues');
    showError('pipelines', null);
    list.sort((a, b) => a.created_at_us - b.created_at_us);
    for (const q of list) upsertQueue(q);
    $('#pipelines .empty').hidden = list.length > 0;
    updateSymbols();
    if (!state.selected && list.length > 0) selectQueue(list[list.length - 1].queue_id);
  } catch (e) {
    showError('pipelines', e);
  }
}

function upsertQueue(q) {
  state.queues.set(q.queue_id, q);
  const tbody = $('#pipelines tbody');
  let row = tbody.querySelector(`tr[data-queue-id="${CSS.escape(q.queue_id)}"]`);
  if (!row) {
    row = el('tr', { 'data-queue-id': q.queue_id });
    row.addEventListener('click', () => selectQueue(q.queue_id));
    tbody.prepend(row);
  }
  renderQueueRow(row, q);
  follow(q);
}

function renderQueueRow(row, q) {
  const last = row.querySelector('td.last') ? row.querySelector('td.last').textContent : '';
  row.replaceChildren();
  row.dataset.status = q.status;
  row.classList.toggle('selected', state.selected === q.queue_id);
  row.append(el('td', { class: 'queue-id' }, q.queue_id));
  row.append(el('td', { class: 'symbols' }, (q.symbols || []).join(', ')));
  row.append(el('td', { class: 'range' }, q.time_range || ''));
  const st = el('td');
  st.append(el('span', { class: 'status', 'data-status': q.status }, q.status));
  row.append(st);
  row.append(el('td', { class: 'records num', 'data-records': q.records_written }, String(q.records_written)));
  const steps = el('ul', { class: 'steps' });
  for (const s of q.steps || []) {
    const li = el('li', {
      class: 'step', 'data-target': s.target, 'data-status': s.status, 'data-records': s.records_written,
    });
    li.append(el('span', { class: 'status', 'data-status': s.status }, s.status), ` ${s.target}: `,
      el('span', { class: 'step-records' }, String(s.records_written)));
    steps.append(li);
  }
  const td = el('td');
  td.append(steps);
  row.append(td);
  row.append(el('td', { class: 'last' }, last));
}

// Live telemetry: one EventSource per unfinished queue, relayed by the server from the queue-manager.
function follow(q) {
  const open = state.streams.get(q.queue_id);
  if (TERMINAL.has(q.status)) {
    if (open) { open.close(); state.streams.delete(q.queue_id); liveState(); }
    return;
  }
  if (open) return;
  const es = new EventSource(`/api/queues/${encodeURIComponent(q.queue_id)}/events`);
  state.streams.set(q.queue_id, es);
  es.addEventListener('open', liveState);
  es.addEventListener('queue', (ev) => upsertQueue(JSON.parse(ev.data)));
  es.addEventListener('telemetry', (ev) => onTelemetry(q.queue_id, JSON.parse(ev.data)));
  es.addEventListener('error', liveState);
  liveState();
}

const refreshTimers = new Map();
function onTelemetry(queueId, t) {
  const row = $(`#pipelines tr[data-queue-id="${CSS.escape(queueId)}"] td.last`);
  if (row) row.textContent = `${t.target}: ${t.status} ${t.message || ''}`.trim();
  clearTimeout(refreshTimers.get(queueId));
  refreshTimers.set(queueId, setTimeout(async () => {
    try { upsertQueue(await api(`/api/queues/${encodeURIComponent(queueId)}`)); } catch (e) { showError('pipelines', e); }
  }, 300));
}

function liveState() {
  const open = [...state.streams.values()].filter((s) => s.readyState === EventSource.OPEN).length;
  const live = $('#live');
  live.dataset.state = open > 0 ? 'open' : 'idle';
  live.textContent = open > 0 ? `live: ${open} stream${open > 1 ? 's' : ''}` : 'live: idle';
}

function updateSymbols() {
  const all = new Set();
  for (const q of state.queues.values()) for (const s of q.symbols || []) all.add(s);
  $('#known-symbols').replaceChildren(...[...all].sort().map((s) => el('option', { value: s })));
}

// Selecting a queue points the other views at its data.
function selectQueue(queueId) {
  const q = state.queues.get(queueId);
  if (!q) return;
  state.selected = queueId;
  for (const r of document.querySelectorAll('#pipelines tr[data-queue-id]')) {
    r.classList.toggle('selected', r.dataset.queueId === queueId);
  }
  if (q.symbols && q.symbols.length) $('#candles-symbol').value = q.symbols[0];
  if (q.time_range && q.time_range.includes(':')) {
    const [from, to] = q.time_range.split(':');
    // 1m candles: at most max_rows / 1440 days per request, so show the queue's last days that fit
    const maxDays = Math.max(1, Math.floor((state.config.max_rows || 20000) / 1440));
    const earliest = new Date(Date.parse(to) - (maxDays - 1) * 86400000).toISOString().slice(0, 10);
    $('#candles-interval').value = '1m';
    $('#candles-from').value = from > earliest ? from : earliest;
    $('#candles-to').value = to;
  }
  $('#model-name').value = state.config.model_name || queueId;
  loadCandles();
  loadGraphs(q.collection_name || queueId);
  loadRuns();
}

// ---------- candles + indicator ----------
function candleParams() {
  return {
    symbol: $('#candles-symbol').value.trim(),
    interval: $('#candles-interval').value,
    from: $('#candles-from').value,
    to: $('#candles-to').value,
  };
}

async function loadCandles() {
  const p = candleParams();
  const info = $('#candles-info');
  try {
    const names = await api('/api/indicators?' + qs({ symbol: p.symbol, interval: p.interval }));
    fillIndicators(names.names);
    const data = await api('/api/candles?' + qs(p));
    const name = $('#candles-indicator').value;
    const ind = name ? await api('/api/indicators/values?' + qs({ ...p, name })) : null;
    showError('candles', null);
    info.dataset.symbol = data.symbol;
    info.dataset.interval = data.interval;
    info.dataset.count = data.count;
    info.textContent = `${data.symbol} ${data.interval} ${data.from} … ${data.to}: ${data.count} candles`
      + (ind ? `, ${ind.name} (${ind.count} values)` : '');
    drawCandles($('#candles .chart'), data.candles, ind);
  } catch (e) {
    showError('candles', e);
    info.textContent = '';
    $('#candles .chart').replaceChildren();
  }
}

function fillIndicators(names) {
  const sel = $('#candles-indicator');
  const current = sel.value;
  const options = [el('option', { value: '' }, 'none'), ...names.map((n) => el('option', { value: n }, n))];
  sel.replaceChildren(...options);
  // keep the user's choice; else prefer a price-scaled overlay (moving average)
  const preferred = names.find((n) => /^(SMA|EMA)/.test(n)) || names[0] || '';
  sel.value = names.includes(current) ? current : preferred;
}

// ---------- graph ----------
async function loadGraphs(preferred) {
  try {
    const list = await api('/api/graphs');
    const sel = $('#graph-collection');
    sel.replaceChildren(...list.collections.map((c) => el('option', { value: c }, c)));
    if (list.collections.length === 0) {
      $('#graph-info').textContent = 'no graphs stored yet (graph-builder writes one per queue)';
      $('#graph .chart').replaceChildren();
      return;
    }
    sel.value = list.collections.includes(preferred) ? preferred : list.collections[list.collections.length - 1];
    await loadGraph();
  } catch (e) {
    showError('graph', e);
  }
}

async function loadGraph() {
  const c = $('#graph-collection').value;
  if (!c) return;
  try {
    const g = await api(`/api/graphs/${encodeURIComponent(c)}`);
    showError('graph', null);
    const info = $('#graph-info');
    info.dataset.collection = g.collection;
    info.textContent = `${g.collection}: ${g.nodes.length} nodes, ${g.edges.length} edges (${g.method}, ${g.rule}), `
      + `${g.window.return_count} ${g.window.interval} returns ${clock(g.window.from_open_time_us)} … ${clock(g.window.to_open_time_us)}`;
    drawGraph($('#graph .chart'), g);
  } catch (e) {
    showError('graph', e);
  }
}

// ---------- GNN output ----------
async function loadRuns() {
  const name = $('#model-name').value.trim();
  const sel = $('#model-run');
  try {
    const list = await api('/api/models?' + qs({ name }));
    sel.replaceChildren(...list.runs.map((r) => el('option', { value: r }, r)));
    if (!list.latest) {
      showError('model', null);
      $('#model-info').textContent = `model ${name} has no runs yet (gnn-trainer uploads one per training)`;
      $('#model-metrics tbody').replaceChildren();
      $('#model .chart').replaceChildren();
      return;
    }
    sel.value = list.latest;
    await loadRun();
  } catch (e) {
    showError('model', e);
  }
}

async function loadRun() {
  const name = $('#model-name').value.trim();
  const run = $('#model-run').value;
  if (!run) return;
  try {
    const m = await api(`/api/models/${encodeURIComponent(run)}?` + qs({ name }));
    showError('model', null);
    const info = $('#model-info');
    info.dataset.run = m.run;
    info.textContent = `${m.name} / ${m.run}: ${m.model_type}, ${m.nodes.length} nodes, classes ${m.classes.join('/')}, `
      + `${m.epochs_run} epochs (best ${m.best_epoch}${m.stopped_early ? ', stopped early' : ''}), `
      + `macro-F1 margin over the better baseline ${fmt(m.macro_f1_margin_over_baselines, 4)}`;
    const rows = [['test', 'GATv2 model'], ['majority_baseline', 'majority baseline'],
      ['persistence_baseline', 'persistence baseline'], ['validation', 'GATv2 (validation split)']];
    $('#model-metrics tbody').replaceChildren(...rows.map(([key, label]) => metricRow(key, label, m.metrics[key])));
    drawBars($('#model .chart'), rows.slice(0, 3).map(([key, label]) => [key, label, m.metrics[key]]));
  } catch (e) {
    showError('model', e);
  }
}

function metricRow(key, label, c) {
  const tr = el('tr', {
    class: 'metric', 'data-metric': key, 'data-accuracy': c.accuracy ?? '', 'data-macro-f1': c.macro_f1 ?? '', 'data-samples': c.samples,
  });
  tr.append(el('td', {}, label), el('td', { class: 'num accuracy' }, fmt(c.accuracy, 4)),
    el('td', { class: 'num macro-f1' }, fmt(c.macro_f1, 4)), el('td', { class: 'num samples' }, String(c.samples)));
  return tr;
}

// ---------- wiring ----------
function onSubmit(id, fn) {
  $(id).addEventListener('submit', (ev) => { ev.preventDefault(); fn(); });
}

async function init() {
  try { state.config = await api('/api/config'); } catch (e) { state.config = {}; }
  if (state.config.model_name) $('#model-name').value = state.config.model_name;
  onSubmit('#candles-form', loadCandles);
  onSubmit('#graph-form', loadGraph);
  onSubmit('#model-form', loadRuns);
  $('#model-run').addEventListener('change', loadRun);
  $('#graph-collection').addEventListener('change', loadGraph);
  await loadQueues();
  if (!state.selected) { loadGraphs(null); if (state.config.model_name) loadRuns(); }
  setInterval(loadQueues, 10000); // new pipelines; running ones update over SSE
}

document.addEventListener('DOMContentLoaded', init);
