import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const testRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const artifactsDir = resolve(testRoot, 'artifacts');
export const docsScreenshotsDir = resolve(testRoot, '..', 'docs', 'screenshots');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(chromiumPath);

/** With SCREENSHOTS=1, tests also refresh the screenshots in docs/screenshots. */
export const saveDocsScreenshots = process.env.SCREENSHOTS === '1';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };

/**
 * Call at the top of a browser test file. Without Chromium the suite fails in
 * CI and is skipped (loudly) elsewhere. Returns whether to run.
 */
export function requireChromium(): boolean {
  if (chromiumAvailable) return true;
  const message =
    `Chromium not found at ${chromiumPath}. Install it (apt-get install -y chromium) ` +
    'or point CHROMIUM_PATH at a Chromium or Chrome binary.';
  if (process.env.CI) throw new Error(`Browser tests need Chromium. ${message}`);
  console.warn(`\n\n!!! SKIPPING BROWSER TESTS !!!\n${message}\n\n`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh, isolated browser context (own storage) with English defaults. */
export function newContext(
  browser: Browser,
  baseURL: string,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? 'en-US',
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
}

/**
 * Saves a screenshot to test/artifacts/<name>.png, and with SCREENSHOTS=1
 * also to docs/screenshots/<docsName>.png.
 */
export async function screenshot(page: Page, name: string, docsName?: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  // A full-page shot of a scrolled page would paint the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: resolve(artifactsDir, `${name}.png`), fullPage: true });
  if (saveDocsScreenshots && docsName) {
    await mkdir(docsScreenshotsDir, { recursive: true });
    await page.screenshot({ path: resolve(docsScreenshotsDir, `${docsName}.png`), fullPage: true });
  }
}

/**
 * Like screenshot, of one part of a page (a card, a form) instead of the whole page: for docs
 * where a full page would be too tall to read.
 */
export async function screenshotOf(part: Locator, name: string, docsName?: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  // The window as tall as the page while shooting, so the page does not scroll and its sticky
  // header stays at the top instead of painting over the part.
  const page = part.page();
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (viewport) await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.evaluate(() => window.scrollTo(0, 0));
  try {
    await part.screenshot({ path: resolve(artifactsDir, `${name}.png`) });
    if (saveDocsScreenshots && docsName) {
      await mkdir(docsScreenshotsDir, { recursive: true });
      await part.screenshot({ path: resolve(docsScreenshotsDir, `${docsName}.png`) });
    }
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}

/** Fails the test with the browser's console errors, which otherwise go unseen. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
