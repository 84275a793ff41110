/**
 * What the end-to-end tests share: a served workbench on its own database (with the built
 * renderer, tests/helpers/renderer.ts), and Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../main/server';
import { ROOT, testWorkbench, type TestWorkbench } from '../helpers/workbench';
import { ensureRenderer } from '../helpers/renderer';

export interface Served {
  wb: TestWorkbench;
  server: RunningServer;
  close(): Promise<void>;
}

/** A workbench on a new database (fixed clock) served on a free loopback port; static files from
 * `staticDir`, else from a private copy of the (fresh) build. */
export async function serveWorkbench(options: { now?: string; staticDir?: string } = {}): Promise<Served> {
  const wb = testWorkbench({ now: options.now ?? '2026-11-20T08:00:00.000Z', user: '测试员' });
  const server = await startServer({
    dbPath: wb.dbPath,
    port: 0,
    staticDir: options.staticDir ?? (await ensureRenderer()),
    workbench: wb,
  });
  return {
    wb,
    server,
    close: async () => {
      await server.close();
      wb.close();
    },
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

export interface AppInChromium {
  page: Page;
  /** The messages of uncaught errors in the page: a run ends by expecting none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Opens the served app in a new Chromium as a user would (the printed URL with its token), as
 * our users' machines show it: the system language is Chinese (the app must start in Chinese
 * without being told) and the window is a desktop one. Makes the SCREENSHOTS folder.
 */
export async function openInChromium(server: RunningServer): Promise<AppInChromium> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="app-title"]', { timeout: 60_000 });
    return { page, pageErrors, close: () => browser.close() };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

export async function goTo(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => (window.location.hash = `#/${r}`), route);
}

/**
 * Where e2e runs put their screenshots: test-results/ (ignored by git) so a test run leaves the
 * checkout clean; `QMS_SCREENSHOTS_DIR=docs/screenshots npm test` refreshes the README's pictures.
 */
export const SCREENSHOTS = path.resolve(
  ROOT,
  process.env.QMS_SCREENSHOTS_DIR ?? path.join('test-results', 'screenshots'),
);

/** expect.poll gives up after a second by default: far too soon on a loaded two-core machine. */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000 });

/**
 * One served workbench and one Chromium page for a test file, closed after its last test.
 * `prepare` gets the workbench first (to load what the file needs before the page opens);
 * `opened` hands the file its page.
 */
export function servedInChromium(options: {
  now?: string;
  prepare?: (served: Served) => Promise<void>;
  opened: (app: AppInChromium) => void;
}): void {
  let served: Served | undefined;
  let app: AppInChromium | undefined;
  beforeAll(async () => {
    served = await serveWorkbench({ now: options.now });
    await options.prepare?.(served);
    app = await openInChromium(served.server);
    options.opened(app);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await served?.close();
  });
}

/** Picks the option matching `search` in the select `testId`, from a page with no list open. */
export async function chooseOption(page: Page, testId: string, search: string): Promise<void> {
  await eventually(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  await page.locator(`[data-testid="${testId}"]`).click();
  await page.keyboard.type(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: search })
    .first()
    .click();
  await eventually(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/**
 * The texts of the elements matching `selector` that are cut: wider than their box (an
 * ellipsis, or overflow hidden). What a user at a small window cannot read.
 */
export function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) =>
    elements.filter((e) => e.scrollWidth > e.clientWidth).map((e) => (e as HTMLElement).innerText),
  );
}

/** How many lines the text of each element matching `selector` takes on screen. */
export function linesOf(page: Page, selector: string): Promise<number[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );
}

/** How many lines `text` takes on screen where it stands in an element matching `selector`. */
export function linesOfText(page: Page, selector: string, text: string): Promise<number> {
  return page.$eval(
    selector,
    (root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }
      throw new Error(`"${wanted}" is not in ${root.outerHTML.slice(0, 200)}`);
    },
    text,
  );
}
