// StreamForge sign-in for the web UI: OpenID Connect authorization code + PKCE (S256) with the
// public client the visualizer names in GET /api/auth-config. No library, no build step.
//
//   window.sfAuth = {
//     ready: Promise<user|null>,          // config read, sign-in callback handled, token refreshed
//     enabled: boolean,                   // false: the server runs without authentication (loopback)
//     user: {name, roles} | null,
//     can(role): boolean,                 // 'viewer' | 'operator' | 'admin' (admin ⊇ operator ⊇ viewer)
//     fetch(url, opts): Promise<Response>,// fetch with 'Authorization: Bearer <access token>'
//     eventSource(url): EventSource-like, // SSE over fetch streaming, so the token goes in a header
//     login(), logout(),
//     badge(): HTMLElement                // the user badge / sign-in button, to place anywhere
//   }
//
// Elements with data-sf-role="operator" (or viewer/admin) are hidden unless the user has the role.
// Tokens live in sessionStorage (this tab only, gone when it closes); see ADR 2601.
// Loaded before the page's own scripts, it also makes plain fetch('api/…') and new EventSource('api/…')
// of this origin carry the token, so a page that does not call sfAuth explicitly still works.
(function () {
  'use strict';
  const nativeFetch = window.fetch.bind(window);
  const NativeEventSource = window.EventSource;
  const KEY = 'sf.auth.';
  const ORDER = ['viewer', 'operator', 'admin'];
  const listeners = [];
  let config = { enabled: false };
  let known = false; // auth-config read
  let failure = null; // why sign-in is unavailable
  let meta = null;
  let tokens = null;
  const badgeEl = document.createElement('span');
  badgeEl.id = 'sf-auth-badge';
  badgeEl.className = 'sf-auth-badge';

  const auth = {
    enabled: false,
    user: null,
    ready: null,
    can(role) {
      if (!auth.enabled) return true;
      return !!auth.user && auth.user.roles.includes(role);
    },
    login,
    logout,
    fetch: authFetch,
    eventSource,
    badge() { return badgeEl; },
    onChange(fn) { listeners.push(fn); },
  };
  window.sfAuth = auth;

  function b64url(bytes) {
    let s = '';
    new Uint8Array(bytes).forEach((b) => { s += String.fromCharCode(b); });
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function randomString() {
    const b = new Uint8Array(32);
    crypto.getRandomValues(b);
    return b64url(b);
  }

  async function challengeOf(verifier) {
    const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return b64url(d);
  }

  function claims(jwt) {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part),
      (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  }

  // realm roles + client roles of the API audience or the UI client, with the implied lower roles
  function rolesOf(c) {
    const names = new Set(((c.realm_access || {}).roles) || []);
    const clients = c.resource_access || {};
    [config.audience, config.client_id].forEach((id) => {
      ((clients[id] || {}).roles || []).forEach((r) => names.add(r));
    });
    const top = Math.max(-1, ...ORDER.map((r, i) => (names.has(r) ? i : -1)));
    return ORDER.slice(0, top + 1);
  }

  function redirectUri() {
    return location.origin + location.pathname;
  }

  function store(t) {
    tokens = t;
    if (t) sessionStorage.setItem(KEY + 'tokens', JSON.stringify(t));
    else sessionStorage.removeItem(KEY + 'tokens');
    if (t && t.access_token) {
      const c = claims(t.access_token);
      auth.user = { name: c.preferred_username || c.name || c.sub, roles: rolesOf(c) };
    } else {
      auth.user = null;
    }
    render();
  }

  async function tokenRequest(form) {
    const res = await nativeFetch(meta.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    if (!res.ok) throw new Error('token endpoint answered ' + res.status);
    const t = await res.json();
    t.expires_at = Date.now() + (t.expires_in || 60) * 1000;
    return t;
  }

  async function login() {
    if (!auth.enabled) return;
    const verifier = randomString();
    const state = randomString();
    sessionStorage.setItem(KEY + 'verifier', verifier);
    sessionStorage.setItem(KEY + 'state', state);
    sessionStorage.setItem(KEY + 'return', location.hash || '');
    const q = new URLSearchParams({
      client_id: config.client_id,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: redirectUri(),
      state,
      code_challenge: await challengeOf(verifier),
      code_challenge_method: 'S256',
    });
    location.assign(meta.authorization_endpoint + '?' + q);
  }

  function logout() {
    const idToken = tokens && tokens.id_token;
    store(null);
    if (!auth.enabled || !meta.end_session_endpoint) return;
    const q = new URLSearchParams({ client_id: config.client_id, post_logout_redirect_uri: redirectUri() });
    if (idToken) q.set('id_token_hint', idToken);
    location.assign(meta.end_session_endpoint + '?' + q);
  }

  // the authorization server sent us back with ?code=…&state=…
  async function handleCallback() {
    const params = new URLSearchParams(location.search);
    const code = params.get('code');
    if (!code) return;
    const expected = sessionStorage.getItem(KEY + 'state');
    const verifier = sessionStorage.getItem(KEY + 'verifier');
    const back = sessionStorage.getItem(KEY + 'return') || '';
    ['state', 'verifier', 'return'].forEach((k) => sessionStorage.removeItem(KEY + k));
    history.replaceState(null, '', redirectUri() + back);
    if (!expected || params.get('state') !== expected) throw new Error('sign-in state mismatch');
    store(await tokenRequest({
      grant_type: 'authorization_code', code, redirect_uri: redirectUri(),
      client_id: config.client_id, code_verifier: verifier,
    }));
  }

  async function fresh() {
    if (!tokens) return null;
    if (Date.now() < tokens.expires_at - 30000) return tokens.access_token;
    if (!tokens.refresh_token) { store(null); return null; }
    try {
      store(await tokenRequest({
        grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: config.client_id,
      }));
      return tokens.access_token;
    } catch (e) {
      store(null);
      return null;
    }
  }

  async function authFetch(url, opts) {
    await auth.ready;
    const o = Object.assign({}, opts || {});
    if (auth.enabled) {
      const token = await fresh();
      const headers = new Headers(o.headers || {});
      if (token) headers.set('Authorization', 'Bearer ' + token);
      o.headers = headers;
    }
    const res = await nativeFetch(url, o);
    if (res.status === 401 && auth.enabled) store(null);
    return res;
  }

  // An EventSource over fetch: EventSource cannot send an Authorization header, and a token in
  // the URL would end up in access logs. Same events (queue, telemetry, message), reconnects
  // like EventSource (3 s) until close().
  function eventSource(url) {
    if (known && !auth.enabled && NativeEventSource) return new NativeEventSource(url);
    const target = new EventTarget();
    const es = {
      url, readyState: 0, onopen: null, onmessage: null, onerror: null,
      addEventListener: (t, f) => target.addEventListener(t, f),
      removeEventListener: (t, f) => target.removeEventListener(t, f),
      close() { es.readyState = 2; if (controller) controller.abort(); },
    };
    let controller = null;
    const emit = (type, init) => {
      const ev = new MessageEvent(type, init || {});
      target.dispatchEvent(ev);
      const h = es['on' + type];
      if (typeof h === 'function') h(ev);
    };
    const dispatch = (block) => {
      let type = 'message';
      const data = [];
      let id = '';
      block.split(/\r?\n/).forEach((line) => {
        if (!line || line.startsWith(':')) return;
        const i = line.indexOf(':');
        const field = i < 0 ? line : line.slice(0, i);
        const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
        if (field === 'event') type = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') id = value;
      });
      if (data.length) emit(type, { data: data.join('\n'), lastEventId: id });
    };
    const run = async () => {
      while (es.readyState !== 2) {
        controller = new AbortController();
        try {
          const res = await authFetch(url, {
            headers: { Accept: 'text/event-stream' }, signal: controller.signal,
          });
          if (!res.ok || !res.body) throw new Error('events answered ' + res.status);
          es.readyState = 1;
          emit('open');
          const reader = res.body.getReader();
          const decoder = new TextDecoder();
          let buf = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buf += decoder.decode(value, { stream: true });
            let cut;
            while ((cut = buf.search(/\r?\n\r?\n/)) >= 0) {
              dispatch(buf.slice(0, cut));
              buf = buf.slice(cut).replace(/^\r?\n\r?\n/, '');
            }
          }
        } catch (e) {
          if (es.readyState === 2) return;
        }
        if (es.readyState === 2) return;
        es.readyState = 0;
        emit('error');
        await new Promise((r) => setTimeout(r, 3000));
      }
    };
    run();
    return es;
  }

  function render() {
    badgeEl.textContent = '';
    document.querySelectorAll('[data-sf-role]').forEach((el) => {
      el.hidden = !auth.can(el.getAttribute('data-sf-role'));
    });
    if (failure) {
      badgeEl.dataset.state = 'error';
      badgeEl.textContent = 'sign-in unavailable: ' + failure;
    } else if (!auth.enabled) {
      badgeEl.dataset.state = 'off';
      badgeEl.title = 'authentication is off (local, loopback only)';
      badgeEl.textContent = 'local';
    } else if (auth.user) {
      badgeEl.dataset.state = 'signed-in';
      const name = document.createElement('span');
      name.className = 'sf-auth-user';
      name.textContent = auth.user.name;
      name.title = 'roles: ' + (auth.user.roles.join(', ') || 'none');
      name.dataset.roles = auth.user.roles.join(' ');
      const out = document.createElement('button');
      out.type = 'button';
      out.id = 'sf-auth-logout';
      out.textContent = 'Sign out';
      out.addEventListener('click', logout);
      badgeEl.append(name, ' ', out);
    } else {
      badgeEl.dataset.state = 'signed-out';
      const inBtn = document.createElement('button');
      inBtn.type = 'button';
      inBtn.id = 'sf-auth-login';
      inBtn.textContent = 'Sign in';
      inBtn.addEventListener('click', login);
      badgeEl.append(inBtn);
    }
    listeners.forEach((fn) => { try { fn(auth.user); } catch (e) { /* a listener's problem */ } });
  }

  async function start() {
    const res = await nativeFetch('api/auth-config');
    config = res.ok ? await res.json() : { enabled: false };
    auth.enabled = !!config.enabled;
    known = true;
    if (auth.enabled) {
      const d = await nativeFetch(config.issuer + '/.well-known/openid-configuration');
      if (!d.ok) throw new Error('issuer discovery answered ' + d.status);
      meta = await d.json();
      const saved = sessionStorage.getItem(KEY + 'tokens');
      if (saved) store(JSON.parse(saved));
      await handleCallback();
      await fresh();
    }
    render();
    return auth.user;
  }

  // same-origin API calls of the page carry the token (other URLs go out untouched)
  function isApi(url) {
    try {
      const u = new URL(url instanceof Request ? url.url : String(url), location.href);
      return u.origin === location.origin && u.pathname.startsWith('/api/')
        && u.pathname !== '/api/auth-config';
    } catch (e) {
      return false;
    }
  }
  window.fetch = (url, opts) =>
    (isApi(url) && !(url instanceof Request) ? authFetch(url, opts) : nativeFetch(url, opts));
  if (NativeEventSource) {
    window.EventSource = function (url, init) {
      return isApi(url) ? eventSource(String(url)) : new NativeEventSource(url, init);
    };
    Object.assign(window.EventSource, { CONNECTING: 0, OPEN: 1, CLOSED: 2 });
  }

  auth.ready = start().catch((e) => {
    failure = e.message || String(e);
    render();
    return null;
  });
  // place the badge where the page asks for it ([data-sf-auth-badge]), else at the end of <header>
  document.addEventListener('DOMContentLoaded', () => {
    const slot = document.querySelector('[data-sf-auth-badge]') || document.querySelector('header');
    if (slot && !badgeEl.isConnected) slot.appendChild(badgeEl);
    render();
  });
}());
