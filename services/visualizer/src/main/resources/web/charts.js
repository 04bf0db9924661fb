// StreamForge visualizer: the GNN metric bars as inline SVG (the candles and the graph are ECharts,
// see candles.js and graph.js). Every bar is an element with data- attributes a test can read.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';

function svgEl(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
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
