// StreamForge visualizer: the pipelines view — the queue table (records per kind, last event),
// live telemetry over one SSE connection for all queues (per-queue streams when the queue-manager
// has no /queues/events), the start form (problem+json messages per field), stop and resume buttons.
'use strict';

const TERMINAL = new Set(['finished', 'failed', 'interrupted']);
const LOADERS = new Set(['loader-api-candles', 'loader-api-trades', 'loader-ws']);
const pipes = { queues: new Map(), streams: new Map(), all: null, mode: 'connecting', last: new Map(), refresh: new Map() };

async function loadQueues() {
  try {
    const list = await api('/api/queues');
    showError('pipelines', null);
    list.sort((a, b) => a.created_at_us - b.created_at_us);
    for (const q of list) upsertQueue(q);
    $('#pipelines .empty').hidden = list.length > 0;
    onQueuesChanged();
    return list;
  } catch (e) {
    showError('pipelines', e);
    return [];
  }
}

function upsertQueue(q) {
  pipes.queues.set(q.queue_id, q);
  const tbody = $('#pipelines tbody');
  let row = tbody.querySelector(`tr[data-queue-id="${CSS.escape(q.queue_id)}"]`);
  if (!row) {
    row = el('tr', { 'data-queue-id': q.queue_id });
    row.addEventListener('click', (ev) => { if (!ev.target.closest('button')) selectQueue(q.queue_id); });
    tbody.prepend(row);
  }
  renderQueueRow(row, q);
  if (pipes.mode === 'per-queue') followQueue(q);
}

/** Records per kind: loaders by data type, the connector's stored rows, graph-builder's output. */
function recordsPerKind(q) {
  const kinds = new Map();
  const add = (kind, n) => kinds.set(kind, (kinds.get(kind) || 0) + n);
  for (const s of q.steps || []) {
    if (LOADERS.has(s.target)) add(s.type, s.records_written);
    else if (s.target === 'arango-connector') add('stored', s.records_written);
    else if (s.target === 'graph-builder') add('indicator values + edges', s.records_written);
  }
  return kinds;
}

/** The newest step update, unless live telemetry brought a newer one. */
function lastEvent(q) {
  let newest = null;
  for (const s of q.steps || []) if (!newest || s.updated_at_us > newest.updated_at_us) newest = s;
  const fromSteps = newest && newest.status !== 'pending'
    ? { at: newest.updated_at_us, text: `${newest.target}: ${newest.status} ${newest.message || ''}`.trim() } : null;
  const live = pipes.last.get(q.queue_id);
  return live && (!fromSteps || live.at >= fromSteps.at) ? live : fromSteps;
}

function renderQueueRow(row, q) {
  row.replaceChildren();
  row.dataset.status = q.status;
  row.classList.toggle('selected', state.selected === q.queue_id);
  row.append(el('td', { class: 'queue-id' }, q.queue_id));
  row.append(el('td', { class: 'symbols' }, (q.symbols || []).join(', ')));
  row.append(el('td', { class: 'range' }, q.time_range || ''));
  const st = el('td');
  st.append(el('span', { class: 'status', 'data-status': q.status }, q.status));
  row.append(st);
  const kinds = el('ul', { class: 'kinds' });
  for (const [kind, n] of recordsPerKind(q)) {
    const li = el('li', { class: 'kind', 'data-kind': kind, 'data-records': n }, `${kind}: `);
    li.append(el('span', { class: 'num' }, n.toLocaleString('en')));
    kinds.append(li);
  }
  const rec = el('td', { class: 'records', 'data-records': q.records_written });
  rec.append(kinds);
  row.append(rec);
  const steps = el('ul', { class: 'steps' });
  for (const s of q.steps || []) {
    const li = el('li', { class: 'step', 'data-target': s.target, 'data-status': s.status, 'data-records': s.records_written });
    li.append(el('span', { class: 'status', 'data-status': s.status }, s.status), ` ${s.target}: `,
      el('span', { class: 'step-records' }, String(s.records_written)));
    if (s.attempt > 1) li.append(' ', el('span', { class: 'attempt', 'data-attempt': s.attempt }, `attempt ${s.attempt}`));
    steps.append(li);
  }
  const td = el('td');
  td.append(steps);
  row.append(td);
  const last = lastEvent(q);
  const lastTd = el('td', { class: 'last', 'data-at-us': last ? last.at : '' }, last ? last.text : '');
  if (last) lastTd.append(el('div', { class: 'when' }, clock(last.at)));
  row.append(lastTd);
  const actions = el('td', { class: 'actions' });
  if (!TERMINAL.has(q.status) && sf.canOperate()) {
    const stop = el('button', { class: 'stop operator', type: 'button', 'data-queue-id': q.queue_id }, 'Stop');
    stop.addEventListener('click', () => stopQueue(q.queue_id, stop));
    actions.append(stop);
  }
  if (RESUMABLE.has(q.status) && sf.canOperate()) {
    const resume = el('button', { class: 'resume operator', type: 'button', 'data-queue-id': q.queue_id }, 'Resume');
    resume.addEventListener('click', () => postQueue(q.queue_id, 'resume', resume));
    actions.append(resume);
  }
  row.append(actions);
}

// an interrupted or failed queue runs its unfinished steps again under its id (POST .../resume)
const RESUMABLE = new Set(['interrupted', 'failed']);

function stopQueue(queueId, button) {
  return postQueue(queueId, 'stop', button);
}

