// The live feed: GET /api/live/events read with fetch() and the bearer header (EventSource cannot send one, and the
// token never goes into a URL), reconnecting with backoff, and a watchdog for a stream that went silent.
import { createSseParser } from './sse.js';
import { token } from './api.js';

const SILENT_FOR = 45_000; // three missed heartbeats
const MAX_BACKOFF = 30_000;

export function connectLive({ onEvent, onStatus, onUnauthorized }) {
  let stopped = false;
  let controller = null;
  let attempt = 0;
  let watchdog = null;

  const touch = () => {
    onStatus({ state: 'live', at: Date.now() });
    clearTimeout(watchdog);
    watchdog = setTimeout(() => controller?.abort(), SILENT_FOR);
  };

  const run = async () => {
    while (!stopped) {
      controller = new AbortController();
      let retryIn = Math.min(MAX_BACKOFF, 1000 * 2 ** attempt) * (0.75 + Math.random() / 2);
      try {
        onStatus({ state: 'connecting' });
        const response = await fetch('/api/live/events', {
          headers: { Authorization: `Bearer ${token()}`, Accept: 'text/event-stream' },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (response.status === 401) {
          onUnauthorized();
          return;
        }
        if (!response.ok || !response.body) {
          const problem = await response.json().catch(() => ({}));
          onStatus({ state: 'off', detail: problem.detail ?? `the gateway answered ${response.status}` });
          const after = Number(response.headers.get('Retry-After'));
          retryIn = Math.max(retryIn, (after > 0 ? after : 60) * 1000);
        } else {
          attempt = 0;
          touch();
          onEvent({ event: 'connected' });
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          const parse = createSseParser((message) => {
            touch();
            onEvent({ event: message.event, data: message.data ? JSON.parse(message.data) : null });
          }, touch);
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            parse(value);
          }
          onStatus({ state: 'reconnecting' });
        }
      } catch (error) {
        if (stopped) return;
        onStatus({ state: 'reconnecting', detail: error.name === 'AbortError' ? 'no heartbeat' : error.message });
      }
      clearTimeout(watchdog);
      attempt += 1;
      await new Promise((resolve) => setTimeout(resolve, retryIn));
    }
  };
  run();
  return () => {
    stopped = true;
    clearTimeout(watchdog);
    controller?.abort();
  };
}
