// The bearer token lives in sessionStorage only (gone with the tab, never in a URL, never in a cookie). The roles
// read from it decide what the console shows; the services decide what is allowed.
import { authorizationUrl, codeChallenge, issuerRefusal, randomVerifier, tokenRequestBody } from './pkce.js';

const TOKEN = 'wedops.token';
const MESSAGE = 'wedops.signin-message';
const PKCE = 'wedops.pkce';
export const ROLES = ['VIEWER', 'OPERATOR', 'ADMIN'];

export function decodeClaims(token) {
  const parts = String(token).trim().split('.');
  if (parts.length !== 3) throw new Error('a token has three parts separated by dots');
  const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
}

export function session(rolesClaim = 'roles') {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) return null;
  try {
    const claims = decodeClaims(token);
    const roles = [].concat(claims[rolesClaim] ?? []).map((r) => String(r).replace(/^ROLE_/, '').toUpperCase());
    const highest = ROLES.reduce((best, role, i) => (roles.includes(role) ? i : best), -1);
    return { token, subject: claims.sub ?? 'unknown', expiresAt: claims.exp ? claims.exp * 1000 : null, role: ROLES[highest] ?? null };
  } catch {
    return null;
  }
}

/** Whether the signed-in user's role is at least {@code role} (VIEWER < OPERATOR < ADMIN). */
export function atLeast(current, role) {
  return current != null && ROLES.indexOf(current.role) >= ROLES.indexOf(role);
}

export function signIn(token) {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  decodeClaims(trimmed);
  sessionStorage.setItem(TOKEN, trimmed);
  sessionStorage.removeItem(MESSAGE);
}

export function signOut(message) {
  sessionStorage.removeItem(TOKEN);
  if (message) sessionStorage.setItem(MESSAGE, message);
  else sessionStorage.removeItem(MESSAGE);
}

export function takeSignInMessage() {
  const message = sessionStorage.getItem(MESSAGE);
  sessionStorage.removeItem(MESSAGE);
  return message;
}

/** fetch() to the issuer, with a network failure said in words: "Failed to fetch" tells a person at a venue nothing. */
async function toIssuer(issuer, url, options) {
  try {
    return await fetch(url, options);
  } catch (error) {
    throw new Error(`The sign-in service at ${new URL(issuer).host} cannot be reached (${error.message}). `
      + 'Try again in a moment, or paste a token.');
  }
}

async function discovery(issuer) {
  const response = await toIssuer(issuer, issuer.replace(/\/$/, '') + '/.well-known/openid-configuration');
  if (!response.ok) throw new Error(`The sign-in service at ${new URL(issuer).host} answered ${response.status} for its configuration.`);
  return response.json();
}

export async function startSingleSignOn(oidc) {
  const config = await discovery(oidc.issuer);
  const verifier = randomVerifier();
  const state = randomVerifier();
  const redirectUri = location.origin + '/';
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state, redirectUri }));
  location.assign(authorizationUrl(config.authorization_endpoint, {
    clientId: oidc.clientId, redirectUri, scope: oidc.scope, state, challenge: await codeChallenge(verifier),
  }));
}

/** After the issuer sent the browser back with ?code=…&state=…: trade the code for a token, then clean the URL. */
export async function finishSingleSignOn(oidc) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return false;
  history.replaceState(null, '', '/' + location.hash);
  const pending = JSON.parse(sessionStorage.getItem(PKCE) ?? 'null');
  sessionStorage.removeItem(PKCE);
  if (params.has('error')) throw new Error(`Sign-in failed: the sign-in service refused (${issuerRefusal(Object.fromEntries(params))}).`);
  if (!pending || pending.state !== params.get('state')) throw new Error('Sign-in failed: the answer did not match this tab. Sign in again.');
  const config = await discovery(oidc.issuer);
  const response = await toIssuer(oidc.issuer, config.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: tokenRequestBody({ code: params.get('code'), redirectUri: pending.redirectUri, clientId: oidc.clientId, verifier: pending.verifier }),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.access_token) throw new Error(`Sign-in failed: the sign-in service gave no token (${issuerRefusal(answer, response.status)}).`);
  signIn(answer.access_token);
  return true;
}
