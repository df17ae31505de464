// Small shared pieces: the action button that asks before it acts and then shows what the server answered.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { describe } from './api.js';

export { html };

let nextId = 0;
export function useId(prefix) {
  const [id] = useState(() => `${prefix}-${++nextId}`);
  return id;
}

/** The server's answer to the last action, in words, announced to screen readers. */
export function Answer({ answer }) {
  if (!answer) return null;
  return html`<p class=${`answer ${answer.ok ? 'ok' : 'refused'}`} role="status" data-status=${answer.status}>
    ${answer.ok ? '' : html`<strong>Refused (${answer.status}): </strong>`}${describe(answer)}</p>`;
}

/**
 * A button for a change: with {@code confirm}, a first press asks (production is touched) and a second acts. The
 * answer — success or the problem's detail and field errors — stays under the button.
 */
export function Action({ label, confirm, run, danger = false, disabled = false, onDone }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState(null);
  const act = async () => {
    setAsking(false);
    setBusy(true);
    const result = await run();
    setBusy(false);
    setAnswer(result);
    if (result?.ok && onDone) onDone(result);
  };
  return html`<div class="action">
    ${asking
      ? html`<div class="confirm" role="group" aria-label=${`Confirm: ${label}`}>
          <p>${confirm}</p>
          <button class=${danger ? 'danger' : 'primary'} onClick=${act}>Yes, ${label.toLowerCase()}</button>
          <button onClick=${() => setAsking(false)}>Cancel</button>
        </div>`
      : html`<button class=${danger ? 'danger' : 'primary'} disabled=${disabled || busy}
          onClick=${() => (confirm ? setAsking(true) : act())}>${busy ? '…' : label}</button>`}
    <${Answer} answer=${answer} />
  </div>`;
}

export function Field({ label, children, hint }) {
  const id = useId('f');
  const child = Array.isArray(children) ? children[0] : children;
  child.props.id = id;
  return html`<div class="field"><label for=${id}>${label}</label>${child}${hint ? html`<small>${hint}</small>` : null}</div>`;
}

export function Badge({ value, kind }) {
  return html`<span class=${`badge ${kind ?? ''} v-${String(value).toLowerCase()}`}>${value}</span>`;
}

export function Loading({ answer, what }) {
  if (!answer) return html`<p class="muted">Loading ${what}…</p>`;
  if (!answer.ok) return html`<${Answer} answer=${answer} />`;
  return null;
}
