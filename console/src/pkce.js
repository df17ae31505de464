// OAuth 2.0 authorization code with PKCE (RFC 7636, S256) for the console as a public client.
export function base64url(bytes) {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomVerifier(random = (n) => crypto.getRandomValues(new Uint8Array(n))) {
  return base64url(random(32)); // 43 characters, the shortest RFC 7636 allows
}

export async function codeChallenge(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function authorizationUrl(endpoint, { clientId, redirectUri, scope, state, challenge }) {
  const url = new URL(endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

export function tokenRequestBody({ code, redirectUri, clientId, verifier }) {
  return new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier });
}

// RFC 6749 (4.1.2.1, 5.2): what an issuer's error code means, for an answer that says no more than the code
const REFUSALS = {
  invalid_request: 'the request was incomplete',
  invalid_client: 'it does not know this console as a client',
  invalid_grant: 'the sign-in code or its PKCE verifier was not accepted',
  unauthorized_client: 'this console may not sign in that way',
  unsupported_grant_type: 'it does not trade sign-in codes for tokens',
  invalid_scope: 'the scopes asked for are not allowed',
  access_denied: 'the sign-in was refused or cancelled',
  server_error: 'it failed',
  temporarily_unavailable: 'it is busy; try again in a moment',
};

/** Why an issuer refused: its error_description when it gives one, else its error code in words, else the HTTP status. */
export function issuerRefusal({ error, error_description: description } = {}, status) {
  if (description) return description;
  if (error) return REFUSALS[error] ? `${REFUSALS[error]}: ${error}` : error;
  return `HTTP ${status}`;
}
