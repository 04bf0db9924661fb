// StreamForge visualizer: candlesticks with volume, indicator overlays and panes (Apache ECharts).
// The server resamples wide ranges (/api/chart never sends more than max_points candles) and
// computes the indicators on the displayed series; zoom/pan (dataZoom) and the crosshair run here.
'use strict';

const candleView = { chart: null, data: null };
const UP = '#1a9b5b', DOWN = '#d0413a';
const LINE_COLORS = ['#8a4fd8', '#e08a1e', '#2f6fdf', '#c2417d', '#0f9aa8', '#6b7480'];

function candleParams() {
  const p = {
    symbol: $('#candles-symbol').value.trim(),
    interval: $('#candles-interval').value,
    from: $('#candles-from').value,
    to: $('#candles-to').value,
    indicators: [...document.querySelectorAll('#candles-indicators input:checked')].map((c) => c.value).join(','),
  };
  if ($('#candles-display').value) p.display = $('#candles-display').value;
  return p;
}

async function loadCandles() {
  const p = candleParams();
  const info = $('#candles-info');
  if (!p.symbol || !p.from || !p.to) return;
  try {
    const data = await api('/api/chart?' + qs(p));
    showError('candles', null);
    candleView.data = data;
    info.dataset.symbol = data.symbol;
    info.dataset.interval = data.interval;
    info.dataset.displayInterval = data.display_interval;
    info.dataset.count = data.count;
    info.dataset.sourceCount = data.source_count;
    info.textContent = `${data.symbol} ${data.from} … ${data.to}: ${data.source_count} stored ${data.interval} candles`
      + (data.aggregated ? `, shown as ${data.count} ${data.display_interval} candles (server-side resampling)` : '');
    drawCandleChart(data);
  } catch (e) {
    showError('candles', e);
    info.textContent = '';
    if (candleView.chart) candleView.chart.clear();
  }
}

function paneLayout(panes) {
  // price 46 %, volume 12 %, each pane 20 % of the remaining height, slider at the bottom
  const priceH = 300, volH = 80, paneH = 130, gap = 28, top = 30;
  const grids = [{ left: 70, right: 60, top, height: priceH }, { left: 70, right: 60, top: top + priceH + 8, height: volH }];
  let y = top + priceH + 8 + volH + gap;
  for (let i = 0; i < panes; i++) { grids.push({ left: 70, right: 60, top: y, height: paneH }); y += paneH + gap; }
  return { grids, height: y + 40 };
}

function drawCandleChart(d) {
  const box = $('#candles-chart');
  const panes = d.indicators.filter((i) => i.placement === 'pane');
  const overlays = d.indicators.filter((i) => i.placement === 'overlay');
  const layout = paneLayout(panes.length);
  box.style.height = `${layout.height}px`;
  if (!candleView.chart) {
    candleView.chart = echarts.init(box);
    candleView.chart.on('datazoom', onCandleZoom);
    candleView.chart.on('updateAxisPointer', onCrosshair);
    window.addEventListener('resize', () => candleView.chart.resize());
  } else candleView.chart.resize();
  const c = d.candles;
  const times = c.t.map((t) => new Date(t).toISOString().slice(0, 16).replace('T', ' '));
  const ohlc = c.t.map((_, i) => [c.o[i], c.c[i], c.l[i], c.h[i]]);
  const vol = c.t.map((_, i) => ({ value: c.v[i], itemStyle: { color: c.c[i] >= c.o[i] ? UP : DOWN } }));
  const axes = layout.grids.map((_, i) => ({
    type: 'category', gridIndex: i, data: times, boundaryGap: true, axisLine: { onZero: false },
    axisLabel: { show: i === layout.grids.length - 1 }, axisTick: { show: i === layout.grids.length - 1 },
  }));
  const yAxes = layout.grids.map((_, i) => ({
    gridIndex: i, scale: true, splitNumber: i === 0 ? 5 : 2, axisLabel: { fontSize: 10 },
    name: i === 0 ? d.symbol : i === 1 ? 'volume' : panes[i - 2].spec, nameTextStyle: { fontSize: 10, align: 'left' },
  }));
  const series = [
    { name: d.symbol, type: 'candlestick', data: ohlc, xAxisIndex: 0, yAxisIndex: 0,
      itemStyle: { color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN } },
    { name: 'volume', type: 'bar', data: vol, xAxisIndex: 1, yAxisIndex: 1 },
  ];
  let color = 0;
  for (const ind of overlays) for (const col of ind.columns) series.push(line(col, 0, LINE_COLORS[color++ % LINE_COLORS.length]));
  panes.forEach((ind, p) => {
    for (const col of ind.columns) {
      const s = line(col, p + 2, LINE_COLORS[color++ % LINE_COLORS.length]);
      if (col.name.endsWith('_HIST')) Object.assign(s, { type: 'bar', symbol: undefined, lineStyle: undefined, itemStyle: { color: '#b8c0cc' } });
      series.push(s);
    }
  });
  const all = layout.grids.map((_, i) => i);
  candleView.chart.setOption({
    animation: false,
    legend: { top: 0, data: series.filter((s) => s.yAxisIndex !== 1).map((s) => s.name) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'cross' }, confine: true, formatter: tooltipText },
    axisPointer: { link: [{ xAxisIndex: 'all' }], label: { backgroundColor: '#1d232a' } },
    grid: layout.grids,
    xAxis: axes,
    yAxis: yAxes,
    dataZoom: [
      { type: 'inside', xAxisIndex: all, start: 0, end: 100 },
      { type: 'slider', xAxisIndex: all, bottom: 8, height: 22, start: 0, end: 100 },
    ],
    series,
  }, true);
  const chartEl = $('#candles-chart');
  chartEl.dataset.panes = panes.length;
  chartEl.dataset.paneSpecs = panes.map((i) => i.spec).join(',');
  chartEl.dataset.overlaySpecs = overlays.map((i) => i.spec).join(',');
  chartEl.dataset.points = d.count;
  onCandleZoom();
}

