import { useEffect, useState } from 'preact/hooks';
import { call, get } from '../api.js';
import { atLeast } from '../auth.js';
import { keyed, update, useStore } from '../store.js';
import { ago } from '../time.js';
import { html, Action, Badge, Field, Loading } from '../ui.js';

const ORDER = { CRITICAL: 0, UNHEALTHY: 0, DEGRADED: 1, WARNING: 1, UNKNOWN: 2, HEALTHY: 3 };

function Restart({ id, admin }) {
  const [reason, setReason] = useState('');
  return html`<div class="stack">
    <${Action} label="Restart" confirm=${`Restart ${id}? Inside a protected window the collector refuses.`}
      run=${() => call('POST', `/api/admin/infrastructure/containers/${encodeURIComponent(id)}/restart`, {})} />
    ${admin ? html`<${Field} label="Emergency restart reason (ADMIN)"><input value=${reason} onInput=${(e) => setReason(e.target.value)} /><//>
      <${Action} label="Emergency restart" danger confirm=${`Restart ${id} even inside a protected window?`}
        run=${() => call('POST', `/api/admin/infrastructure/containers/${encodeURIComponent(id)}/restart`, { emergency: true, reason })} />` : null}
  </div>`;
}

export function Health({ session }) {
  const { containers, reloads } = useStore();
  const [answer, setAnswer] = useState(null);
  const [open, setOpen] = useState(null);
  useEffect(() => {
    get('/api/admin/infrastructure/containers').then((a) => {
      if (a.ok) update(() => ({ containers: keyed(a.data, 'id') }));
      setAnswer(a);
    });
  }, [reloads]);
  const list = Object.values(containers).sort((a, b) => (ORDER[a.status] ?? 2) - (ORDER[b.status] ?? 2) || a.id.localeCompare(b.id));
  return html`<section aria-labelledby="health-title">
    <h2 id="health-title">Health</h2>
    <${Loading} answer=${answer} what="targets" />
    ${answer?.ok && list.length === 0 ? html`<p class="muted">No target, container or pod is watched yet.</p>` : null}
    <ul class="list">${list.map((c) => html`<li class="card" key=${c.id} data-target=${c.id}>
      <button class="row plain" aria-expanded=${open === c.id} onClick=${() => setOpen(open === c.id ? null : c.id)}>
        <${Badge} value=${c.status} />
        <span class="grow"><strong>${c.id}</strong> <span class="muted">${c.service} · ${c.region}${c.source ? ` · ${c.source}` : ''}</span></span>
        <span class="muted small">${ago(c.checkedAt)}</span>
      </button>
      ${c.reasons?.length ? html`<p class="small">${c.reasons.join(' · ')}</p>` : null}
      ${open === c.id && atLeast(session, 'OPERATOR') ? html`<${Restart} id=${c.id} admin=${atLeast(session, 'ADMIN')} />` : null}
    </li>`)}</ul>
  </section>`;
}
