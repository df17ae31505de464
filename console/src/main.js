import 'uplot/dist/uPlot.min.css';
import './app.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { whenSignedOut } from './api.js';
import { atLeast, finishSingleSignOn, session as readSession, signIn, signOut, startSingleSignOn, takeSignInMessage } from './auth.js';
import { connectLive } from './live.js';
import { applyLive, update, useStore } from './store.js';
import { span } from './time.js';
import { html, Field } from './ui.js';
import { Alerts } from './views/alerts.js';
import { Deployments, loadDeployments } from './views/deployments.js';
import { Emergency } from './views/emergency.js';
import { Health } from './views/health.js';
import { Integrations } from './views/integrations.js';
import { loadAlerts, Now } from './views/now.js';
import { Weddings } from './views/weddings.js';

const VIEWS = [
  { path: 'now', label: 'Now', icon: '◉', view: Now },
  { path: 'alerts', label: 'Alerts', icon: '!', view: Alerts },
  { path: 'deployments', label: 'Deploys', icon: '⇪', view: Deployments },
  { path: 'health', label: 'Health', icon: '♥', view: Health },
  { path: 'integrations', label: 'APM', more: 'integrations', icon: '∿', view: Integrations },
  { path: 'weddings', label: 'Weddings', icon: '❦', view: Weddings },
  { path: 'emergency', label: 'SOS', more: 'emergency', icon: '⚠', view: Emergency, role: 'ADMIN' },
];

let config = { oidc: null, rolesClaim: 'roles' };

function useHash() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash.replace(/^#\/?/, '') || 'now';
}

function SignIn({ message, onSignedIn }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState(null);
  const submit = (e) => {
    e.preventDefault();
    try {
      signIn(token);
      onSignedIn();
    } catch (err) {
      setError(`That is not a token: ${err.message}.`);
    }
  };
  return html`<main class="signin">
    <h1>WedOps console</h1>
    ${message ? html`<p class="answer refused" role="alert">${message}</p>` : null}
    ${config.oidc ? html`<p><button class="primary" onClick=${() => startSingleSignOn(config.oidc).catch((err) => setError(err.message))}>Sign in with single sign-on</button></p>
      <p class="muted">or paste a token:</p>` : null}
    <form class="stack" onSubmit=${submit}>
      <${Field} label="Bearer token" hint="Locally: ./wedops token VIEWER (or OPERATOR, ADMIN). Kept for this tab only.">
        <textarea rows="4" value=${token} onInput=${(e) => setToken(e.target.value)} autocomplete="off" spellcheck="false" /><//>
      <button class="primary" type="submit">Sign in</button>
      ${error ? html`<p class="answer refused" role="alert">${error}</p>` : null}
    </form>
  </main>`;
}

function LiveStatus() {
  const { live } = useStore();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  const age = live.at ? span(Date.now() - live.at) : null;
  const text = live.state === 'live' ? `Live · ${age} ago`
    : live.state === 'off' ? `Live off${age ? ` · ${age} ago` : ''}`
      : `${live.state === 'connecting' ? 'Connecting' : 'Reconnecting'}${age ? ` · ${age} ago` : ''}`;
  return html`<span class=${`live ${live.state}`} data-test="live-status" title=${live.detail ?? ''}
    aria-label=${`Last updated: ${text}${live.detail ? ` (${live.detail})` : ''}`}>${text}</span>`;
}

function Console({ session, onSignOut }) {
  const route = useHash();
  useEffect(() => {
    // lists whose stored state lives in a service: reload shortly after the feed says they changed
    const pending = new Set();
    let timer = null;
    const soon = (lists) => {
      lists.forEach((l) => pending.add(l));
      if (lists.length && !timer) {
        timer = setTimeout(() => {
          timer = null;
          if (pending.delete('alerts')) loadAlerts();
          if (pending.delete('deployments')) loadDeployments();
        }, 1500);
      }
    };
    let connectedBefore = false;
    const stop = connectLive({
      onEvent: (message) => {
        if (message.event === 'connected') {
          // after a gap, what was missed is reloaded from the services rather than guessed
          if (connectedBefore) update((s) => ({ reloads: s.reloads + 1 }));
          connectedBefore = true;
          return;
        }
        soon(applyLive(message));
      },
      onStatus: (status) => update((s) => ({ live: { ...s.live, ...status, at: status.at ?? s.live.at } })),
      onUnauthorized: () => {
        signOut('Signed out: the gateway refused the token on the live feed. Paste a new token.');
        onSignOut();
      },
    });
    return () => { stop(); clearTimeout(timer); };
  }, []);
  const views = VIEWS.filter((v) => !v.role || atLeast(session, v.role));
  const current = VIEWS.find((v) => v.path === route) ?? VIEWS[0];
  const View = current.view;
  return html`<div class="shell">
    <header class="top">
      <h1><a href="#/now">WedOps</a></h1>
      <${LiveStatus} />
      <span class="who" data-test="who" title=${session.subject}>${session.role ?? 'no role'}</span>
      <button class="small" onClick=${() => { signOut(); onSignOut(); }}>Sign out</button>
    </header>
    <main id="main"><${View} session=${session} key=${current.path} /></main>
    <nav class="tabs-bottom" aria-label="Views">
      ${views.map((v) => html`<a href=${`#/${v.path}`} aria-current=${v.path === current.path ? 'page' : null}>
        <span aria-hidden="true">${v.icon}</span><span>${v.label}${v.more ? html`<span class="sr-only"> ${v.more}</span>` : null}</span></a>`)}
    </nav>
  </div>`;
}

function App() {
  const [current, setCurrent] = useState(() => readSession(config.rolesClaim));
  const [message, setMessage] = useState(() => takeSignInMessage());
  const refresh = () => {
    setCurrent(readSession(config.rolesClaim));
    setMessage(takeSignInMessage());
  };
  useEffect(() => whenSignedOut(refresh), []);
  useEffect(() => {
    if (!current?.expiresAt) return undefined;
    const timer = setTimeout(() => {
      signOut('Your token expired. Paste a new one (./wedops token ROLE) or sign in again.');
      refresh();
    }, Math.max(0, current.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [current]);
  if (!current) return html`<${SignIn} message=${message} onSignedIn=${refresh} />`;
  return html`<${Console} session=${current} onSignOut=${refresh} />`;
}

async function boot() {
  const answer = await fetch('/console/config.json').then((r) => (r.ok ? r.json() : null)).catch(() => null);
  if (answer) config = { ...config, ...answer };
  if (config.oidc) {
    await finishSingleSignOn(config.oidc).catch((err) => signOut(err.message));
  }
  const s = readSession(config.rolesClaim);
  if (s?.expiresAt && s.expiresAt <= Date.now()) signOut('Your token expired. Paste a new one (./wedops token ROLE) or sign in again.');
  render(html`<${App} />`, document.getElementById('app'));
}

boot();
