import { useEffect, useState } from 'preact/hooks';
import { call, get } from '../api.js';
import { atLeast } from '../auth.js';
import { useStore } from '../store.js';
import { ago } from '../time.js';
import { html, Action, Field, Loading } from '../ui.js';

function Broadcast() {
  const [form, setForm] = useState({ receiver: 'on-call', message: '', reason: '' });
  const set = (key) => (e) => setForm({ ...form, [key]: e.target.value });
  return html`<form class="stack card" onSubmit=${(e) => e.preventDefault()} aria-labelledby="broadcast-title">
    <h3 id="broadcast-title">Broadcast a message</h3>
    <${Field} label="Receiver"><input value=${form.receiver} onInput=${set('receiver')} /><//>
    <${Field} label="Message"><textarea rows="3" value=${form.message} onInput=${set('message')} /><//>
    <${Field} label="Reason"><input value=${form.reason} onInput=${set('reason')} /><//>
    <${Action} label="Broadcast" confirm=${`Send this to every integration of ${form.receiver}?`}
      run=${() => call('POST', '/api/emergency/alerts/broadcast', form)} />
  </form>`;
}

export function Emergency({ session }) {
  const { protection, reloads } = useStore();
  const [answer, setAnswer] = useState(null);
  const [reason, setReason] = useState('');
  const [region, setRegion] = useState('');
  const [sure, setSure] = useState(false);
  const reload = () => get('/api/infrastructure/emergency').then(setAnswer);
  useEffect(() => { if (atLeast(session, 'ADMIN')) reload(); }, [reloads]);
  if (!atLeast(session, 'ADMIN')) {
    return html`<section aria-labelledby="emergency-title"><h2 id="emergency-title">Emergency</h2>
      <p>Emergency controls need the ADMIN role; you are signed in as ${session?.role ?? 'nobody'}.</p></section>`;
  }
  const active = answer?.ok ? answer.data : [];
  const body = { reason, region: region || null };
  const target = region || 'EVERY region';
  return html`<section aria-labelledby="emergency-title">
    <h2 id="emergency-title">Emergency</h2>
    <${Loading} answer=${answer} what="emergencies" />
    ${answer?.ok ? html`<p data-test="emergency-active">${active.length ? `Active in ${active.map((e) => e.region).join(', ')}` : 'No emergency is active.'}</p>` : null}
    <ul class="list">${active.map((e) => html`<li class="card">${e.region}: ${e.reason} · by ${e.declaredBy} since ${ago(e.since)}</li>`)}</ul>
    <form class="stack card" onSubmit=${(e) => e.preventDefault()} aria-label="Declare or end an emergency">
      <${Field} label="Region"><select value=${region} onChange=${(e) => setRegion(e.target.value)}>
        <option value="">every region</option>${Object.keys(protection).sort().map((r) => html`<option value=${r}>${r}</option>`)}</select><//>
      <${Field} label="Written reason (audited)"><textarea rows="2" value=${reason} onInput=${(e) => setReason(e.target.value)} /><//>
      <label class="check"><input type="checkbox" checked=${sure} onChange=${(e) => setSure(e.target.checked)} /> I understand: EMERGENCY freezes deployments and raises replicas in ${target}</label>
      <div class="actions">
        <${Action} label="Activate emergency" danger disabled=${!sure} confirm=${`Declare EMERGENCY in ${target}?`} run=${() => call('POST', '/api/infrastructure/emergency/activate', body)} onDone=${reload} />
        <${Action} label="Deactivate emergency" disabled=${!sure} confirm=${`End the emergency in ${target}?`} run=${() => call('POST', '/api/infrastructure/emergency/deactivate', body)} onDone=${reload} />
      </div>
    </form>
    <${Broadcast} />
  </section>`;
}
