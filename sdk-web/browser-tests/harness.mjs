// What every browser test needs: a headless Chromium (chromium.mjs) through playwright-core, the suite's management API, pages with
// the SDK started for a fresh user, axe-core, screenshots, and the expectations e2e's BrowserIT checks in Kafka.
// Run by e2e/src/test/java/dev/marquee/e2e/BrowserIT.java, which starts the suite and sets the MARQUEE_* variables.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { chromiumInstall } from './chromium.mjs';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: the browser tests run from e2e's BrowserIT (mvn -B verify)`);
  }
  return value;
}

export const env = {
  gateway: required('MARQUEE_GATEWAY_URL'),
  demo: required('MARQUEE_DEMO_URL'),
  appId: required('MARQUEE_APP_ID'),
  pageKey: required('MARQUEE_PAGE_SDK_KEY'),
  serverKey: required('MARQUEE_SERVER_SDK_KEY'),
  adminToken: required('MARQUEE_ADMIN_TOKEN'),
  expectations: required('MARQUEE_EXPECTATIONS'),
  screenshots: required('MARQUEE_SCREENSHOTS'),
};

/** A Chromium with the flags this machine needs (no background networking: the network is closed). */
export async function launch() {
  const install = chromiumInstall();
  // playwright gives every launch a fresh, temporary --user-data-dir of its own
  return chromium.launch({
    executablePath: install.executablePath,
    env: { ...process.env, ...install.env },
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A user id no other test uses: caps and inbox state start empty. */
export function newUser(prefix = 'browser') {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Calls the management API with the demo app's admin token; answers the parsed body. */
export async function admin(method, path, body, expected = [200, 201, 202, 204]) {
  const response = await fetch(`${env.gateway}/v1/apps/${env.appId}${path}`, {
    method,
    headers: { Authorization: `Bearer ${env.adminToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!expected.includes(response.status)) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}

/** Creates and activates a campaign, and waits until the SDK API serves it. */
export async function liveCampaign(campaign) {
  const created = await admin('POST', '/campaigns', campaign);
  await admin('POST', `/campaigns/${created.id}/actions/activate`);
  const probe = newUser('probe');
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${env.gateway}/v1/sdk/messages?userId=${probe}`, {
      headers: { 'X-Marquee-Key': env.serverKey },
    });
    if (response.ok && (await response.text()).includes(created.id)) {
      return created.id;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`campaign ${created.id} was not served within 20 s`);
}

/**
 * Opens `path` of the demo site (the blank test page by default) in a fresh context and starts the SDK for `userId`.
 * `colorScheme` is emulated for `prefers-color-scheme`. Answers the page; `window.marquee` is the client.
 */
export async function openPage(browser, { userId, colorScheme = 'light', context, init = {}, path = '/blank.html', start = true }) {
  const ctx = context ?? (await browser.newContext({ colorScheme, viewport: { width: 1024, height: 768 } }));
  const page = await ctx.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.text().startsWith('[marquee]')) {
      console.log(`[page ${message.type()}] ${message.text()}`);
    }
  });
  await page.goto(`${env.demo}${path}`);
  if (path === '/blank.html') {
    await page.waitForFunction(() => window.Marquee !== undefined);
    if (start) {
      await startSdk(page, userId, init);
    }
  }
  return page;
}

/** Campaign images live on https://cdn.example.com, which this closed network cannot reach: serve a picture. */
export async function withImages(context) {
  await context.route('https://cdn.example.com/**', (route) =>
    route.fulfill({
      contentType: 'image/svg+xml',
      body: `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">
        <rect width="640" height="360" fill="#f3d9de"/><circle cx="320" cy="180" r="110" fill="#b3123a"/>
        <text x="320" y="190" font-family="sans-serif" font-size="32" text-anchor="middle" fill="#fff">sneaker</text></svg>`,
    }),
  );
}

/** Starts the SDK in a page that loaded it (blank.html), as an app would. */
export async function startSdk(page, userId, init = {}) {
  await page.evaluate(
    async ({ gateway, key, userId, init }) => {
      window.marquee = await window.Marquee.init({
        sdkKey: key,
        userId,
        baseUrl: gateway,
        locale: 'en',
        theme: 'auto',
        deepLinkSchemes: ['demoshop'],
        allowHtml: true,
        inbox: document.getElementById('inbox'),
        ...init,
      });
    },
    { gateway: env.gateway, key: env.pageKey, userId, init },
  );
}

/** The message of `campaignId` on screen, once it is there. */
export async function shown(page, campaignId, timeout = 10_000) {
  const locator = page.locator(`[data-marquee-message="${campaignId}"]`);
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

/**
 * axe-core on the page (WCAG 2 A/AA rules): answers the violations, each summarized. Measured once the entrance
 * animations have ended: mid-fade, text and background are blended with the page and contrast is not what users read.
 */
export async function axeViolations(page, include) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) {
    builder = builder.include(include);
  }
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Saves a screenshot under sdk-web/target/screenshots (not committed). */
export async function screenshot(page, name) {
  mkdirSync(env.screenshots, { recursive: true });
  await page.screenshot({ path: join(env.screenshots, `${name}.png`), fullPage: false });
}

/**
 * Records that `topic` must hold exactly `count` records whose fields equal `match` (checked by BrowserIT once
 * this file has run, with time for late duplicates to show). `user.events.v1` is at-least-once (consumers are
 * idempotent on `eventId`), so it is counted by distinct `eventId`; `delivery.outcomes.v1` record by record, unless
 * `byEventId` says two sends of one interaction may overlap (an interaction whose first publication is still under
 * way is published again rather than dropped: at-least-once).
 */
export function expectRecords(topic, match, count, why, { byEventId = false } = {}) {
  const distinct = topic === 'user.events.v1' || byEventId ? 'eventId' : undefined;
  mkdirSync(join(env.expectations, '..'), { recursive: true });
  appendFileSync(env.expectations, `${JSON.stringify({ topic, match, count, why, distinct })}\n`);
}
