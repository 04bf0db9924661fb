// StreamForge visualizer: coverage of a queue (relayed from the queue-manager's
// GET /queues/{id}/coverage) — per symbol and stream a bar of the received ranges, coloured by source
// (dump, REST, WebSocket), with the gaps marked, and the list of gaps with status and reason.
'use strict';

async function loadCoverage() {
  const id = $('#coverage-queue').value;
  const tbody = $('#coverage-table tbody');
  if (!id) return;
  try {
    const cov = await api(`/api/queues/${encodeURIComponent(id)}/coverage`);
    showError('coverage', null);
    const q = pipes.queues.get(id);
    const span = coverageSpan(cov, q);
    tbody.replaceChildren(...cov.keys.map((k) => coverageRow(k, span)));
    const gaps = cov.keys.reduce((n, k) => n + k.gaps.length, 0);
    const info = $('#coverage-info');
    info.dataset.queueId = id;
    info.dataset.keys = cov.keys.length;
    info.dataset.gaps = gaps;
    info.textContent = cov.keys.length === 0 ? `${id}: nothing recorded in the coverage ledger yet`
      : `${id}: ${cov.keys.length} series, ${gaps} gap${gaps === 1 ? '' : 's'}, ${clock(span[0])} … ${clock(span[1])}`;
  } catch (e) {
    showError('coverage', e);
    tbody.replaceChildren();
  }
}

/** The time axis of the bars: the queue's range when known, else everything recorded. */
function coverageSpan(cov, q) {
  let lo = Infinity, hi = -Infinity;
  for (const k of cov.keys) for (const r of [...k.credited, ...k.gaps]) { lo = Math.min(lo, r.start_us); hi = Math.max(hi, r.end_us); }
  if (q && q.time_range && q.time_range.includes(':')) {
    const [from, to] = q.time_range.split(':');
    lo = Math.min(lo, Date.parse(from) * 1000);
    hi = Math.max(hi, (Date.parse(to) + 86400000) * 1000);
  }
  return Number.isFinite(lo) && hi > lo ? [lo, hi] : [0, 1];
}

function coverageRow(k, [lo, hi]) {
  const tr = el('tr', { class: 'coverage-key', 'data-symbol': k.symbol, 'data-stream': k.stream, 'data-interval': k.interval || '' });
  tr.append(el('td', {}, k.symbol), el('td', {}, k.stream + (k.interval ? ` ${k.interval}` : '')));
  const track = el('div', { class: 'track' });
  const place = (node, r) => {
    node.style.left = `${(100 * (r.start_us - lo)) / (hi - lo)}%`;
    node.style.width = `${Math.max(0.3, (100 * (r.end_us - r.start_us)) / (hi - lo))}%`;
    node.dataset.startUs = r.start_us;
    node.dataset.endUs = r.end_us;
    return node;
  };
  for (const r of k.credited) {
    const seg = place(el('span', { class: 'range', 'data-source': r.source }), r);
    seg.title = `${r.source}: ${clock(r.start_us)} … ${clock(r.end_us)}`;
    track.append(seg);
  }
  for (const g of k.gaps) {
    const seg = place(el('span', { class: 'gap', 'data-status': g.status }), g);
    seg.title = `gap (${g.status}): ${clock(g.start_us)} … ${clock(g.end_us)} ${g.reason || ''}`;
    track.append(seg);
  }
  const bar = el('td');
  bar.append(track);
  tr.append(bar, el('td', { class: 'num' }, `${(k.covered_us / 3.6e9).toFixed(1)} h`));
  const list = el('ul', { class: 'gaps' });
  for (const g of k.gaps) {
    list.append(el('li', { class: 'gap-item', 'data-status': g.status, 'data-start-us': g.start_us, 'data-end-us': g.end_us },
      `${clock(g.start_us)} … ${clock(g.end_us)} ${g.status}${g.reason ? ': ' + g.reason : ''}`));
  }
  const gapsTd = el('td');
  gapsTd.append(list);
  tr.append(gapsTd);
  return tr;
}

function fillCoverageQueues() {
  const sel = $('#coverage-queue');
  const current = sel.value;
  const ids = [...pipes.queues.keys()].reverse();
  sel.replaceChildren(...ids.map((id) => el('option', { value: id }, id)));
  if (ids.includes(current)) sel.value = current;
}

function initCoverage() {
  $('#coverage-form').addEventListener('submit', (ev) => { ev.preventDefault(); loadCoverage(); });
  $('#coverage-queue').addEventListener('change', loadCoverage);
}
