// StreamForge visualizer: the correlation graph as an ECharts force layout — edge width and
// opacity by |rho| (blue positive, red negative), node size by degree, labels only where they do not
// overlap (all on hover), roam (zoom/pan), node search with the neighbours highlighted.
'use strict';

const graphView = { chart: null, graph: null, index: new Map() };

async function loadGraphs(preferred) {
  try {
    const list = await api('/api/graphs');
    const sel = $('#graph-collection');
    sel.replaceChildren(...list.collections.map((c) => el('option', { value: c }, c)));
    if (list.collections.length === 0) {
      $('#graph-info').textContent = 'no graphs stored yet (graph-builder writes one per queue)';
      if (graphView.chart) graphView.chart.clear();
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
    graphView.graph = g;
    const info = $('#graph-info');
    info.dataset.collection = g.collection;
    info.dataset.nodes = g.nodes.length;
    info.dataset.edges = g.edges.length;
    info.textContent = `${g.collection}: ${g.nodes.length} nodes, ${g.edges.length} edges (${g.method}, ${g.rule}), `
      + `${g.window.return_count} ${g.window.interval} returns ${clock(g.window.from_open_time_us)} … ${clock(g.window.to_open_time_us)}`;
    $('#graph-symbols').replaceChildren(...g.nodes.map((n) => el('option', { value: n.id })));
    drawGraphChart(g);
  } catch (e) {
    showError('graph', e);
  }
}

function drawGraphChart(g) {
  const box = $('#graph-chart');
  const big = g.nodes.length > 60;
  box.style.height = big ? '760px' : '520px';
  if (!graphView.chart) {
    graphView.chart = echarts.init(box);
    window.addEventListener('resize', () => graphView.chart.resize());
  } else graphView.chart.resize();
  const minWeight = Number($('#graph-min-weight').value);
  const edges = g.edges.filter((e) => e.weight >= minWeight);
  const degree = new Map(g.nodes.map((n) => [n.id, 0]));
  for (const e of edges) { degree.set(e.source, degree.get(e.source) + 1); degree.set(e.target, degree.get(e.target) + 1); }
  graphView.index = new Map(g.nodes.map((n, i) => [n.id, i]));
  const nodes = g.nodes.map((n) => {
    const d = degree.get(n.id);
    return { id: n.id, name: n.id, value: d, symbolSize: Math.min(36, (big ? 6 : 14) + 3 * Math.sqrt(d) * (big ? 1 : 2)),
      label: { show: !big || d >= 4 } };
  });
  const links = edges.map((e) => ({
    source: e.source, target: e.target, value: e.rho,
    lineStyle: { width: 0.5 + 5 * e.weight, opacity: 0.15 + 0.6 * e.weight, color: e.rho >= 0 ? '#2f6fdf' : '#d0413a' },
  }));
  graphView.chart.setOption({
    animationDurationUpdate: 300,
    tooltip: { formatter: (p) => (p.dataType === 'edge'
      ? `${p.data.source} – ${p.data.target}: rho ${Number(p.data.value).toFixed(4)}` : `${p.name}: ${p.value} edges`) },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true, data: nodes, links,
      force: { repulsion: big ? 60 : 400, gravity: big ? 0.2 : 0.08, edgeLength: big ? [20, 90] : [80, 200], layoutAnimation: true, friction: 0.2 },
      label: { position: 'right', fontSize: 11, formatter: (p) => p.name.replace(/USDT$/, '') },
      labelLayout: { hideOverlap: true },
      emphasis: { focus: 'adjacency', label: { show: true }, lineStyle: { width: 4 } },
      itemStyle: { color: '#1d232a', borderColor: '#fff', borderWidth: 1 },
      scaleLimit: { min: 0.2, max: 8 },
    }],
  }, true);
  box.dataset.nodes = nodes.length;
  box.dataset.links = links.length;
}

/** Highlights a symbol and its neighbours, with its tooltip; data-found says which was found. */
function findNode() {
  const q = $('#graph-search').value.trim().toUpperCase();
  const info = $('#graph-info');
  if (!graphView.chart || !q) return;
  const i = graphView.index.has(q) ? graphView.index.get(q)
    : [...graphView.index.keys()].findIndex((s) => s.startsWith(q));
  graphView.chart.dispatchAction({ type: 'downplay', seriesIndex: 0 });
  if (i === undefined || i < 0) {
    info.dataset.found = '';
    showError('graph', new Error(`no node ${q} in this graph`));
    return;
  }
  showError('graph', null);
  info.dataset.found = graphView.graph.nodes[i].id;
  graphView.chart.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex: i });
  graphView.chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });
}

function initGraph() {
  $('#graph-form').addEventListener('submit', (ev) => { ev.preventDefault(); loadGraph(); });
  $('#graph-collection').addEventListener('change', loadGraph);
  $('#graph-find').addEventListener('click', findNode);
  $('#graph-search').addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); findNode(); } });
  $('#graph-min-weight').addEventListener('change', () => graphView.graph && drawGraphChart(graphView.graph));
}
