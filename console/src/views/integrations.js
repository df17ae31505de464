import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { get } from '../api.js';
import { getState, useStore } from '../store.js';
import { ago } from '../time.js';
import { html, Badge, Field, Loading } from '../ui.js';

const pct = (v) => (v == null ? '—' : `${(v * 100).toFixed(2)} %`);
const ms = (v) => (v == null ? '—' : `${Math.round(v)} ms`);

async function series(service, aggregation, { from, to }, interval) {
  const answer = await get(`/api/apm/metrics?metric=duration&aggregation=${aggregation}&interval=${interval}`
    + `&from=${from.toISOString()}&to=${to.toISOString()}&service=${encodeURIComponent(service)}`);
  return answer.ok ? answer.data.points ?? [] : [];
}

/** p95, p99 and the error rate of one service over a span, as a uPlot chart. */
function Chart({ service, hours, interval }) {
  const box = useRef(null);
  const [empty, setEmpty] = useState(false);
  useEffect(() => {
    let chart = null;
    let gone = false;
    const to = new Date();
    const span = { from: new Date(to.getTime() - hours * 3600_000), to };
    Promise.all([series(service, 'p95', span, interval), series(service, 'p99', span, interval), series(service, 'error_rate', span, interval)])
      .then(([p95, p99, errors]) => {
        if (gone || !box.current) return;
        const times = [...new Set([...p95, ...p99].map((p) => Date.parse(p.t) / 1000))].sort((a, b) => a - b);
        setEmpty(times.length === 0);
        const at = (points) => { const m = new Map(points.map((p) => [Date.parse(p.t) / 1000, p.value])); return times.map((t) => m.get(t) ?? null); };
        chart = new uPlot({
          width: Math.max(280, box.current.clientWidth), height: 180,
          // the whole span asked for: left to itself, uPlot stretches one or two points over years
          scales: { x: { time: true, range: () => [span.from.getTime() / 1000, span.to.getTime() / 1000] } },
          series: [{}, { label: 'p95 ms', stroke: '#0b62d6', width: 2 }, { label: 'p99 ms', stroke: '#8a3ffc', width: 2 },
            { label: 'errors %', stroke: '#c5221f', scale: '%', value: (u, v) => (v == null ? '—' : v.toFixed(2)) }],
          axes: [{}, { label: 'ms' }, { side: 1, scale: '%', grid: { show: false } }],
        }, [times, at(p95), at(p99), at(errors).map((v) => (v == null ? null : v * 100))], box.current);
      });
    return () => { gone = true; chart?.destroy(); };
  }, [service, hours, interval]);
  return html`<figure class="chart"><figcaption>${service}, last ${hours} h</figcaption><div ref=${box}></div>
    ${empty ? html`<p class="muted small">No windows in this span.</p>` : null}</figure>`;
}

const VERDICT_WORDS = { OK: 'OK', WARN: 'shifting', ALERT: 'ALERT', INSUFFICIENT_DATA: 'too little data' };
const verdict = (v) => VERDICT_WORDS[v] ?? v;
const VerdictBadge = ({ value }) => html`<span class=${`badge v-${String(value).toLowerCase()}`}>${verdict(value)}</span>`;

/** One model's segment gaps (e.g. accuracy per budget band), read when asked for. */
function ModelDetail({ id }) {
  const [answer, setAnswer] = useState(null);
  useEffect(() => { get(`/api/apm/models/${encodeURIComponent(id)}`).then(setAnswer); }, [id]);
  if (!answer?.ok) return html`<${Loading} answer=${answer} what=${`model ${id}`} />`;
  const segments = answer.data.segments ?? [];
  return html`<ul class="small">${segments.length === 0 ? html`<li class="muted">No labelled segments.</li>` : null}
    ${segments.map((g) => html`<li key=${g.segment}>${g.segment}: <${VerdictBadge} value=${g.verdict} />
      ${g.values.map((v) => ` ${v.value} ${pct(v.accuracy)}`).join(',')}</li>`)}</ul>`;
}