async function postQueue(queueId, action, button) {
  button.disabled = true;
  try {
    await apiPost(`/api/queues/${encodeURIComponent(queueId)}/${action}`);
    showError('pipelines', null);
    refreshQueue(queueId, 0);
  } catch (e) {
    button.disabled = false;
    showError('pipelines', e);
  }
}

// ---------- live telemetry ----------
function startLive() {
  const es = sf.eventSource('/api/queues/events');
  pipes.all = es;
  let opened = false;
  es.addEventListener('open', () => { opened = true; pipes.mode = 'all'; liveState(); });
  es.addEventListener('queue', (ev) => upsertQueue(JSON.parse(ev.data)));
  es.addEventListener('telemetry', (ev) => { const t = JSON.parse(ev.data); onTelemetry(t.queue_id, t); });
  es.addEventListener('error', () => {
    // a 404 (queue-manager without /queues/events) closes the stream before it opened: fall back
    if (!opened && es.readyState === EventSource.CLOSED) {
      pipes.all = null;
      pipes.mode = 'per-queue';
      for (const q of pipes.queues.values()) followQueue(q);
    }
    liveState();
  });
}

function followQueue(q) {
  const open = pipes.streams.get(q.queue_id);
  if (TERMINAL.has(q.status)) {
    if (open) { open.close(); pipes.streams.delete(q.queue_id); liveState(); }
    return;
  }
  if (open) return;
  const es = sf.eventSource(`/api/queues/${encodeURIComponent(q.queue_id)}/events`);
  pipes.streams.set(q.queue_id, es);
  es.addEventListener('open', liveState);
  es.addEventListener('queue', (ev) => upsertQueue(JSON.parse(ev.data)));
  es.addEventListener('telemetry', (ev) => onTelemetry(q.queue_id, JSON.parse(ev.data)));
  es.addEventListener('error', liveState);
  liveState();
}

function onTelemetry(queueId, t) {
  if (!queueId) return;
  const at = t.timestamp_us || Date.now() * 1000;
  pipes.last.set(queueId, { at, text: `${t.target}: ${t.status} ${t.message || ''}`.trim() });
  const cell = $(`#pipelines tr[data-queue-id="${CSS.escape(queueId)}"] td.last`);
  if (cell) { cell.textContent = pipes.last.get(queueId).text; cell.dataset.atUs = at; }
  refreshQueue(queueId, 300);
}

function refreshQueue(queueId, delayMs) {
  clearTimeout(pipes.refresh.get(queueId));
  pipes.refresh.set(queueId, setTimeout(async () => {
    try { upsertQueue(await api(`/api/queues/${encodeURIComponent(queueId)}`)); onQueuesChanged(); } catch (e) { showError('pipelines', e); }
  }, delayMs));
}

function liveState() {
  const live = $('#live');
  const open = pipes.mode === 'all'
    ? (pipes.all && pipes.all.readyState === EventSource.OPEN ? 1 : 0)
    : [...pipes.streams.values()].filter((s) => s.readyState === EventSource.OPEN).length;
  live.dataset.state = open > 0 ? 'open' : 'idle';
  live.dataset.mode = pipes.mode;
  live.textContent = pipes.mode === 'all'
    ? (open ? 'live: all queues' : 'live: reconnecting')
    : (open > 0 ? `live: ${open} stream${open > 1 ? 's' : ''}` : 'live: idle');
}

// ---------- start form ----------
function startRequest(form) {
  const symbols = form.symbols.value.split(',').map((s) => s.trim().toUpperCase()).filter((s) => s);
  const steps = [...form.querySelectorAll('input[name=step]:checked')].map((c) => c.value);
  const microservices = steps.map((target) => (target === 'loader-api-candles'
    ? { target, type: 'candles', interval: form.interval.value } : { target }));
  const body = { symbols, microservices };
  if (form.time_range.value.trim()) body.time_range = form.time_range.value.trim();
  return body;
}

/** Puts the problem's messages next to the fields they name ("microservices[1].type" → microservices). */
function showFieldErrors(form, problem) {
  for (const span of form.querySelectorAll('.field-error')) { span.textContent = ''; span.closest('[data-field]').classList.remove('invalid'); }
  const general = $('#start .form-error');
  general.hidden = true;
  if (!problem) return;
  const params = problem.invalid_params && problem.invalid_params.length
    ? problem.invalid_params : [{ name: problem.field, reason: problem.detail }];
  const unplaced = [];
  for (const p of params) {
    const root = String(p.name || '').split(/[.[]/)[0];
    const span = root && form.querySelector(`.field-error[data-for="${CSS.escape(root === 'symbol' ? 'symbols' : root)}"]`);
    if (span) {
      span.textContent = p.name === root ? p.reason : `${p.name}: ${p.reason}`;
      span.closest('[data-field]').classList.add('invalid');
    } else unplaced.push(`${p.name ? p.name + ': ' : ''}${p.reason || problem.detail}`);
  }
  if (unplaced.length) { general.textContent = unplaced.join('; '); general.hidden = false; }
}

async function submitStart(form) {
  const button = $('#start-submit');
  button.disabled = true;
  try {
    const created = await apiPost('/api/queues/start-pipeline', startRequest(form));
    showFieldErrors(form, null);
    await loadQueues();
    selectQueue(created.queue_id);
  } catch (e) {
    showFieldErrors(form, e.problem || { detail: e.message });
  } finally {
    button.disabled = false;
  }
}

function initPipelines() {
  const form = $('#start-form');
  form.addEventListener('submit', (ev) => { ev.preventDefault(); submitStart(form); });
  for (const c of document.querySelectorAll('.operator')) c.hidden = !sf.canOperate();
}
