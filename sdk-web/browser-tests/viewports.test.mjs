// Every format fits a phone: at 320, 390 and 1280 px wide, the message, its close control and every button are inside
// the viewport (a button below the fold of a scrolling panel once scrolled to), each at least 44 px, and the page does
// not scroll sideways. The demo shop's welcome modal too. Screenshots: viewport-<format>-<width>.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { env, launch, liveCampaign, newUser, openPage, screenshot, shown, withImages } from './harness.mjs';
import { MESSAGES } from './messages.mjs';

const VIEWPORTS = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const MIN_TARGET = 44;

const browserReady = launch();
let browser;
const campaigns = {};

before(async () => {
  browser = await browserReady;
  for (const [format, message] of Object.entries(MESSAGES)) {
    campaigns[format] = await liveCampaign({
      name: `Viewport test ${format}`,
      triggers: [{ type: 'CUSTOM_EVENT', name: `fit_${format.toLowerCase()}` }],
      message,
    });
  }
});

after(async () => {
  await browser?.close();
});

/** What does not fit `message` in this viewport, each described; empty when everything fits. */
async function misfits(page, message) {
  await message.evaluate((root) => Promise.all(root.getAnimations({ subtree: true }).map((a) => a.finished)));
  const problems = [];
  const { width, height } = page.viewportSize();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) {
    problems.push(`the page scrolls sideways by ${overflow} px`);
  }
  const controls = message.locator('button, [data-marquee-close], a[href]');
  const count = await controls.count();
  assert.ok((await message.locator('[data-marquee-close]').count()) > 0, 'the message has a close control');
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    if (!(await control.isVisible())) {
      continue;
    }
    await control.scrollIntoViewIfNeeded();
    const box = await control.boundingBox();
    const name = (await control.getAttribute('aria-label')) ?? (await control.textContent())?.trim();
    if (box.x < 0 || box.y < 0 || box.x + box.width > width + 0.5 || box.y + box.height > height + 0.5) {
      problems.push(`"${name}" is outside the viewport: ${JSON.stringify(box)}`);
    }
    if (Math.min(box.width, box.height) < MIN_TARGET) {
      problems.push(`"${name}" is ${Math.round(box.width)}×${Math.round(box.height)} px`);
    }
  }
  return problems;
}

for (const viewport of VIEWPORTS) {
  test(`every format fits ${viewport.width} px`, async () => {
    const context = await browser.newContext({ viewport, hasTouch: viewport.width < 500 });
    await withImages(context);
    const failures = [];
    try {
      for (const format of Object.keys(MESSAGES)) {
        const page = await openPage(browser, { userId: newUser(`fit-${format.toLowerCase()}`), context });
        await page.evaluate((name) => window.marquee.track(name), `fit_${format.toLowerCase()}`);
        const message = await shown(page, campaigns[format]);
        for (const problem of await misfits(page, message)) {
          failures.push(`${format}: ${problem}`);
        }
        await screenshot(page, `viewport-${format.toLowerCase()}-${viewport.width}`);
        await page.close();
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(failures, []);
  });
}

for (const width of [320, 390]) {
  test(`the demo shop and its welcome modal fit ${width} px`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 760 }, hasTouch: true });
    const page = await context.newPage();
    try {
      await page.goto(`${env.demo}/?user=${newUser('phone')}`);
      const welcome = page.locator(`[data-marquee-message="${process.env.MARQUEE_DEMO_WELCOME_ID}"]`);
      await welcome.waitFor({ state: 'visible', timeout: 10_000 });
      const problems = await misfits(page, welcome);
      await screenshot(page, `viewport-demo-welcome-${width}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
