import { useEffect, useState } from 'preact/hooks';
import { call, get } from '../api.js';
import { atLeast } from '../auth.js';
import { keyed, update, useStore } from '../store.js';
import { ago, localTime } from '../time.js';
import { html, Action, Answer, Badge, Field, Loading } from '../ui.js';

const ACTIVE = ['REQUESTED', 'MIGRATING', 'ROLLING_OUT', 'VERIFYING', 'ROLLING_BACK'];

export function loadDeployments() {
  return get('/api/admin/infrastructure/deployments?limit=50').then((answer) => {
    if (answer.ok) update(() => ({ deployments: keyed(answer.data, 'id') }));
    return answer;
  });
}

function zoneOf(protection, region) {
  return protection[region]?.timeZone ?? 'UTC';
}

/** The gate's answer, and the next open window in the region's own time. */
function GateAnswer({ answer, protection, region }) {
  if (!answer) return null;
  if (!answer.ok && answer.status !== 423) return html`<${Answer} answer=${answer} />`;
  const gate = answer.ok ? answer.data : answer.problem;
  const allowed = answer.ok && (gate.allowed ?? true);
  const reason = gate.reason ?? gate.detail;
  return html`<p class=${`answer ${allowed ? 'ok' : 'refused'}`} role="status" data-test="gate" data-status=${answer.status}>
    ${allowed ? html`<strong>Open</strong>` : html`<strong>Closed: </strong>${reason}`}
    ${!allowed && gate.nextOpenAt ? html`<br />Next open window: <time datetime=${gate.nextOpenAt}>${localTime(gate.nextOpenAt, zoneOf(protection, region))}</time>` : null}
    ${!allowed && !gate.nextOpenAt ? html`<br />Next open window: unknown` : null}
    ${answer.ok && answer.status === 202 ? html`<br />Deployment ${gate.id ?? ''} accepted.` : null}
  </p>`;
}

function DeployForm({ session, protection }) {
  const regions = Object.keys(protection).sort();
  const [form, setForm] = useState({ service: 'demo', environment: 'staging', region: regions[0] ?? 'uk', version: '', emergency: false, reason: '' });
  const [gate, setGate] = useState(null);
  const [started, setStarted] = useState(null);
  const set = (key) => (e) => setForm({ ...form, [key]: e.target.type === 'checkbox' ? e.target.checked : e.target.value });
  const query = `service=${encodeURIComponent(form.service)}&environment=${encodeURIComponent(form.environment)}&region=${encodeURIComponent(form.region)}`;
  const admin = atLeast(session, 'ADMIN');
  const start = async () => {
    const body = { service: form.service, environment: form.environment, region: form.region, version: form.version };
    if (form.emergency) Object.assign(body, { emergency: true, reason: form.reason });
    const answer = await call('POST', '/api/admin/infrastructure/deployments', body, { 'Idempotency-Key': `console-${crypto.randomUUID()}` });
    setStarted(answer);
    if (answer.ok) loadDeployments();
    return null;
  };
  return html`<form class="stack card" onSubmit=${(e) => e.preventDefault()} aria-label="Gate and deploy">
    <div class="cols">
      <${Field} label="Service"><input value=${form.service} onInput=${set('service')} /><//>
      <${Field} label="Environment"><input value=${form.environment} onInput=${set('environment')} /><//>
      <${Field} label="Region"><input value=${form.region} onInput=${set('region')} list="regions" /><//>
      <${Field} label="Version"><input value=${form.version} onInput=${set('version')} placeholder="1.4.2" /><//>
    </div>
    <datalist id="regions">${regions.map((r) => html`<option value=${r} />`)}</datalist>
    <div class="actions">
      <button onClick=${() => get(`/api/admin/infrastructure/deployments/gate?${query}`).then(setGate)}>Ask the gate</button>
    </div>
    <${GateAnswer} answer=${gate} protection=${protection} region=${form.region} />
    ${admin ? html`<fieldset class="override">
      <legend>Emergency override (ADMIN)</legend>
      <label class="check"><input type="checkbox" checked=${form.emergency} onChange=${set('emergency')} /> Deploy through a freeze</label>
      <${Field} label="Written reason" hint="Audited and announced as an alert; the override covers this one deployment only.">
        <textarea rows="2" value=${form.reason} onInput=${set('reason')} /><//>
    </fieldset>` : null}
    ${atLeast(session, 'OPERATOR') ? html`<${Action} label="Start deployment" danger=${form.emergency}
      confirm=${`Deploy ${form.service} ${form.version} to ${form.environment} in ${form.region}${form.emergency ? ' THROUGH THE FREEZE' : ''}?`}
      run=${start} />` : null}
    <${GateAnswer} answer=${started} protection=${protection} region=${form.region} />
  </form>`;
}

