import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { get } from '../api.js';
import { useStore } from '../store.js';
import { html, Badge, Field, Loading } from '../ui.js';

const pct = (v) => (v == null ? '—' : `${(v * 100).toFixed(2)} %`);
const ms = (v) => (v == null ? '—' : `${Math.round(v)} ms`);

async function series(service, aggregation, hours, interval) {
  const to = new Date();
  const from = new Date(to.getTime() - hours * 3600_000);
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
    Promise.all([series(service, 'p95', hours, interval), series(service, 'p99', hours, interval), series(service, 'error_rate', hours, interval)])
      .then(([p95, p99, errors]) => {
        if (gone || !box.current) return;
        const times = [...new Set([...p95, ...p99].map((p) => Date.parse(p.t) / 1000))].sort((a, b) => a - b);
        setEmpty(times.length === 0);
        const at = (points) => { const m = new Map(points.map((p) => [Date.parse(p.t) / 1000, p.value])); return times.map((t) => m.get(t) ?? null); };
        chart = new uPlot({
          width: Math.max(280, box.current.clientWidth), height: 180,
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

function Drift() {
  const [model, setModel] = useState('venue-match');
  const [answer, setAnswer] = useState(null);
  const m = answer?.ok ? answer.data : null;
  return html`<section aria-labelledby="drift-title" class="card">
    <h3 id="drift-title">Model drift</h3>
    <form class="row" onSubmit=${(e) => { e.preventDefault(); get(`/api/apm/models/${encodeURIComponent(model)}`).then(setAnswer); }}>
      <${Field} label="Model"><input value=${model} onInput=${(e) => setModel(e.target.value)} /><//>
      <button type="submit">Show</button>
    </form>
    ${answer && !answer.ok ? html`<${Loading} answer=${answer} />` : null}
    ${!answer ? html`<p class="muted small">A model writing to ops.apm.models.v1: its score drift against the same weekday, accuracy where labels arrive.</p>` : null}
    ${m ? html`<pre class="small json">${JSON.stringify(m, null, 1).slice(0, 1500)}</pre>` : null}
  </section>`;
}

export function Integrations() {
  const { reloads } = useStore();
  const [answer, setAnswer] = useState(null);
  const [chosen, setChosen] = useState(null);
  useEffect(() => {
    // windows close once a minute: the dashboard is read again at that pace (the feed does not carry APM windows)
    const load = () => get('/api/apm/dashboard').then(setAnswer);
    load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, [reloads]);
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
      <div class="grid"><${Chart} key=${`${service}-1`} service=${service} hours=${1} interval="1m" /><${Chart} key=${`${service}-24`} service=${service} hours=${24} interval="15m" /></div>
    </section>` : null}
    <${Drift} />
  </section>`;
}
