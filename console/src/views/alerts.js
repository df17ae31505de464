import { useEffect, useState } from 'preact/hooks';
import { call, get } from '../api.js';
import { atLeast } from '../auth.js';
import { useStore } from '../store.js';
import { ago, fromNow, localTime } from '../time.js';
import { html, Action, Answer, Badge, Field, Loading } from '../ui.js';
import { loadAlerts } from './now.js';

const STATES = ['FIRING', 'ACKNOWLEDGED', 'RESOLVED'];
const SEVERITY_ORDER = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

function matchersOf(alert) {
  const matchers = [`alertname="${alert.name}"`, `service="${alert.service}"`];
  if (alert.region) matchers.push(`region="${alert.region}"`);
  return matchers.join('\n');
}

function SilenceForm({ alert, onDone }) {
  const [matchers, setMatchers] = useState(matchersOf(alert));
  const [comment, setComment] = useState('');
  const [hours, setHours] = useState('2');
  const [expireOnResolve, setExpireOnResolve] = useState(true);
  return html`<form class="stack" onSubmit=${(e) => e.preventDefault()} aria-label=${`Silence ${alert.name}`}>
    <${Field} label="Matchers, one a line"><textarea rows="3" value=${matchers} onInput=${(e) => setMatchers(e.target.value)} /><//>
    <${Field} label="Reason"><input value=${comment} onInput=${(e) => setComment(e.target.value)} /><//>
    <${Field} label="For"><select value=${hours} onChange=${(e) => setHours(e.target.value)}>
      ${['1', '2', '4', '8', '24'].map((h) => html`<option value=${h}>${h} h</option>`)}</select><//>
    <label class="check"><input type="checkbox" checked=${expireOnResolve} onChange=${(e) => setExpireOnResolve(e.target.checked)} /> End when the alert resolves</label>
    <${Action} label="Silence" confirm="Silence these alerts? Nobody will be notified of them while it lasts." onDone=${onDone}
      run=${() => call('POST', '/api/alerts/silences', {
        matchers: matchers.split('\n').map((m) => m.trim()).filter(Boolean),
        endsAt: new Date(Date.now() + Number(hours) * 3600_000).toISOString(),
        comment, expireOnResolve,
      })} />
  </form>`;
}

function Detail({ fingerprint, canAct }) {
  const { notices, alerts } = useStore();
  const [answer, setAnswer] = useState(null);
  const [silencing, setSilencing] = useState(false);
  const reload = () => get(`/api/alerts/${fingerprint}`).then(setAnswer);
  const summary = alerts[fingerprint];
  useEffect(() => {
    // the feed can announce an alert a moment before the router has stored it: ask again a few times
    let tries = 0;
    let timer = null;
    const attempt = () => get(`/api/alerts/${fingerprint}`).then((a) => {
      if (a.status === 404 && ++tries < 6) timer = setTimeout(attempt, 1000);
      else setAnswer(a);
    });
    attempt();
    return () => clearTimeout(timer);
  }, [fingerprint, notices, summary?.state, summary?.occurredAt]);
  if (!answer?.ok) return html`<${Loading} answer=${answer} what="the alert" />`;
  const a = answer.data;
  const done = () => { reload(); loadAlerts(); };
  const e = a.escalation;
  return html`<div class="detail" data-test="alert-detail">
    <p>${a.summary}</p>
    <dl class="facts">
      <div><dt>State</dt><dd data-test="alert-state">${a.state}${a.acknowledgedBy ? ` by ${a.acknowledgedBy} ${ago(a.acknowledgedAt)}` : ''}</dd></div>
      <div><dt>Started</dt><dd>${localTime(a.startsAt, 'UTC')} (${ago(a.startsAt)})</dd></div>
      <div><dt>Escalation</dt><dd data-test="escalation">${!e ? 'none (no escalation policy)'
        : e.nextAt ? `tier ${e.step} of ${e.policy}; next tier ${fromNow(e.nextAt)}` : `stopped at tier ${e.step} of ${e.policy}`}</dd></div>
      <div><dt>Labels</dt><dd class="labels">${Object.entries(a.labels ?? {}).map(([k, v]) => html`<code>${k}=${v}</code> `)}</dd></div>
    </dl>
    <h4>Notifications</h4>
    ${a.notifications?.length
      ? html`<ul class="history">${a.notifications.map((n) => html`<li>
          <strong>${n.integration}</strong> (${n.channel}, ${n.kind}) · ${n.status} · ${n.attempts} attempt${n.attempts === 1 ? '' : 's'}
          · queued ${ago(n.queuedAt)}${n.deliveredAt ? `, delivered ${ago(n.deliveredAt)}` : ''}${n.lastError ? html` · <span class="bad-text">${n.lastError}</span>` : null}</li>`)}</ul>`
      : html`<p class="muted">None sent yet.</p>`}
    ${canAct ? html`<div class="actions">
      ${a.state === 'FIRING' ? html`<${Action} label="Acknowledge" run=${() => call('POST', `/api/alerts/${fingerprint}/ack`, { comment: 'from the console' })} onDone=${done} />` : null}
      ${a.state !== 'RESOLVED' ? html`<${Action} label="Resolve" confirm="Resolve this alert by hand?" run=${() => call('POST', `/api/alerts/${fingerprint}/resolve`, { comment: 'from the console' })} onDone=${done} />` : null}
      <button onClick=${() => setSilencing(!silencing)} aria-expanded=${silencing}>Silence…</button>
    </div>` : null}
    ${silencing ? html`<${SilenceForm} alert=${a} onDone=${() => setSilencing(false)} />` : null}
  </div>`;
}