function line(col, axis, color) {
  return {
    name: col.name, type: 'line', data: col.values, xAxisIndex: axis, yAxisIndex: axis, showSymbol: false,
    symbol: 'none', connectNulls: false, lineStyle: { width: 1.3, color }, itemStyle: { color }, sampling: 'lttb',
  };
}

function tooltipText(params) {
  const i = params[0].dataIndex, d = candleView.data;
  if (!d) return '';
  const c = d.candles;
  const rows = [`<b>${d.symbol}</b> ${params[0].axisValue} (${d.display_interval})`,
    `O ${c.o[i]} H ${c.h[i]} L ${c.l[i]} C ${c.c[i]} V ${c.v[i]}`];
  for (const p of params) if (p.seriesType === 'line' && p.value != null) rows.push(`${p.marker}${p.seriesName} ${Number(p.value).toFixed(4)}`);
  return rows.join('<br>');
}

/** The crosshair's candle as text (OHLCV read-out), also when the tooltip is hidden. */
function onCrosshair(ev) {
  const d = candleView.data;
  const info = ev.axesInfo && ev.axesInfo.find((a) => a.axisDim === 'x');
  if (!d || !info) return;
  const i = info.value, c = d.candles;
  if (i == null || i < 0 || i >= c.t.length) return;
  const out = $('#candles-readout');
  out.dataset.openTimeMs = c.t[i];
  out.textContent = `${new Date(c.t[i]).toISOString().slice(0, 16).replace('T', ' ')}  O ${c.o[i]}  H ${c.h[i]}  L ${c.l[i]}  C ${c.c[i]}  V ${c.v[i]}`;
}

/** Records the visible range (first/last open time, candle count) after every zoom or pan. */
function onCandleZoom() {
  const d = candleView.data;
  if (!d || !d.count) return;
  const z = candleView.chart.getOption().dataZoom[0];
  const n = d.count - 1;
  const first = Math.max(0, Math.ceil(z.startValue ?? (z.start / 100) * n));
  const last = Math.min(n, Math.floor(z.endValue ?? (z.end / 100) * n));
  const info = $('#candles-info');
  info.dataset.visibleFromMs = d.candles.t[first];
  info.dataset.visibleToMs = d.candles.t[last];
  info.dataset.visibleCount = last - first + 1;
  $('#candles-detail').disabled = !(d.aggregated && last - first + 1 < d.count);
}

/** Reloads the zoomed days with the finest interval the server allows for them. */
function zoomDetail() {
  const info = $('#candles-info');
  $('#candles-from').value = day(Number(info.dataset.visibleFromMs) * 1000);
  $('#candles-to').value = day(Number(info.dataset.visibleToMs) * 1000);
  $('#candles-display').value = '';
  loadCandles();
}

function initCandles() {
  $('#candles-form').addEventListener('submit', (ev) => { ev.preventDefault(); loadCandles(); });
  $('#candles-display').addEventListener('change', loadCandles);
  $('#candles-detail').addEventListener('click', zoomDetail);
  for (const c of document.querySelectorAll('#candles-indicators input')) c.addEventListener('change', loadCandles);
}
