// Single sign-on in a real headless Chromium (Debian's chromium, driven by playwright-core): the console against a
// gateway in issuer mode and a real OIDC issuer (Spring Authorization Server). Started by the gateway's
// ConsoleSingleSignOnInBrowserIT, which passes GATEWAY_URL, ISSUER_URL, the issuer's user (SSO_USERNAME, SSO_PASSWORD)
// and SCREENSHOT_DIR, and checks afterwards what the issuer and the services received.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const GATEWAY = required('GATEWAY_URL').replace(/\/$/, '');
const ISSUER = required('ISSUER_URL').replace(/\/$/, '');
const USERNAME = required('SSO_USERNAME');
const PASSWORD = required('SSO_PASSWORD');
const SHOTS = process.env.SCREENSHOT_DIR ?? 'target/console-screenshots';
const PHONE = { width: 360, height: 740 };
const WAIT = 20_000;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this suite runs from the gateway's ConsoleSingleSignOnInBrowserIT`);
  return value;
}

let browser;
let endpoints; // the issuer's own discovery document: where it authorizes and trades codes
const problems = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const discovery = await fetch(`${ISSUER}/.well-known/openid-configuration`);
  assert.equal(discovery.status, 200, `the issuer's discovery document answered ${discovery.status}`);
  endpoints = await discovery.json();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  assert.deepEqual(problems, [], 'the page threw');
});

async function fresh() {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  return page;
}

/** Spring Security's login form on the issuer's page: a real sign-in with the user's name and password. */
async function signInAtIssuer(page, screenshot) {
  await page.locator('input[name="username"]').fill(USERNAME, { timeout: WAIT });
  await page.locator('input[name="password"]').fill(PASSWORD);
  if (screenshot) await page.screenshot({ path: join(SHOTS, screenshot) });
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function showSignInError(page, pattern) {
  await page.getByRole('alert').getByText(pattern).waitFor({ timeout: WAIT }).catch(async (error) => {
    throw new Error(`${error.message}\nthe page showed: ${await page.locator('body').innerText()}`);
  });
}

describe('single sign-on', () => {
  test('the console signs in through the issuer with PKCE, its calls carry the token, and the token never enters a URL', async () => {
    const page = await fresh();
    const addresses = [];
    page.on('request', (request) => addresses.push(request.url()));
    page.on('framenavigated', (frame) => addresses.push(frame.url()));
    await page.goto(`${GATEWAY}/`);
    // a view's first read from a service (the live feed is the gateway's own, and off here)
    const firstCall = page.waitForResponse((response) => {
      const path = new URL(response.url()).pathname;
      return path.startsWith('/api/') && path !== '/api/live/events' && response.request().method() === 'GET';
    }, { timeout: WAIT });
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    await signInAtIssuer(page, 'sso-issuer-login-phone.png');

    await page.locator('[data-test="who"]').getByText('OPERATOR').waitFor({ timeout: WAIT });
    const authorize = new URL(addresses.find((a) => a.startsWith(`${endpoints.authorization_endpoint}?`)) ?? 'about:blank');
    assert.equal(authorize.origin, new URL(ISSUER).origin, 'the browser went to the issuer');
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authorize.searchParams.get('redirect_uri'), `${GATEWAY}/`);
    assert.ok(!authorize.searchParams.has('code_verifier'), 'the verifier stays in the tab');

    const token = await page.evaluate(() => sessionStorage.getItem('wedops.token'));
    assert.ok(token, 'the token is in the tab\'s session storage');
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    assert.equal(claims.iss, ISSUER);
    assert.equal(claims.sub, USERNAME);
    assert.deepEqual([].concat(claims.aud), ['wedops-api'], 'for the gateway\'s API, not for the console');
    assert.deepEqual(claims.roles, ['OPERATOR']);

    // the code and state are gone from the address bar; the token was never in any address the page went to or asked for
    const now = new URL(page.url());
    assert.equal(`${now.origin}${now.pathname}${now.search}`, `${GATEWAY}/`);
    const signature = token.split('.')[2];
    assert.deepEqual(addresses.filter((a) => a.includes(token) || a.includes(signature)), []);
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    // the one cookie is the issuer's sign-in session (cookies ignore the port: it is on 127.0.0.1 like the gateway),
    // HttpOnly, and it is not the token
    const cookies = await page.context().cookies();
    assert.deepEqual(cookies.map((c) => c.name), ['ISSUER_SESSION']);
    assert.ok(cookies.every((c) => c.httpOnly && !c.value.includes(signature)));
    assert.equal(await page.evaluate(() => sessionStorage.getItem('wedops.pkce')), null, 'the verifier is forgotten once used');

    // a call the console makes went through the gateway with that token and was answered
    const call = await firstCall;
    assert.equal(call.status(), 200, `${call.url()} answered ${call.status()}`);
    assert.equal((await call.request().allHeaders()).authorization, `Bearer ${token}`);
    await page.screenshot({ path: join(SHOTS, 'sso-signed-in-phone.png') });
    // the entry that came back from the issuer was rewritten in place: going back shows the page before sign-in
    await page.goBack();
    assert.ok(!/[?&](code|state)=/.test(page.url()), page.url());
    await page.context().close();
  });

  test('a code_verifier changed on the way to the issuer is refused, and the page says why and keeps no token', async () => {
    const page = await fresh();
    await page.route(endpoints.token_endpoint, async (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '');
      const verifier = form.get('code_verifier');
      form.set('code_verifier', (verifier.startsWith('A') ? 'B' : 'A') + verifier.slice(1));
      await route.continue({ postData: form.toString() });
    });
    await page.goto(`${GATEWAY}/`);
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    await signInAtIssuer(page);
    // Spring Authorization Server says no more than the error code to a client that failed its PKCE check
    await showSignInError(page, /PKCE verifier was not accepted: invalid_grant/);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('wedops.token')), null);
    assert.ok(!/[?&]code=/.test(page.url()), 'the used code is gone from the address bar');
    await page.screenshot({ path: join(SHOTS, 'sso-refused-phone.png') });
    await page.context().close();
  });

  test('an issuer that cannot be reached at sign-in is named on the sign-in page, which stays usable', async () => {
    const page = await fresh();
    await page.route(`${new URL(ISSUER).origin}/**`, (route) => route.abort('connectionrefused'));
    await page.goto(`${GATEWAY}/`);
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    await showSignInError(page, /sign-in service .* cannot be reached/i);
    assert.match(await page.getByRole('alert').innerText(), new RegExp(new URL(ISSUER).host.replace(/\./g, '\\.')));
    // the page is still there, offering the other way in
    await page.getByLabel('Bearer token').waitFor();
    await page.screenshot({ path: join(SHOTS, 'sso-issuer-unreachable-phone.png') });
    await page.context().close();
  });
});
