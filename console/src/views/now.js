import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { keyed, update, useStore } from '../store.js';
import { localTime, fromNow } from '../time.js';
import { html, Badge, Loading } from '../ui.js';

export function loadProtection() {
  return get('/api/infrastructure/saturday-protection/status').then((answer) => {
    if (answer.ok) update(() => ({ protection: keyed(answer.data, 'region') }));
    return answer;
  });
}

export function loadAlerts() {
  return get('/api/alerts?limit=500').then((answer) => {
    if (answer.ok) update(() => ({ alerts: keyed(answer.data, 'fingerprint') }));
    return answer;
  });
}

function todayIn(timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || 'UTC' }).format(new Date());
}

function Region({ p, weddings }) {
  const frozen = p.freezeActive;
  return html`<article class=${`card region level-${String(p.level).toLowerCase()}`} data-region=${p.region}>
    <header class="row">
      <h3>${p.region}</h3>
      <${Badge} value=${p.level} />
    </header>
    <p class=${frozen ? 'freeze on' : 'freeze off'} data-test="freeze">
      ${frozen
        ? html`<strong>Frozen</strong> until <time datetime=${p.freezeUntil}>${localTime(p.freezeUntil, p.timeZone)}</time>`
        : html`<strong>Open</strong> for deploys`}
    </p>
    <dl class="facts">
      <div class="wide"><dt>Next change</dt><dd><time datetime=${p.nextChangeAt}>${localTime(p.nextChangeAt, p.timeZone)}</time> (${fromNow(p.nextChangeAt)})</dd></div>
      <div><dt>Weddings now</dt><dd>${p.activeWeddings ?? 0} · load ${Number(p.weddingLoad ?? 0).toFixed(1)}</dd></div>
      <div><dt>Profile</dt><dd>${p.profile}${p.peakSeason ? ' · peak' : ''}</dd></div>
    </dl>
    ${p.reasons?.length ? html`<p class="muted small">Why: ${p.reasons.join(' · ')}</p>` : null}
    ${weddings.length ? html`<p class="small">Today: ${weddings.map((w) => `${w.startTime}–${w.endTime} ${w.culture.toLowerCase()} (${w.guestCount})`).join(' · ')}</p>` : null}
  </article>`;
}

export function Now() {
  const { protection, alerts, reloads } = useStore();
  const [answer, setAnswer] = useState(null);
  const [weddings, setWeddings] = useState([]);
  useEffect(() => {
    loadProtection().then(setAnswer);
    loadAlerts();
    const today = todayIn('UTC');
    get(`/api/weddings?from=${today}&to=${today}`).then((a) => a.ok && setWeddings(a.data));
  }, [reloads]);
  const regions = Object.values(protection).sort((a, b) => a.region.localeCompare(b.region));
  const emergencies = regions.filter((p) => p.emergency || p.level === 'EMERGENCY');
  const criticals = Object.values(alerts).filter((a) => a.severity === 'CRITICAL' && a.state === 'FIRING');
  const frozen = regions.filter((p) => p.freezeActive);
  return html`<section aria-labelledby="now-title">
    <h2 id="now-title">Now</h2>
    ${emergencies.length ? html`<p class="banner emergency" role="alert">EMERGENCY in ${emergencies.map((p) => p.region.toUpperCase()).join(', ')}</p>` : null}
    <div class="summary">
      <a href="#/alerts" class=${`tile ${criticals.length ? 'bad' : 'good'}`} data-test="critical-count">
        <strong>${criticals.length}</strong> CRITICAL firing</a>
      <span class=${`tile ${frozen.length ? 'warn' : 'good'}`}><strong>${frozen.length}</strong> of ${regions.length} regions frozen</span>
    </div>
    ${regions.length === 0 ? html`<${Loading} answer=${answer} what="protection" />` : null}
    ${answer?.ok && regions.length === 0 ? html`<p class="muted">The planner knows no region yet.</p>` : null}
    <div class="grid">${regions.map((p) => html`<${Region} key=${p.region} p=${p} weddings=${weddings.filter((w) => w.region === p.region && w.status !== 'CANCELLED')} />`)}</div>
  </section>`;
}
