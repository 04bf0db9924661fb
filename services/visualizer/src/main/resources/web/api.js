// StreamForge visualizer: the one way the page talks to the server (loaded after auth.js).
// Every API call and event stream goes through sf.fetch / sf.eventSource: window.sfAuth (auth.js,
// when it defines one) adds the user's credentials; without it plain fetch / EventSource are used.
'use strict';

const sf = {
  auth() { return window.sfAuth && typeof window.sfAuth.fetch === 'function' ? window.sfAuth : null; },
  fetch(url, opts) { const a = sf.auth(); return a ? a.fetch(url, opts) : fetch(url, opts); },
  eventSource(url) {
    const a = window.sfAuth;
    return a && typeof a.eventSource === 'function' ? a.eventSource(url) : new EventSource(url);
  },
  async ready() { if (window.sfAuth && window.sfAuth.ready) { try { await window.sfAuth.ready; } catch (e) { /* signed out */ } } },
  // start/stop are shown unless auth.js says the user is not an operator
  canOperate() { return !(window.sfAuth && typeof window.sfAuth.can === 'function') || window.sfAuth.can('operator'); },
};

// ---------- helpers shared by the views ----------
function $(sel, root) { return (root || document).querySelector(sel); }

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function qs(params) { return new URLSearchParams(params).toString(); }

/** An Error carrying the problem+json body (field, invalid_params) of a failed call. */
class ApiError extends Error {
  constructor(status, body, fallback) {
    const where = body.field ? ` (${body.field})` : '';
    super((body.detail || fallback) + where);
    this.status = status;
    this.problem = body;
  }
}

async function call(path, opts) {
  const res = await sf.fetch(path, { ...opts, headers: { Accept: 'application/json', ...(opts && opts.headers) } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body, res.statusText);
  return body;
}

function api(path) { return call(path); }

function apiPost(path, json) {
  return call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(json || {}) });
}

function showError(section, err) {
  const p = $(`#${section} > .error`);
  p.textContent = err ? err.message || String(err) : '';
  p.hidden = !err;
}

function clock(us) { return new Date(us / 1000).toISOString().slice(5, 16).replace('T', ' '); }
function day(us) { return new Date(us / 1000).toISOString().slice(0, 10); }
function fmt(v, digits) { return v === null || v === undefined ? '–' : Number(v).toFixed(digits); }