function Timeline({ id, canAct }) {
  const [answer, setAnswer] = useState(null);
  const { deployments } = useStore();
  const reload = () => get(`/api/admin/infrastructure/deployments/${id}`).then(setAnswer);
  useEffect(() => { reload(); }, [id, deployments[id]?.phase]);
  if (!answer?.ok) return html`<${Loading} answer=${answer} what="the deployment" />`;
  const d = answer.data;
  return html`<div class="detail">
    <p class="small">requested by ${d.requestedBy}${d.reason ? ` · ${d.reason}` : ''}${d.emergency ? ' · EMERGENCY OVERRIDE' : ''}</p>
    <ol class="timeline">${(d.phases ?? []).map((p) => html`<li><${Badge} value=${p.phase} /> ${localTime(p.at, 'UTC')}
      ${p.actor ? ` · ${p.actor}` : ''}${p.durationMs != null ? ` · ${Math.round(p.durationMs / 1000)} s` : ''}${p.detail ? html`<br /><span class="small">${p.detail}</span>` : null}</li>`)}</ol>
    ${canAct && ACTIVE.includes(d.phase) && d.phase !== 'ROLLING_BACK' ? html`<${Action} label="Abort" danger confirm="Abort this deployment (it is rolled back)?"
      run=${() => call('POST', `/api/admin/infrastructure/deployments/${id}/abort`, { reason: 'aborted from the console' })} onDone=${reload} />` : null}
    ${canAct && d.phase === 'SUCCEEDED' ? html`<${Action} label="Roll back" danger confirm="Roll this deployment back to the previous version?"
      run=${() => call('PUT', `/api/admin/infrastructure/deployments/${id}/rollback`)} onDone=${reload} />` : null}
  </div>`;
}

export function Deployments({ session }) {
  const { deployments, protection, reloads } = useStore();
  const [answer, setAnswer] = useState(null);
  const [open, setOpen] = useState(null);
  useEffect(() => { loadDeployments().then(setAnswer); }, [reloads]);
  const list = Object.values(deployments).sort((a, b) => Date.parse(b.updatedAt ?? b.createdAt) - Date.parse(a.updatedAt ?? a.createdAt));
  const active = list.filter((d) => ACTIVE.includes(d.phase));
  const row = (d) => html`<li class="card" key=${d.id}>
    <button class="row plain" aria-expanded=${open === d.id} onClick=${() => setOpen(open === d.id ? null : d.id)}>
      <${Badge} value=${d.phase} />
      <span class="grow"><strong>${d.service} ${d.version}</strong> <span class="muted">${d.environment} · ${d.region}</span></span>
      <span class="muted small">${ago(d.updatedAt ?? d.createdAt)}</span>
    </button>
    ${open === d.id ? html`<${Timeline} id=${d.id} canAct=${atLeast(session, 'OPERATOR')} />` : null}
  </li>`;
  return html`<section aria-labelledby="deployments-title">
    <h2 id="deployments-title">Deployments</h2>
    <${DeployForm} session=${session} protection=${protection} />
    <h3>Active (${active.length})</h3>
    <ul class="list">${active.map(row)}</ul>
    <h3>Recent</h3>
    <${Loading} answer=${answer} what="deployments" />
    <ul class="list">${list.filter((d) => !ACTIVE.includes(d.phase)).slice(0, 30).map(row)}</ul>
  </section>`;
}