function Silences({ canAct, reloads }) {
  const [answer, setAnswer] = useState(null);
  const [expired, setExpired] = useState(null);
  const reload = () => get('/api/alerts/silences').then(setAnswer);
  useEffect(() => { reload(); }, [reloads]);
  const active = answer?.ok ? answer.data.filter((s) => !s.expiredAt && Date.parse(s.endsAt) > Date.now()) : [];
  return html`<section aria-labelledby="silences-title">
    <h3 id="silences-title">Silences</h3>
    <${Loading} answer=${answer} what="silences" />
    ${answer?.ok && active.length === 0 ? html`<p class="muted">No active silence.</p>` : null}
    <ul class="list">${active.map((s) => html`<li class="card">
      <p><code>${s.matchers.join(', ')}</code></p>
      <p class="small">until ${localTime(s.endsAt, 'UTC')} · ${s.comment} · by ${s.createdBy}${s.expireOnResolve ? ' · ends on resolve' : ''}</p>
      ${canAct ? html`<${Action} label="Expire" confirm="Expire this silence now?" run=${() => call('DELETE', `/api/alerts/silences/${s.id}`)} onDone=${reload} />` : null}
    </li>`)}</ul>
    <${Answer} answer=${expired} />
  </section>`;
}

export function Alerts({ session }) {
  const { alerts, reloads } = useStore();
  const [answer, setAnswer] = useState(null);
  const [tab, setTab] = useState('FIRING');
  const [open, setOpen] = useState(null);
  useEffect(() => { loadAlerts().then(setAnswer); }, [reloads]);
  const canAct = atLeast(session, 'OPERATOR');
  const all = Object.values(alerts);
  // the open alert stays in view after an action moves it to another state, with the server's answer under it
  const shown = all.filter((a) => a.state === tab || a.fingerprint === open)
    .sort((a, b) => (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]) || Date.parse(b.startsAt) - Date.parse(a.startsAt));
  return html`<section aria-labelledby="alerts-title">
    <h2 id="alerts-title">Alerts</h2>
    <div class="tabs" role="group" aria-label="Alert state">
      ${STATES.map((s) => html`<button aria-pressed=${tab === s} onClick=${() => setTab(s)}>${s.toLowerCase()} (${all.filter((a) => a.state === s).length})</button>`)}
    </div>
    <${Loading} answer=${answer} what="alerts" />
    ${answer?.ok && shown.length === 0 ? html`<p class="muted">No ${tab.toLowerCase()} alert.</p>` : null}
    <ul class="list">${shown.map((a) => html`<li class="card alert" key=${a.fingerprint} data-fingerprint=${a.fingerprint}>
      <button class="row plain" aria-expanded=${open === a.fingerprint} onClick=${() => setOpen(open === a.fingerprint ? null : a.fingerprint)}>
        <${Badge} value=${a.severity} />
        <span class="grow"><strong>${a.name}</strong> <span class="muted">${a.service}${a.region ? ` · ${a.region}` : ''}</span></span>
        <span class="muted small">${ago(a.startsAt)}</span>
      </button>
      ${open === a.fingerprint ? html`<${Detail} fingerprint=${a.fingerprint} canAct=${canAct} />` : html`<p class="small">${a.summary}</p>`}
    </li>`)}</ul>
    <${Silences} canAct=${canAct} reloads=${reloads} />
  </section>`;
}
