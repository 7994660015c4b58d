// The demo shop page of `./marquee up`, as a newcomer sees it: a welcome modal, a banner on the product page, a card
// in the inbox and an NPS survey after an order, each from the demo app's live campaigns.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, env, expectRecords, launch, newUser, screenshot } from './harness.mjs';

const ids = {
  welcome: process.env.MARQUEE_DEMO_WELCOME_ID,
  banner: process.env.MARQUEE_DEMO_BANNER_ID,
  card: process.env.MARQUEE_DEMO_CARD_ID,
  survey: process.env.MARQUEE_DEMO_SURVEY_ID,
};

const browserReady = launch();
let browser;

before(async () => {
  browser = await browserReady;
  assert.ok(ids.welcome && ids.banner && ids.card && ids.survey, 'BrowserIT passes the demo campaigns');
});

after(async () => {
  await browser?.close();
});

test('a newcomer sees the welcome modal, the banner, the inbox card and the NPS survey', async () => {
  const userId = newUser('shopper');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  try {
    await page.goto(`${env.demo}/?user=${userId}`);

    const welcome = page.locator(`[data-marquee-message="${ids.welcome}"]`);
    await welcome.waitFor({ state: 'visible', timeout: 10_000 });
    assert.ok((await welcome.textContent()).includes('Welcome to the demo shop'));
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'demo-welcome');
    await welcome.locator('[data-marquee-button="start"]').click();
    await welcome.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Sneakers' }).first().click();
    const banner = page.locator(`[data-marquee-message="${ids.banner}"]`);
    await banner.waitFor({ state: 'visible', timeout: 10_000 });
    assert.ok((await banner.textContent()).includes('Free shipping'));
    await screenshot(page, 'demo-banner');
    await banner.locator('[data-marquee-close]').click();

    await page.waitForFunction(() => document.getElementById('inbox-count').textContent === '1');
    await page.locator('#inbox-toggle').click();
    const card = page.locator(`[data-marquee-card="${ids.card}"]`);
    await card.waitFor({ state: 'visible' });
    assert.ok((await card.textContent()).includes('loyalty points'));
    await screenshot(page, 'demo-inbox');

    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.locator('#place-order').click();
    const survey = page.locator(`[data-marquee-message="${ids.survey}"]`);
    await survey.waitFor({ state: 'visible', timeout: 10_000 });
    await survey.locator('[data-marquee-nps="9"]').click();
    await screenshot(page, 'demo-survey');
    const answered = page.waitForResponse((r) => r.url().includes('/v1/sdk/interactions') && r.ok());
    await survey.locator('[data-marquee-submit]').click();
    await answered;
  } finally {
    await context.close();
  }
  expectRecords('delivery.outcomes.v1', { type: 'IMPRESSION', campaignId: ids.welcome, userId }, 1, 'welcome seen once');
  expectRecords('delivery.outcomes.v1', { type: 'SURVEY_ANSWER', campaignId: ids.survey, userId }, 1, 'one NPS answer');
  expectRecords('user.events.v1', { userId, name: 'order_completed' }, 1, 'the order was tracked');
});
