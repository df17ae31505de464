// The console's state: what the services answered, patched by the live feed. Views re-render on every change.
import { useEffect, useReducer } from 'preact/hooks';

let state = {
  protection: {}, // region -> ProtectionState / RegionStatus (same field names)
  alerts: {}, // fingerprint -> alert
  deployments: {}, // id -> deployment
  containers: {}, // id -> container status
  live: { state: 'connecting', at: null },
  reloads: 0, // bumped when views must reload from the services (after a reconnect)
  notices: 0, // bumped on each live notification: an open alert reloads its history
  apm: 0, // bumped when the feed says an APM minute closed: the Integrations view reads its charts again
};
const listeners = new Set();

export function getState() {
  return state;
}

export function update(change) {
  state = { ...state, ...change(state) };
  listeners.forEach((listener) => listener());
}

export function useStore() {
  const [, rerender] = useReducer((n) => n + 1, 0);
  useEffect(() => {
    listeners.add(rerender);
    return () => listeners.delete(rerender);
  }, []);
  return state;
}

const newer = (known, arrived) => !known || !known.occurredAt || !arrived.occurredAt || Date.parse(arrived.occurredAt) >= Date.parse(known.occurredAt);

/** A list by key; anything but a list (a proxy's or an older service's answer) is no items rather than a broken page. */
export function keyed(list, key) {
  return Object.fromEntries((Array.isArray(list) ? list : []).map((item) => [item[key], item]));
}

/** One live event into the state; returns which lists should be reloaded from their service soon. */
export function applyLive({ event, data }) {
  if (!data) return [];
  const e = data.event ?? {};
  switch (event) {
    case 'protection':
      update((s) => (newer(s.protection[e.region], e) ? { protection: { ...s.protection, [e.region]: e } } : {}));
      return [];
    case 'alert':
      update((s) => {
        const known = s.alerts[e.fingerprint];
        const state = e.status === 'RESOLVED' ? 'RESOLVED' : known?.state === 'ACKNOWLEDGED' ? 'ACKNOWLEDGED' : 'FIRING';
        return { alerts: { ...s.alerts, [e.fingerprint]: { ...known, ...e, state, live: true } } };
      });
      return ['alerts'];
    case 'deployment':
      update((s) => {
        const known = s.deployments[e.deploymentId];
        return { deployments: { ...s.deployments, [e.deploymentId]: { ...known, id: e.deploymentId, ...e, updatedAt: e.occurredAt } } };
      });
      return ['deployments'];
    case 'health':
      update((s) => {
        const known = s.containers[e.targetId];
        return { containers: { ...s.containers, [e.targetId]: { ...known, id: e.targetId, service: e.service, region: e.region,
          status: e.status, reasons: e.reasons, checkedAt: e.occurredAt } } };
      });
      return [];
    case 'notification':
      update((s) => ({ notices: s.notices + 1 }));
      return [];
    case 'apm':
      update((s) => ({ apm: s.apm + 1 }));
      return [];
    default:
      return [];
  }
}
