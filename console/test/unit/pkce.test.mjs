import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorizationUrl, base64url, codeChallenge, issuerRefusal, randomVerifier, tokenRequestBody } from '../../src/pkce.js';

test('the S256 challenge of RFC 7636 appendix B', async () => {
  assert.equal(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('a verifier is 43 URL-safe characters and never the same twice', () => {
  const a = randomVerifier();
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, randomVerifier());
  assert.equal(base64url(new Uint8Array([251, 255])), '-_8');
});

test('the authorization request carries the challenge and S256, and the token request the verifier', () => {
  const url = new URL(authorizationUrl('https://id.example/authorize?tenant=1', {
    clientId: 'console', redirectUri: 'https://ops.example/', scope: 'openid', state: 's', challenge: 'c',
  }));
  assert.equal(url.searchParams.get('tenant'), '1');
  assert.equal(url.searchParams.get('response_type'), 'code');
  assert.equal(url.searchParams.get('code_challenge'), 'c');
  assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
  const body = tokenRequestBody({ code: 'k', redirectUri: 'https://ops.example/', clientId: 'console', verifier: 'v' });
  assert.equal(body.get('grant_type'), 'authorization_code');
  assert.equal(body.get('code_verifier'), 'v');
});

test('an issuer\'s refusal is its error_description, else its error code in words, else the HTTP status', () => {
  assert.equal(issuerRefusal({ error: 'invalid_grant', error_description: 'Client authentication failed: code_verifier' }, 400),
    'Client authentication failed: code_verifier');
  assert.equal(issuerRefusal({ error: 'invalid_grant' }, 400), 'the sign-in code or its PKCE verifier was not accepted: invalid_grant');
  assert.equal(issuerRefusal({ error: 'access_denied' }), 'the sign-in was refused or cancelled: access_denied');
  assert.equal(issuerRefusal({ error: 'made_up' }, 400), 'made_up');
  assert.equal(issuerRefusal({}, 502), 'HTTP 502');
  assert.equal(issuerRefusal(undefined, 500), 'HTTP 500');
});
