// The live parts: a message sent by the server appears over the SSE stream within a second (in one tab of the user's
// browser, not in each), and events tracked while offline are delivered once the page is back online, even across a
// reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { admin, env, expectRecords, launch, newUser, openPage, startSdk } from './harness.mjs';

const browserReady = launch();
let browser;

before(async () => {
  browser = await browserReady;
});

after(async () => {
  await browser?.close();
});

test('a message sent with messages/send appears within a second over the stream', async () => {
  const userId = newUser('stream');
  const context = await browser.newContext();
  const page = await openPage(browser, { userId, context, start: false });
  try {
    const streamOpen = page.waitForResponse((r) => r.url().includes('/v1/sdk/stream') && r.status() === 200);
    await startSdk(page, userId);
    await streamOpen;
    await page.waitForTimeout(300);

    const started = Date.now();
    await admin('POST', '/messages/send', {
      userIds: [userId],
      message: { format: 'MODAL', title: 'Flash sale', body: 'Everything 30% off for the next hour.' },
    });
    await page.locator('[data-marquee-message]', { hasText: 'Flash sale' }).waitFor({ state: 'visible', timeout: 5000 });
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 1000, `the sent message took ${elapsed} ms to appear`);
  } finally {
    await context.close();
  }
});

test('a message sent to a user with two tabs open is shown in one of them, not in both', async () => {
  const userId = newUser('tabs');
  const context = await browser.newContext();
  const tabs = [];
  try {
    for (let i = 0; i < 2; i++) {
      const page = await openPage(browser, { userId, context, start: false });
      const streamOpen = page.waitForResponse((r) => r.url().includes('/v1/sdk/stream') && r.status() === 200);
      await startSdk(page, userId);
      await streamOpen;
      tabs.push(page);
    }
    await tabs[0].waitForTimeout(300);

    await admin('POST', '/messages/send', {
      userIds: [userId],
      message: { format: 'MODAL', title: 'Only once', body: 'One tab is enough.' },
    });
    const message = (page) => page.locator('[data-marquee-message]', { hasText: 'Only once' });
    await Promise.any(tabs.map((page) => message(page).waitFor({ state: 'visible', timeout: 5000 })));
    // both tabs got it over their streams within the same moment: long enough for the other to have shown it too
    await tabs[0].waitForTimeout(1500);
    const counts = await Promise.all(tabs.map((page) => message(page).count()));
    assert.deepEqual(counts.sort(), [0, 1], `shown per tab: ${counts}`);
  } finally {
    await context.close();
  }
});

test('events tracked offline are delivered after reconnecting, and after a reload', async () => {
  const userId = newUser('offline');
  const context = await browser.newContext();
  const page = await openPage(browser, { userId, context });
  try {
    await page.waitForTimeout(500);
    await context.setOffline(true);
    await page.evaluate(() => {
      window.marquee.track('offline_probe', { n: 1 });
      window.marquee.track('offline_probe', { n: 2 });
    });
    await page.waitForTimeout(1500);

    const delivered = page.waitForResponse((r) => r.url().includes('/v1/sdk/events') && r.ok(), { timeout: 20_000 });
    await context.setOffline(false);
    await delivered;

    // Tracked offline, then the page is gone before the network is back: the next page of the app sends it.
    await context.setOffline(true);
    await page.evaluate(() => window.marquee.track('offline_after_reload'));
    await page.waitForTimeout(500);
    await page.close();
    await context.setOffline(false);
    const next = await context.newPage();
    await next.goto(`${env.demo}/blank.html`);
    await next.waitForFunction(() => window.Marquee !== undefined);
    const resent = next.waitForResponse((r) => r.url().includes('/v1/sdk/events') && r.ok(), { timeout: 20_000 });
    await startSdk(next, userId);
    await resent;
    await next.waitForTimeout(1000);
  } finally {
    await context.close();
  }
  expectRecords('user.events.v1', { userId, name: 'offline_probe' }, 2, 'both offline events (two distinct event ids)');
  expectRecords('user.events.v1', { userId, name: 'offline_after_reload' }, 1, 'the event kept across the reload');
});
