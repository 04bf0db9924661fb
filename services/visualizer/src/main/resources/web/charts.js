// StreamForge visualizer: the SVG charts (loaded before app.js; plain functions, no build step).
// Every drawn thing is an element with a class and data- attributes, so tests can count and read it.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';

function svgEl(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function clock(us) { return new Date(us / 1000).toISOString().slice(5, 16).replace('T', ' '); }
function fmt(v, digits) { return v === null || v === undefined ? '–' : Number(v).toFixed(digits); }

function drawCandles(box, candles, ind) {
  const W = 1000, H = 420, L = 64, R = 56, T = 12, B = 28;
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'candlestick chart' });
  if (candles.length === 0) {
    svg.append(svgEl('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'no candles stored for this range'));
    box.replaceChildren(svg);
    return;
  }
  const lows = candles.map((c) => Number(c.low)), highs = candles.map((c) => Number(c.high));
  let lo = Math.min(...lows), hi = Math.max(...highs);
  if (hi === lo) { hi += 1; lo -= 1; }
  const t0 = candles[0].open_time_us, t1 = candles[candles.length - 1].open_time_us;
  const span = Math.max(1, t1 - t0);
  const step = (W - L - R) / candles.length;
  const x = (t) => L + ((t - t0) / span) * (W - L - R - step) + step / 2;
  const y = (v) => T + (1 - (v - lo) / (hi - lo)) * (H - T - B);
  axes(svg, W, H, L, R, T, B, lo, hi, y, t0, t1, x);
  const g = svgEl('g', { class: 'candles' });
  const bw = Math.max(0.6, step * 0.7);
  for (const c of candles) {
    const o = Number(c.open), cl = Number(c.close);
    const cg = svgEl('g', { class: `candle ${cl >= o ? 'up' : 'down'}`, 'data-open-time-us': c.open_time_us });
    const cx = x(c.open_time_us);
    cg.append(svgEl('line', { x1: cx, x2: cx, y1: y(Number(c.high)), y2: y(Number(c.low)), 'stroke-width': Math.max(0.5, bw / 4) }));
    const top = y(Math.max(o, cl));
    cg.append(svgEl('rect', { x: cx - bw / 2, y: top, width: bw, height: Math.max(0.5, y(Math.min(o, cl)) - top) }));
    cg.append(svgEl('title', {}, `${clock(c.open_time_us)} O ${c.open} H ${c.high} L ${c.low} C ${c.close} V ${c.volume}`));
    g.append(cg);
  }
  svg.append(g);
  if (ind && ind.values.length > 0) overlay(svg, ind, lo, hi, x, y, W, R, T, B, H);
  box.replaceChildren(svg);
}

function axes(svg, W, H, L, R, T, B, lo, hi, y, t0, t1, x) {
  const g = svgEl('g', { class: 'axes' });
  for (let i = 0; i <= 4; i++) {
    const v = lo + ((hi - lo) * i) / 4;
    g.append(svgEl('line', { class: 'grid', x1: L, x2: W - R, y1: y(v), y2: y(v) }));
    g.append(svgEl('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, v.toPrecision(6)));
  }
  for (let i = 0; i <= 4; i++) {
    const t = t0 + ((t1 - t0) * i) / 4;
    g.append(svgEl('text', { x: x(t), y: H - 8, 'text-anchor': 'middle' }, clock(t)));
  }
  svg.append(g);
}

// A moving average shares the price axis; anything else (RSI, ATR, …) gets its own right-hand axis.
function overlay(svg, ind, lo, hi, x, y, W, R, T, B, H) {
  const vals = ind.values.map((v) => v.value);
  let vlo = Math.min(...vals), vhi = Math.max(...vals);
  const sameScale = vlo >= lo - (hi - lo) && vhi <= hi + (hi - lo);
  let yy = y;
  if (!sameScale) {
    if (vhi === vlo) { vhi += 1; vlo -= 1; }
    yy = (v) => T + (1 - (v - vlo) / (vhi - vlo)) * (H - T - B);
    svg.append(svgEl('text', { x: W - R + 6, y: yy(vhi) + 4 }, vhi.toPrecision(4)));
    svg.append(svgEl('text', { x: W - R + 6, y: yy(vlo) }, vlo.toPrecision(4)));
  }
  const points = ind.values.map((v) => `${x(v.open_time_us).toFixed(2)},${yy(v.value).toFixed(2)}`).join(' ');
  svg.append(svgEl('polyline', {
    class: 'indicator', points, 'data-name': ind.name, 'data-count': ind.values.length,
    'data-scale': sameScale ? 'price' : 'own',
  }));
}

function drawGraph(box, g) {
  const W = 640, H = 480, cx = W / 2, cy = H / 2, r = Math.min(W, H) / 2 - 60;
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'correlation graph' });
  const pos = new Map();
  g.nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / g.nodes.length - Math.PI / 2;
    pos.set(n.id, [cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  });
  const edges = svgEl('g', { class: 'edges' });
  for (const e of g.edges) {
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    const line = svgEl('line', {
      class: `edge ${e.rho >= 0 ? 'positive' : 'negative'}`, x1, y1, x2, y2,
      'stroke-width': (1 + 9 * e.weight).toFixed(2), 'data-source': e.source, 'data-target': e.target, 'data-rho': e.rho,
    });
    line.append(svgEl('title', {}, `${e.source} – ${e.target}: rho ${e.rho.toFixed(4)}`));
    edges.append(line);
    edges.append(svgEl('text', { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 4, 'text-anchor': 'middle' }, e.rho.toFixed(2)));
  }
  svg.append(edges);
  const nodes = svgEl('g', { class: 'nodes' });
  for (const n of g.nodes) {
    const [x, y] = pos.get(n.id);
    const ng = svgEl('g', { class: 'node', 'data-symbol': n.id, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` });
    ng.append(svgEl('circle', { r: 22 }), svgEl('text', { y: 4, 'text-anchor': 'middle' }, n.id.replace(/USDT$/, '')));
    ng.append(svgEl('title', {}, n.id));
    nodes.append(ng);
  }
  svg.append(nodes);
  box.replaceChildren(svg);
}

function drawBars(box, rows) {
  const W = 640, rowH = 34, L = 170, H = rows.length * rowH + 30;
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'macro-F1 of model and baselines' });
  svg.append(svgEl('text', { x: L, y: 14 }, 'macro-F1 on the test split (0 … 1)'));
  rows.forEach(([key, label, c], i) => {
    const y = 24 + i * rowH, v = c.macro_f1 ?? 0;
    svg.append(svgEl('text', { x: L - 8, y: y + 17, 'text-anchor': 'end' }, label));
    svg.append(svgEl('rect', {
      class: `bar ${key === 'test' ? 'model' : 'baseline'}`, 'data-metric': key, x: L, y, height: rowH - 10, width: (W - L - 60) * v,
    }));
    svg.append(svgEl('text', { x: L + (W - L - 60) * v + 6, y: y + 17 }, fmt(c.macro_f1, 3)));
  });
  box.replaceChildren(svg);
}
