// What users do with a message and what reaches Kafka: buttons, impressions and clicks exactly once even when a
// response is lost and the page reloads, and a frequency cap held by the server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { env, expectRecords, launch, liveCampaign, newUser, openPage, shown, startSdk, withImages } from './harness.mjs';

const OUTCOMES = 'delivery.outcomes.v1';
const EVENTS = 'user.events.v1';

const browserReady = launch();
let browser;
let buttons;
let capped;

before(async () => {
  browser = await browserReady;
  buttons = await liveCampaign({
    name: 'Browser test buttons',
    triggers: [{ type: 'CUSTOM_EVENT', name: 'show_buttons' }],
    message: {
      format: 'MODAL',
      title: 'Pick one',
      body: 'Each button does something else.',
      buttons: [
        { id: 'close', label: 'Close', action: 'DISMISS' },
        { id: 'remind', label: 'Remind me', action: 'LOG_EVENT', event: 'remind_me' },
        { id: 'sale', label: 'See the sale', action: 'URL', url: 'https://shop.example.com/sale' },
      ],
    },
  });
  capped = await liveCampaign({
    name: 'Browser test cap',
    triggers: [{ type: 'CUSTOM_EVENT', name: 'cap_probe' }],
    frequency: { lifetimeCap: 2 },
    message: { format: 'BANNER', body: 'Shown twice at most', banner: { position: 'BOTTOM' } },
  });
});

after(async () => {
  await browser?.close();
});

async function showButtons(userId) {
  const context = await browser.newContext();
  await withImages(context);
  const page = await openPage(browser, { userId, context });
  await page.evaluate(() => window.marquee.track('show_buttons'));
  return { context, page, message: await shown(page, buttons) };
}

test('a dismiss button closes the message and logs a dismissal', async () => {
  const userId = newUser('dismiss');
  const { context, page, message } = await showButtons(userId);
  try {
    const sent = page.waitForResponse(
      (r) => r.url().includes('/v1/sdk/interactions') && (r.request().postData() ?? '').includes('"dismiss"') && r.ok(),
    );
    await message.locator('[data-marquee-button="close"]').click();
    await message.waitFor({ state: 'detached' });
    await sent;
  } finally {
    await context.close();
  }
  expectRecords(OUTCOMES, { type: 'IMPRESSION', campaignId: buttons, userId }, 1, 'dismissed message: one impression');
  expectRecords(OUTCOMES, { type: 'DISMISS', campaignId: buttons, userId }, 1, 'dismissed message: one dismissal');
});

test('a log-event button tracks its event and logs the click', async () => {
  const userId = newUser('remind');
  const { context, page, message } = await showButtons(userId);
  try {
    const clickSent = page.waitForResponse(
      (r) => r.url().includes('/v1/sdk/interactions') && (r.request().postData() ?? '').includes('"click"') && r.ok(),
    );
    const eventSent = page.waitForResponse(
      (r) => r.url().includes('/v1/sdk/events') && (r.request().postData() ?? '').includes('remind_me') && r.ok(),
    );
    await message.locator('[data-marquee-button="remind"]').click();
    await message.waitFor({ state: 'detached' });
    await Promise.all([clickSent, eventSent]);
  } finally {
    await context.close();
  }
  expectRecords(OUTCOMES, { type: 'CLICK', campaignId: buttons, userId, buttonId: 'remind' }, 1, 'one click');
  expectRecords(EVENTS, { userId, name: 'remind_me' }, 1, 'the button tracked remind_me once');
});

test('a URL button opens its https page', async () => {
  const userId = newUser('url');
  const { context, page, message } = await showButtons(userId);
  try {
    await context.route('https://shop.example.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Sale</title><h1>Sale</h1>' }),
    );
    await message.locator('[data-marquee-button="sale"]').click();
    await page.waitForURL('https://shop.example.com/sale');
    // back on the app: whatever the leaving page could not send goes now, and nothing twice
    await page.goto(`${env.demo}/blank.html`);
    await page.waitForFunction(() => window.Marquee !== undefined);
    await startSdk(page, userId);
    await page.waitForTimeout(1500);
  } finally {
    await context.close();
  }
  // the leaving page's send and the resend on return may overlap: an interaction whose first publication is still
  // under way is published again rather than dropped, so the click is counted by its eventId
  expectRecords(OUTCOMES, { type: 'CLICK', campaignId: buttons, userId, buttonId: 'sale' }, 1, 'one click, sent as the page left or when the user came back', { byEventId: true });
});

test('an impression and a click reach Kafka exactly once when a response is lost and the page reloads', async () => {
  const userId = newUser('reload');
  const { context, page, message } = await showButtons(userId);
  try {
    // The server gets every interaction call, but the page sees the connection drop: the SDK keeps the
    // interactions and sends them again after the reload, with the same event ids.
    let lost = 0;
    await page.route('**/v1/sdk/interactions', async (route) => {
      await route.fetch();
      lost += 1;
      await route.abort('connectionreset');
    });
    const clickLost = new Promise((resolve) => {
      page.on('requestfailed', (r) => {
        if (r.url().includes('/v1/sdk/interactions') && (r.postData() ?? '').includes('"click"')) {
          resolve();
        }
      });
    });
    await message.locator('[data-marquee-button="remind"]').click();
    await message.waitFor({ state: 'detached' });
    await clickLost;
    assert.ok(lost >= 1, 'at least one answer was lost');
    await page.unroute('**/v1/sdk/interactions');

    const resent = page.waitForResponse((r) => r.url().includes('/v1/sdk/interactions') && r.ok(), { timeout: 20_000 });
    await page.reload();
    await page.waitForFunction(() => window.Marquee !== undefined);
    await startSdk(page, userId);
    await resent;
    await page.waitForTimeout(1000);
  } finally {
    await context.close();
  }
  expectRecords(OUTCOMES, { type: 'IMPRESSION', campaignId: buttons, userId }, 1, 'one impression across the reload');
  expectRecords(OUTCOMES, { type: 'CLICK', campaignId: buttons, userId, buttonId: 'remind' }, 1, 'one click across the reload');
});

test('a lifetime cap of 2 shows the message twice, however often it is triggered, and debug mode says why', async () => {
  const userId = newUser('cap');
  const context = await browser.newContext();
  const page = await openPage(browser, { userId, context, init: { debug: true } });
  await page.evaluate(() => {
    window.debugEntries = [];
    window.marquee.on('debug', (entry) => window.debugEntries.push(entry));
  });
  let displays = 0;
  try {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await page.evaluate(() => window.marquee.track('cap_probe'));
      const banner = page.locator(`[data-marquee-message="${capped}"]`);
      try {
        await banner.waitFor({ state: 'visible', timeout: 3000 });
      } catch {
        continue;
      }
      displays += 1;
      await banner.locator('[data-marquee-close]').click();
      await banner.waitFor({ state: 'detached' });
    }
    // the server's explanation, through the DEBUG scope of the page's key
    await page.waitForFunction(
      (id) => window.debugEntries.some((e) => e.reason === 'explain' && e.campaignId === id && e.message.endsWith('cap:lifetime')),
      capped,
      { timeout: 10_000 },
    );
  } finally {
    await context.close();
  }
  assert.equal(displays, 2);
  expectRecords(OUTCOMES, { type: 'IMPRESSION', campaignId: capped, userId }, 2, 'two impressions under a cap of 2');
});
