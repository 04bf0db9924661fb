// StreamForge visualizer: wiring of the views (loaded last). No build step, no CDN: api.js (the one
// API wrapper), pipelines.js, candles.js and graph.js (Apache ECharts from the visualizer's own
// /vendor/echarts.min.js), coverage.js, charts.js (GNN bars). Stable ids / classes / data-
// attributes are the contract with the browser tests (VisualizerBrowserIT, VisualizerViewsBrowserIT).
'use strict';

const state = { config: {}, selected: null };

function onQueuesChanged() {
  const all = new Set();
  for (const q of pipes.queues.values()) for (const s of q.symbols || []) all.add(s);
  $('#known-symbols').replaceChildren(...[...all].sort().map((s) => el('option', { value: s })));
  fillCoverageQueues();
  if (!state.selected && pipes.queues.size > 0) selectQueue([...pipes.queues.keys()].pop());
}

// Selecting a queue points the other views at its data.
function selectQueue(queueId) {
  const q = pipes.queues.get(queueId);
  if (!q) return;
  state.selected = queueId;
  for (const r of document.querySelectorAll('#pipelines tr[data-queue-id]')) {
    r.classList.toggle('selected', r.dataset.queueId === queueId);
  }
  if (q.symbols && q.symbols.length) $('#candles-symbol').value = q.symbols[0];
  if (q.time_range && q.time_range.includes(':')) {
    const [from, to] = q.time_range.split(':');
    // 1m candles: the server reads at most max_source_rows per chart, so show the last days that fit
    const maxDays = Math.max(1, Math.floor((state.config.max_source_rows || 200000) / 1440));
    const earliest = day((Date.parse(to) - (maxDays - 1) * 86400000) * 1000);
    $('#candles-interval').value = '1m';
    $('#candles-from').value = from > earliest ? from : earliest;
    $('#candles-to').value = to;
    $('#candles-display').value = '';
  }
  $('#model-name').value = state.config.model_name || queueId;
  $('#coverage-queue').value = queueId;
  loadCandles();
  loadGraphs(q.collection_name || queueId);
  loadCoverage();
  loadRuns();
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
async function init() {
  await sf.ready();
  const user = window.sfAuth && window.sfAuth.user;
  if (user) $('#user').textContent = `${user.name} (${(user.roles || []).join(', ')})`;
  try { state.config = await api('/api/config'); } catch (e) { state.config = {}; }
  if (state.config.model_name) $('#model-name').value = state.config.model_name;
  initPipelines();
  initCandles();
  initGraph();
  initCoverage();
  $('#model-form').addEventListener('submit', (ev) => { ev.preventDefault(); loadRuns(); });
  $('#model-run').addEventListener('change', loadRun);
  startLive();
  await loadQueues();
  if (!state.selected) { loadGraphs(null); if (state.config.model_name) loadRuns(); }
  setInterval(loadQueues, 10000); // new pipelines; running ones update over SSE
}

document.addEventListener('DOMContentLoaded', init);
