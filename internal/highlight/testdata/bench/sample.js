// Live reload: reconnects to the development server and reloads the page
// when a file changes.
'use strict';

const RETRY_MS = 1000;
const MAX_RETRIES = 30;

class Reloader {
  constructor(url, { onChange = () => {}, log = console } = {}) {
    this.url = url;
    this.onChange = onChange;
    this.log = log;
    this.retries = 0;
    this.socket = null;
  }

  connect() {
    this.socket = new WebSocket(this.url);
    this.socket.addEventListener('open', () => {
      this.retries = 0;
      this.log.info(`live reload: connected to ${this.url}`);
    });
    this.socket.addEventListener('message', (event) => {
      const msg = JSON.parse(event.data);
      if (msg.type === 'reload') {
        this.onChange(msg.paths ?? []);
        window.location.reload();
      } else if (msg.type === 'css') {
        this.reloadStyles(msg.paths);
      }
    });
    this.socket.addEventListener('close', () => this.retry());
  }

  retry() {
    if (++this.retries > MAX_RETRIES) {
      this.log.warn('live reload: giving up after %d tries', MAX_RETRIES);
      return;
    }
    setTimeout(() => this.connect(), RETRY_MS * Math.min(this.retries, 5));
  }

  reloadStyles(paths) {
    const links = document.querySelectorAll('link[rel="stylesheet"]');
    for (const link of links) {
      const href = new URL(link.href);
      if (paths.some((p) => href.pathname.endsWith(p))) {
        href.searchParams.set('v', Date.now().toString(36));
        link.href = href.toString();
      }
    }
  }
}

async function fetchJSON(url, options = {}) {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, ...options });
  if (!res.ok) {
    throw new Error(`${res.status} ${res.statusText}: ${url}`);
  }
  return res.json();
}

const pattern = /^\/posts\/(\d{4})\/([a-z0-9-]+)\/?$/i;

export function postSlug(path) {
  const m = pattern.exec(path);
  return m ? { year: Number(m[1]), slug: m[2] } : null;
}

export default function start(port = 35729) {
  const r = new Reloader(`ws://${location.hostname}:${port}/livereload`);
  r.connect();
  return r;
}
