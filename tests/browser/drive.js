#!/usr/bin/env node
// Drives the Microsoft 365 Agents Playground page in headless Chromium, one scenario per run.
//
//   node tests/browser/drive.js <scenario.json>
//
// The scenario file gives `url` (the Playground), `shots` (directory for screenshots),
// `userDataDir` (a fresh Chromium profile), optionally `timezone` (IANA, the page's clock) and
// `steps`, run in order:
//   {"say": "help"}                              type a message and send it
//   {"reply": {"text": "...", "card": true}}     wait for a new bot message after the last `say`
//                                                containing text (a string, or a list of strings
//                                                that must all show; a card when card is true, plain
//                                                text when it is false);
//                                                it becomes the "current" message
//   {"fill": "a note"}                           type into the current card's text input
//   {"click": "Decline", "row": "...", "notRow": "..."}
//                                                click a button of the current card; with `row`,
//                                                the one in the part of the card showing that text
//                                                (and not `notRow`)
//   {"replaced": {"text": "...", "gone": "Decline"}}
//                                                wait until the current card shows text and has no
//                                                button named `gone` any more
//   {"shot": "name", "chat": true}               screenshot (of the chat column when chat is true)
// Every `reply` and `replaced` step records what the message showed; the result is one JSON
// line on stdout: {"ok": true, "seen": [{"step", "text", "card"}...], "shots": [...]} or
// {"ok": false, "step", "error", "shots"} (exit code 1, with a screenshot of the failure).
// Only loopback is reachable: every other request (the page's CDN fonts) is aborted.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT_MS = Number(process.env.DRIVE_WAIT_MS || 20000);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const MESSAGE = 'div:has(> [aria-label="Message header"])';
const FROM_BOT = '[aria-label="Message author"]';
const CARD = '.ac-adaptiveCard';
const TEXT_INPUT = '.ac-adaptiveCard textarea, .ac-adaptiveCard input.ac-textInput';

async function main() {
  const scenario = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  fs.mkdirSync(scenario.shots, { recursive: true });
  const result = { ok: true, seen: [], shots: [] };
  // A persistent context is how playwright takes a fresh --user-data-dir (the scenario's own directory).
  const context = await chromium.launchPersistentContext(scenario.userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    timezoneId: scenario.timezone || undefined,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
      // Chromium's own background requests (update and variation checks) resolve no host at all.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
    ],
  });
  let page;
  let index = -1;
  try {
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return LOOPBACK.has(host) ? route.continue() : route.abort('blockedbyclient');
    });
    page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(scenario.url);
    const box = page.locator('div[contenteditable="true"][role="textbox"]');
    await box.waitFor();

    const messages = page.locator(MESSAGE);
    let mark = 0; // index of the user's message the last `say` sent
    let current = null; // the message (locator) the last `reply` found

    for (index = 0; index < scenario.steps.length; index++) {
      const step = scenario.steps[index];
      if (step.say !== undefined) {
        const before = await messages.count();
        await box.click();
        await box.fill(step.say);
        await page.locator('button[aria-label="Send Message"]').click();
        // Replies are searched for after the user's own message (the greeting may still be arriving).
        mark = await waitFor(async () => {
          const count = await messages.count();
          for (let i = before; i < count; i++) {
            const m = messages.nth(i);
            if (!(await m.locator(FROM_BOT).count()) && (await m.innerText()).includes(step.say)) return i;
          }
          return null;
        }, `the message ${JSON.stringify(step.say)} to show in the chat`);
      } else if (step.reply) {
        const want = step.reply;
        const found = await waitFor(async () => {
          const count = await messages.count();
          for (let i = mark + 1; i < count; i++) {
            const m = messages.nth(i);
            if (!(await m.locator(FROM_BOT).count())) continue;
            const hasCard = (await m.locator(CARD).count()) > 0;
            if (want.card !== undefined && want.card !== hasCard) continue;
            if (!includesAll(await m.innerText(), want.text)) continue;
            return i;
          }
          return null;
        }, `a reply${want.card ? ' card' : want.card === false ? ' message' : ''} containing ${JSON.stringify(want.text || '')}`);
        current = messages.nth(found);
        result.seen.push(await describe(index, current));
      } else if (step.fill !== undefined) {
        const input = needCard(current).locator(TEXT_INPUT).first();
        await input.click();
        await input.fill(step.fill);
      } else if (step.click) {
        let scope = needCard(current).locator(CARD);
        if (step.row) {
          // The innermost part of the card that shows this row's text (and not the other row's).
          let part = scope.locator('.ac-container, .ac-columnSet, .ac-columnset').filter({ hasText: step.row });
          if (step.notRow) part = part.filter({ hasNotText: step.notRow });
          scope = part.filter({ has: page.getByRole('button', { name: step.click, exact: true }) }).last();
        }
        await scope.getByRole('button', { name: step.click, exact: true }).first().click();
      } else if (step.replaced) {
        const want = step.replaced;
        const message = needCard(current);
        await waitFor(async () => {
          const text = await message.innerText();
          if (!includesAll(text, want.text)) return null;
          if (want.gone && (await message.getByRole('button', { name: want.gone, exact: true }).count())) return null;
          return true;
        }, `the card to show ${JSON.stringify(want.text || '')} without a ${JSON.stringify(want.gone || '')} button`);
        result.seen.push(await describe(index, message));
      } else if (step.shot) {
        result.shots.push(await shoot(page, box, scenario.shots, step.shot, step.chat));
      } else {
        throw new Error(`unknown step ${JSON.stringify(step)}`);
      }
    }
  } catch (err) {
    result.ok = false;
    result.step = index;
    result.error = String((err && err.message) || err).split('\n')[0];
    if (page) {
      try {
        result.shots.push(await shoot(page, null, scenario.shots, `failed-step-${index}`, false));
      } catch (_) { /* the page itself may be gone */ }
    }
  } finally {
    await context.close();
  }
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(result.ok ? 0 : 1);
}

function includesAll(text, wanted) {
  const all = wanted === undefined ? [] : [].concat(wanted);
  return all.every((piece) => text.includes(piece));
}

function needCard(current) {
  if (!current) throw new Error('no current message: add a "reply" step first');
  return current;
}

async function waitFor(probe, what) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function describe(step, message) {
  const card = message.locator(CARD);
  return {
    step,
    text: await message.innerText(),
    card: (await card.count()) ? await card.first().innerText() : null,
  };
}

async function shoot(page, box, dir, name, chat) {
  const file = path.join(dir, `${name}.png`);
  const options = { path: file };
  if (chat && box) {
    // The chat column only: the nearest ancestor of the message box that reaches past its left edge.
    options.clip = await box.evaluate((el) => {
      const inner = el.getBoundingClientRect();
      let node = el;
      while (node.parentElement && node.getBoundingClientRect().left > inner.left - 30) node = node.parentElement;
      const r = node.getBoundingClientRect();
      return { x: r.left, y: 48, width: r.width, height: window.innerHeight - 48 };
    });
  }
  await page.screenshot(options);
  return file;
}

main().catch((err) => {
  process.stdout.write(JSON.stringify({ ok: false, step: -1, error: String(err && err.message || err) }) + '\n');
  process.exit(1);
});