/** Every model observed this week: drift of its scores against the same hours a week ago, accuracy, last prediction. */
function Models({ reloads }) {
  const [answer, setAnswer] = useState(null);
  const [open, setOpen] = useState(null);
  useEffect(() => {
    const load = () => get('/api/apm/models').then(setAnswer);
    load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, [reloads]);
  const models = answer?.ok ? answer.data.models : [];
  return html`<section aria-labelledby="models-title">
    <h3 id="models-title">Models</h3>
    <${Loading} answer=${answer} what="the models" />
    ${answer?.ok && models.length === 0 ? html`<p class="muted small">No model wrote to ops.apm.models.v1 in the last ${answer.data.listedWithinDays} days.</p>` : null}
    <div class="grid">${models.map((m) => html`<article class="card" key=${m.modelId} data-model=${m.modelId}>
      <header class="row"><h4 class="grow">${m.modelId}</h4><span data-test="model-status"><${VerdictBadge} value=${m.status} /></span></header>
      <dl class="facts">
        <div><dt>Drift (PSI)</dt><dd data-test="model-drift">${verdict(m.drift.verdict)}${m.drift.psi == null ? '' : ` · ${m.drift.psi.toFixed(2)}`}</dd></div>
        <div><dt>Accuracy</dt><dd>${verdict(m.accuracy.verdict)}${m.accuracy.accuracy == null ? '' : ` · ${pct(m.accuracy.accuracy)}`}</dd></div>
        <div><dt>Last prediction</dt><dd><time datetime=${m.lastObservedAt}>${ago(m.lastObservedAt)}</time></dd></div>
        <div><dt>Scores</dt><dd>${m.drift.observations} (week ago ${m.drift.referenceObservations})</dd></div>
      </dl>
      <button class="small" aria-expanded=${open === m.modelId} onClick=${() => setOpen(open === m.modelId ? null : m.modelId)}>Segments of ${m.modelId}</button>
      ${open === m.modelId ? html`<${ModelDetail} id=${m.modelId} />` : null}
    </article>`)}</div>
    ${answer?.ok && answer.data.more ? html`<p class="muted small">More models than shown.</p>` : null}
  </section>`;
}

// a minute's windows close within apm-ingest's wall-clock close interval (5 s), and the gateway may see the first before
// apm-ingest has stored the rest: read a little after the feed says a minute closed
const SETTLE_MS = 6000;

export function Integrations() {
  const { reloads, apm } = useStore();
  const [answer, setAnswer] = useState(null);
  const [chosen, setChosen] = useState(null);
  const [drawn, setDrawn] = useState(0);
  const load = () => get('/api/apm/dashboard').then(setAnswer);
  useEffect(() => {
    load();
    // without the feed, once a minute
    const timer = setInterval(() => { if (getState().live.state !== 'live') { load(); setDrawn((n) => n + 1); } }, 60_000);
    return () => clearInterval(timer);
  }, [reloads]);
  useEffect(() => {
    if (!apm) return undefined;
    const timer = setTimeout(() => { load(); setDrawn((n) => n + 1); }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [apm]);
  const integrations = answer?.ok ? answer.data.integrations : [];
  const services = [...new Set(integrations.map((i) => i.service))];
  const service = chosen ?? services[0];
  return html`<section aria-labelledby="integrations-title">
    <h2 id="integrations-title">Integrations</h2>
    <${Loading} answer=${answer} what="the APM dashboard" />
    ${answer?.ok && integrations.length === 0 ? html`<p class="muted">No samples measured in the last ${answer.data.lastMinutes} min.</p>` : null}
    <div class="grid">${integrations.map((i) => html`<article class="card" key=${`${i.service}/${i.operation}`}>
      <header class="row"><h3 class="grow">${i.service} · ${i.operation}</h3><${Badge} value=${i.sla} /></header>
      <p class="small muted">${i.kind}${i.provider ? ` · ${i.provider}` : ''}</p>
      <dl class="facts">
        <div><dt>Requests/min</dt><dd>${i.requestsPerMinute.toFixed(1)}</dd></div>
        <div><dt>Error rate</dt><dd>${pct(i.errorRate)}</dd></div>
        <div><dt>p95 (day ago)</dt><dd>${ms(i.p95Ms)} (${ms(i.p95MsDayAgo)})</dd></div>
        <div><dt>p99 (day ago)</dt><dd>${ms(i.p99Ms)} (${ms(i.p99MsDayAgo)})</dd></div>
      </dl>
      ${i.firing?.length ? html`<p class="small bad-text">Firing: ${i.firing.join(', ')}</p>` : null}
    </article>`)}</div>
    ${services.length ? html`<section aria-labelledby="charts-title">
      <h3 id="charts-title">Charts</h3>
      <${Field} label="Service"><select value=${service} onChange=${(e) => setChosen(e.target.value)}>
        ${services.map((s) => html`<option value=${s}>${s}</option>`)}</select><//>
      <div class="grid"><${Chart} key=${`${service}-1-${drawn}`} service=${service} hours=${1} interval="1m" /><${Chart} key=${`${service}-24-${drawn}`} service=${service} hours=${24} interval="15m" /></div>
    </section>` : null}
    <${Models} reloads=${reloads} />
  </section>`;
}
