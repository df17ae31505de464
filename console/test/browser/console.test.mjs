// The console in a real headless Chromium (Debian's chromium, driven by playwright-core; nothing downloads a
// browser) against a real gateway and real services. Started by local-stack's ConsoleInBrowserEndToEndTest, which
// starts the stack once and passes GATEWAY_URL, VIEWER_TOKEN, OPERATOR_TOKEN, ADMIN_TOKEN and SCREENSHOT_DIR.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const GATEWAY = required('GATEWAY_URL').replace(/\/$/, '');
const TOKENS = { VIEWER: required('VIEWER_TOKEN'), OPERATOR: required('OPERATOR_TOKEN'), ADMIN: required('ADMIN_TOKEN') };
const SHOTS = process.env.SCREENSHOT_DIR ?? 'target/console-screenshots';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const VIEWS = ['now', 'alerts', 'deployments', 'health', 'integrations', 'weddings', 'emergency'];
const RUN = Math.random().toString(36).slice(2, 8);
const WAIT = 30_000;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this suite runs from local-stack's ConsoleInBrowserEndToEndTest`);
  return value;
}

async function api(role, method, path, body) {
  const response = await fetch(GATEWAY + path, {
    method,
    headers: { Authorization: `Bearer ${TOKENS[role]}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function eventually(what, check, timeout = WAIT) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`${what} did not happen within ${timeout} ms${last ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let browser;
const problems = [];

async function signedIn(role, viewport = PHONE, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${role}: ${error.message}`));
  await page.goto(`${GATEWAY}/`);
  await page.getByLabel('Bearer token').fill(TOKENS[role]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(/^Live · /).waitFor({ timeout: WAIT });
  return page;
}

async function open(page, view) {
  await page.goto(`${GATEWAY}/#/${view}`);
  await page.locator('main h2').first().waitFor();
}

/** The region whose local time is mid-day-ish now, so a wedding starting in 30 min ends the same local day. */
async function daytimeRegion() {
  const regions = (await api('VIEWER', 'GET', '/api/infrastructure/saturday-protection/status')).body;
  const hour = (zone) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  const region = regions.find((r) => hour(r.timeZone) >= 4 && hour(r.timeZone) < 19);
  assert.ok(region, `no region at day time among ${regions.map((r) => r.timeZone)}`);
  return region;
}

function localParts(zone, at) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

let frozen; // the region the wedding below freezes

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  // a wedding starting in 30 minutes freezes its region from 2 h before it to 2 h after it
  const region = await daytimeRegion();
  const start = localParts(region.timeZone, new Date(Date.now() + 30 * 60_000));
  const end = localParts(region.timeZone, new Date(Date.now() + 150 * 60_000));
  const added = await api('OPERATOR', 'POST', '/api/weddings', {
    id: `console-e2e-${RUN}`, date: start.date, startTime: start.time, endTime: end.time, region: region.region,
    culture: 'INDIAN', guestCount: 400, days: 1, venueType: 'PALACE',
  });
  assert.ok(added.status < 300, `wedding not added: ${JSON.stringify(added.body)}`);
  frozen = await eventually(`region ${region.region} frozen by the wedding`, async () => {
    const status = (await api('VIEWER', 'GET', `/api/infrastructure/saturday-protection/status?region=${region.region}`)).body[0];
    return status.freezeActive && status.activeWeddings >= 0 && Date.parse(status.freezeUntil) >= Date.now() + 4 * 3600_000 - 120_000 ? status : null;
  });
  // the feed has caught up once it carries the region's freeze: its partitions are assigned, every topic's included
  await eventually('the live feed to carry the frozen region', () => liveFeedShows(frozen.region), 90_000);
});

async function liveFeedShows(region) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    const response = await fetch(`${GATEWAY}/api/live/events`, {
      headers: { Authorization: `Bearer ${TOKENS.VIEWER}`, Accept: 'text/event-stream' }, signal: controller.signal,
    });
    assert.equal(response.headers.get('content-type').split(';')[0], 'text/event-stream');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      text += value;
      if (text.includes(`"key":"${region}"`) && /"freezeActive":true/.test(text)) return true;
    }
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** Whether the live feed carries an event of this name within the time given. */
async function liveFeedCarries(name, timeout) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    const response = await fetch(`${GATEWAY}/api/live/events`, {
      headers: { Authorization: `Bearer ${TOKENS.VIEWER}`, Accept: 'text/event-stream' }, signal: controller.signal,
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      text += value;
      if (new RegExp(`^event: ?${name}$`, 'm').test(text)) return true;
    }
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

let apmWatch; // an Integrations page opened early, looked at again at the end: did a closed minute make it read again?

after(async () => {
  await browser?.close();
  assert.deepEqual(problems, [], 'the page threw');
});

describe('the console', () => {
  test('a VIEWER sees the frozen region with the end of its freeze in the region\'s local time', async () => {
    const page = await signedIn('VIEWER');
    const card = page.locator(`[data-region="${frozen.region}"]`);
    const expected = new Intl.DateTimeFormat('en-GB', { timeZone: frozen.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(new Date(frozen.freezeUntil));
    await card.getByText('Frozen').waitFor({ timeout: WAIT });
    const until = card.locator('[data-test="freeze"] time');
    await eventually('the freeze end on the card', async () => (await until.getAttribute('datetime')) === frozen.freezeUntil);
    const shown = await until.textContent();
    assert.ok(shown.includes(expected), `"${shown}" should show ${expected} (${frozen.timeZone})`);
    assert.match(await page.locator('[data-test="live-status"]').textContent(), /Live · \d+ s ago/);
    // a VIEWER is offered no action
    await open(page, 'alerts');
    await open(page, 'deployments');
    assert.equal(await page.getByRole('button', { name: 'Start deployment' }).count(), 0);
    await page.context().close();
  });

  test('an alert raised through the API appears without a reload and is acknowledged from the page, which stops its escalation', async () => {
    const page = await signedIn('OPERATOR');
    await open(page, 'alerts');
    const name = `ConsoleE2e${RUN}`;
    const raised = await api('OPERATOR', 'POST', '/api/alerts', { name, severity: 'CRITICAL', service: `console-${RUN}`, region: frozen.region,
      summary: 'raised by the browser test' });
    assert.equal(raised.status, 202, JSON.stringify(raised.body));
    const fingerprint = raised.body.fingerprint;
    const card = page.locator(`[data-fingerprint="${fingerprint}"]`);
    await card.waitFor({ timeout: WAIT }); // pushed over the live feed: the page was not reloaded
    await card.getByRole('button', { name: new RegExp(name) }).click();
    await card.locator('[data-test="escalation"]').getByText(/next tier in/).waitFor({ timeout: WAIT });
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await card.locator('[data-test="alert-state"]').getByText(/ACKNOWLEDGED by/).waitFor({ timeout: WAIT });
    await card.locator('[data-test="escalation"]').getByText(/stopped at tier/).waitFor({ timeout: WAIT });
    const stored = await api('VIEWER', 'GET', `/api/alerts/${fingerprint}`);
    assert.equal(stored.body.state, 'ACKNOWLEDGED');
    assert.ok(stored.body.escalation, 'the alert had an escalation policy');
    assert.equal(stored.body.escalation.nextAt ?? null, null, 'no next tier once acknowledged');
    await page.context().close();
  });

  test('a deploy started inside the freeze shows the gate\'s reason and the next open window', async () => {
    const page = await signedIn('OPERATOR');
    await open(page, 'deployments');
    await page.getByLabel('Region').fill(frozen.region);
    await page.getByLabel('Version').fill(`9.9.${Date.now() % 1000}`);
    await page.getByRole('button', { name: 'Ask the gate' }).click();
    const gate = page.locator('[data-test="gate"]').first();
    await gate.getByText(/Closed:/).waitFor({ timeout: WAIT });
    assert.match(await gate.textContent(), /Next open window: /);
    await page.getByRole('button', { name: 'Start deployment' }).click();
    await page.getByRole('button', { name: 'Yes, start deployment' }).click();
    const refused = page.locator('[data-test="gate"][data-status="423"]').last();
    await refused.waitFor({ timeout: WAIT });
    const text = await refused.textContent();
    assert.match(text, /Closed: .+/);
    assert.match(text, /Next open window: \w{3} \d+ \w{3}, \d\d:\d\d/);
    await page.context().close();
  });

  test('an OPERATOR sees no emergency controls, and a forged request is refused by the server', async () => {
    const page = await signedIn('OPERATOR');
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: /Emergency/ }).count(), 0);
    assert.equal(await page.locator('nav a[href="#/emergency"]').count(), 0);
    await open(page, 'emergency');
    await page.getByText(/need the ADMIN role/).waitFor();
    assert.equal(await page.getByRole('button', { name: /Activate emergency/ }).count(), 0);
    const forged = await page.evaluate(async () => {
      const response = await fetch('/api/infrastructure/emergency/activate', {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('wedops.token')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason: 'forged from the page' }),
      });
      return { status: response.status, type: response.headers.get('content-type') };
    });
    assert.equal(forged.status, 403);
    assert.match(forged.type, /problem\+json/);
    await page.context().close();
  });

  test('an ADMIN activates and deactivates an emergency with a written reason, and Now shows it live', async () => {
    const page = await signedIn('ADMIN', DESKTOP);
    await open(page, 'emergency');
    await page.getByLabel('Region', { exact: true }).selectOption(frozen.region);
    await page.getByLabel(/Written reason/).fill(`browser test ${RUN}`);
    await page.getByLabel(/I understand/).check();
    await page.getByRole('button', { name: 'Activate emergency', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, activate emergency' }).click();
    await page.locator('.answer.ok').getByText(/Done/).waitFor({ timeout: WAIT });
    await page.getByText(new RegExp(`Active in ${frozen.region}`)).waitFor({ timeout: WAIT });
    await open(page, 'now');
    await page.getByRole('alert').getByText(new RegExp(`EMERGENCY in .*${frozen.region}`, 'i')).waitFor({ timeout: WAIT });
    await page.screenshot({ path: join(SHOTS, 'now-emergency-desktop.png') });
    await open(page, 'emergency');
    await page.getByLabel('Region', { exact: true }).selectOption(frozen.region);
    await page.getByLabel(/Written reason/).fill(`browser test ${RUN} over`);
    await page.getByLabel(/I understand/).check();
    await page.getByRole('button', { name: 'Deactivate emergency', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, deactivate emergency' }).click();
    await page.getByText('No emergency is active.').waitFor({ timeout: WAIT });
    await open(page, 'now');
    await eventually('the banner gone', async () => (await page.locator('.banner.emergency').count()) === 0);
    await page.context().close();
  });

  test('the Integrations view shows each model\'s drift status, fed by the simulator\'s predictions through ops.apm.models.v1', async () => {
    // apm-ingest has stored the simulator's week-old and recent predictions once the drifting model is judged
    const listed = await eventually('the drifting model judged', async () => {
      const models = (await api('VIEWER', 'GET', '/api/apm/models')).body.models;
      const drifting = models.find((m) => m.modelId === 'budget-forecast');
      return drifting?.drift.verdict === 'ALERT' ? models : null;
    }, 60_000);
    assert.equal(listed.find((m) => m.modelId === 'venue-match')?.drift.verdict, 'OK', JSON.stringify(listed));
    const page = await signedIn('VIEWER');
    await open(page, 'integrations');
    const drifting = page.locator('[data-model="budget-forecast"]');
    await drifting.locator('[data-test="model-status"]').getByText('ALERT').waitFor({ timeout: WAIT });
    assert.match(await drifting.locator('[data-test="model-drift"]').textContent(), /^ALERT · \d+\.\d\d$/);
    await page.locator('[data-model="venue-match"] [data-test="model-drift"]').getByText(/^OK · 0\.\d\d$/).waitFor({ timeout: WAIT });
    await drifting.getByRole('button', { name: 'Segments of budget-forecast' }).click();
    await drifting.getByText(/budgetBand:/).waitFor({ timeout: WAIT });
    await page.screenshot({ path: join(SHOTS, 'integrations-models-phone.png'), fullPage: true });
    await page.context().close();

    // windows close a minute and a grace after their samples: watched from here, looked at in the last test
    const watched = await signedIn('VIEWER', DESKTOP);
    let reads = 0;
    watched.on('request', (request) => { if (new URL(request.url()).pathname === '/api/apm/dashboard') reads += 1; });
    await open(watched, 'integrations');
    await watched.evaluate(() => { window.sameDocument = true; });
    apmWatch = { page: watched, reads: () => reads, feed: liveFeedCarries('apm', 150_000) };
  });

  test('every view at 360×740 has no horizontal scroll, passes axe with no serious or critical violation, and is photographed at phone and desktop width', async () => {
    const failures = [];
    for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
      const page = await signedIn('ADMIN', viewport);
      for (const view of VIEWS) {
        await open(page, view);
        // the live feed keeps a request open, so "network idle" never comes: wait for the view's first answers instead
        await page.waitForFunction(() => !/Loading /.test(document.querySelector('main').innerText), null, { timeout: 15_000 }).catch(() => {});
        await page.screenshot({ path: join(SHOTS, `${view}-${size}.png`), fullPage: size === 'desktop' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) failures.push(`${view} at ${size}: ${overflow} px of horizontal scroll`);
        if (size === 'phone') {
          await page.evaluate(AXE);
          const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
          for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
            failures.push(`${view}: axe ${v.impact} ${v.id} — ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
          }
        }
      }
      await page.context().close();
    }
    // daylight is the default; dark mode follows the system, and must pass the same contrast rules
    const dark = await signedIn('ADMIN', PHONE, { colorScheme: 'dark' });
    for (const view of ['now', 'alerts']) {
      await open(dark, view);
      await dark.waitForFunction(() => !/Loading /.test(document.querySelector('main').innerText), null, { timeout: 15_000 }).catch(() => {});
      await dark.screenshot({ path: join(SHOTS, `${view}-phone-dark.png`) });
      await dark.evaluate(AXE);
      const result = await dark.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
        failures.push(`${view} (dark): axe ${v.impact} ${v.id} — ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
      }
    }
    await dark.context().close();
    assert.deepEqual(failures, []);
  });

  test('a closed APM minute comes over the live feed, and the Integrations view reads its dashboard again without a reload', async () => {
    assert.ok(apmWatch, 'the Integrations page was opened by the models test');
    assert.equal(await apmWatch.feed, true, 'an apm event on the live feed');
    await eventually('the dashboard read again', () => apmWatch.reads() >= 2, 60_000);
    // read again as minutes close, the view shows what the simulator measured, in the same document
    await apmWatch.page.getByText(/payments · stripe\.invoice\.paid/).waitFor({ timeout: 75_000 });
    assert.equal(await apmWatch.page.evaluate(() => window.sameDocument), true, 'the page was not reloaded');
    await apmWatch.page.screenshot({ path: join(SHOTS, 'integrations-live-desktop.png'), fullPage: true });
    await apmWatch.page.context().close();
  });

  test('the sign-in page is open, everything under /api still needs a token, and an expired token sends the user back with a message', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    // a token that expired long ago, left in the tab's storage
    await context.addInitScript(() => sessionStorage.setItem('wedops.token', 'x.eyJzdWIiOiJvbGQiLCJyb2xlcyI6WyJWSUVXRVIiXSwiZXhwIjoxfQ.y'));
    const page = await context.newPage();
    await page.goto(`${GATEWAY}/`);
    await page.getByText(/token expired/).waitFor({ timeout: 10_000 }).catch(async (error) => {
      throw new Error(`${error.message}\nthe page showed: ${await page.locator('body').innerText()}`);
    });
    assert.equal(await page.evaluate(() => sessionStorage.getItem('wedops.token')), null);
    await page.screenshot({ path: join(SHOTS, 'signin-expired-phone.png') });
    assert.equal((await fetch(`${GATEWAY}/api/live/events`)).status, 401);
    assert.equal((await fetch(`${GATEWAY}/api/alerts`)).status, 401);
    const forgedToken = await fetch(`${GATEWAY}/api/alerts`, { headers: { Authorization: 'Bearer x.eyJzdWIiOiJtZSJ9.y' } });
    assert.equal(forgedToken.status, 401);
    await page.context().close();
  });
});
