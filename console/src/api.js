// Every call to the gateway: the bearer header, JSON both ways, and the server's answer in words — problem+json's
// detail and each field error — for the person who pressed the button.
import { signOut } from './auth.js';

let onSignedOut = () => {};
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

export function token() {
  return sessionStorage.getItem('wedops.token');
}

export function describe(answer) {
  if (answer.ok) return answer.message ?? 'Done.';
  const problem = answer.problem ?? {};
  const lines = [problem.detail || problem.title || `The server answered ${answer.status}.`];
  for (const error of problem.errors ?? []) lines.push(`${error.field}: ${error.message}`);
  if (problem.nextOpenAt) lines.push(`next open window: ${problem.nextOpenAt}`);
  return lines.join('\n');
}

export async function call(method, path, body, headers = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Authorization: `Bearer ${token()}`,
        Accept: 'application/json, application/problem+json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    return { ok: false, status: 0, problem: { detail: `The gateway cannot be reached (${error.message}).` } };
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.status === 401) {
    signOut(`Signed out: ${data?.detail ?? 'the gateway refused the token'}. Paste a new token (./wedops token ROLE).`);
    onSignedOut();
  }
  if (response.ok) return { ok: true, status: response.status, data };
  return { ok: false, status: response.status, problem: data ?? { detail: text || response.statusText } };
}

export const get = (path) => call('GET', path);
