import { useEffect, useState } from 'preact/hooks';
import { call, get } from '../api.js';
import { atLeast } from '../auth.js';
import { useStore } from '../store.js';
import { html, Action, Badge, Field, Loading } from '../ui.js';

const CULTURES = ['INDIAN', 'NIGERIAN', 'CHINESE', 'GREEK', 'JEWISH', 'BRITISH', 'OTHER'];
const isoDay = (date) => date.toISOString().slice(0, 10);
const blank = () => ({ id: '', date: isoDay(new Date()), startTime: '14:00', endTime: '23:30', region: 'uk', culture: 'BRITISH', guestCount: '150', days: '1', venueType: '' });

function WeddingForm({ initial, editing, onDone }) {
  const [form, setForm] = useState(initial);
  const set = (key) => (e) => setForm({ ...form, [key]: e.target.value });
  const body = { ...form, guestCount: Number(form.guestCount), days: Number(form.days), venueType: form.venueType || null };
  return html`<form class="stack card" onSubmit=${(e) => e.preventDefault()} aria-label=${editing ? `Edit wedding ${form.id}` : 'Add a wedding'}>
    <div class="cols">
      <${Field} label="Id"><input value=${form.id} onInput=${set('id')} disabled=${editing} /><//>
      <${Field} label="Date"><input type="date" value=${form.date} onInput=${set('date')} /><//>
      <${Field} label="Start (local)"><input type="time" value=${form.startTime} onInput=${set('startTime')} /><//>
      <${Field} label="End (local)"><input type="time" value=${form.endTime} onInput=${set('endTime')} /><//>
      <${Field} label="Region"><input value=${form.region} onInput=${set('region')} /><//>
      <${Field} label="Culture"><select value=${form.culture} onChange=${set('culture')}>${CULTURES.map((c) => html`<option value=${c}>${c}</option>`)}</select><//>
      <${Field} label="Guests"><input type="number" min="1" value=${form.guestCount} onInput=${set('guestCount')} /><//>
      <${Field} label="Days"><input type="number" min="1" max="7" value=${form.days} onInput=${set('days')} /><//>
      <${Field} label="Venue type"><input value=${form.venueType} onInput=${set('venueType')} /><//>
    </div>
    <${Action} label=${editing ? 'Save wedding' : 'Add wedding'} confirm="This changes the protection windows of the region. Go ahead?" onDone=${onDone}
      run=${() => (editing ? call('PUT', `/api/weddings/${encodeURIComponent(form.id)}`, body) : call('POST', '/api/weddings', body))} />
  </form>`;
}

export function Weddings({ session }) {
  const { reloads } = useStore();
  const [from, setFrom] = useState(isoDay(new Date()));
  const [answer, setAnswer] = useState(null);
  const [editing, setEditing] = useState(null);
  const [adding, setAdding] = useState(false);
  const to = isoDay(new Date(Date.parse(from) + 30 * 86400_000));
  const reload = () => get(`/api/weddings?from=${from}&to=${to}`).then(setAnswer);
  useEffect(() => { reload(); }, [from, reloads]);
  const canAct = atLeast(session, 'OPERATOR');
  const byDate = {};
  for (const w of answer?.ok ? answer.data : []) (byDate[w.date] ??= []).push(w);
  return html`<section aria-labelledby="weddings-title">
    <h2 id="weddings-title">Weddings</h2>
    <div class="row wrap">
      <${Field} label="From"><input type="date" value=${from} onInput=${(e) => e.target.value && setFrom(e.target.value)} /><//>
      ${canAct ? html`<button aria-expanded=${adding} onClick=${() => setAdding(!adding)}>Add a wedding…</button>` : null}
    </div>
    ${adding ? html`<${WeddingForm} initial=${blank()} onDone=${() => { setAdding(false); reload(); }} />` : null}
    <${Loading} answer=${answer} what="the calendar" />
    ${answer?.ok && answer.data.length === 0 ? html`<p class="muted">No wedding from ${from} to ${to}.</p>` : null}
    ${Object.keys(byDate).sort().map((date) => html`<section key=${date} aria-label=${date}>
      <h3>${new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })}</h3>
      <ul class="list">${byDate[date].sort((a, b) => a.region.localeCompare(b.region) || a.startTime.localeCompare(b.startTime)).map((w) => html`<li class="card" key=${w.id}>
        <div class="row"><${Badge} value=${w.status} /><span class="grow"><strong>${w.id}</strong> <span class="muted">${w.region} · ${w.startTime}–${w.endTime} ${w.timeZone}</span></span></div>
        <p class="small">${w.culture} · ${w.guestCount} guests · ${w.days} day${w.days === 1 ? '' : 's'}${w.venueType ? ` · ${w.venueType}` : ''}</p>
        ${canAct && w.status !== 'CANCELLED' ? html`<div class="actions">
          <button onClick=${() => setEditing(editing === w.id ? null : w.id)} aria-expanded=${editing === w.id}>Edit…</button>
          <${Action} label="Cancel wedding" danger confirm=${`Cancel ${w.id}? Its protection window goes away.`} onDone=${reload}
            run=${() => call('DELETE', `/api/weddings/${encodeURIComponent(w.id)}?reason=${encodeURIComponent('cancelled from the console')}`)} />
        </div>` : null}
        ${editing === w.id ? html`<${WeddingForm} editing initial=${{ ...w, guestCount: String(w.guestCount), days: String(w.days), venueType: w.venueType ?? '' }}
          onDone=${() => { setEditing(null); reload(); }} />` : null}
      </li>`)}</ul>
    </section>`)}
  </section>`;
}
