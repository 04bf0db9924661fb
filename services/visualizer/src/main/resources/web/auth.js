// Placeholder: the authentication helper replaces this file with one that defines window.sfAuth
// ({ ready, fetch(url, opts), eventSource(url), user, can(role) }). Without it the page talks to
// the API directly (api.js falls back to fetch / EventSource) and shows every control.
