import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, requireChromium, screenshot } from './support/browser.js';
import { browserSession, logIn } from './support/session.js';

/**
 * Every page of the staff app, as the role that uses it, in all five languages on a phone: none
 * scrolls sideways and none logs a console error. Each page is saved to test/artifacts/tour/ to be
 * looked at; TOUR_DESKTOP=1 adds the same pages at desktop width. Not part of `npm test` (it takes
 * minutes): run it with `npm run tour -w @tandem/e2e` after building.
 */
const runBrowserTests = requireChromium();
const LANGUAGES = ['en', 'pl', 'da', 'ru', 'sl'] as const;
const widths = process.env.TOUR_DESKTOP === '1' ? { phone: PHONE, desktop: DESKTOP } : { phone: PHONE };

/** Who sees which pages; detail pages are found by following the first link of their list. */
const TOURS: { email: string; pages: string[]; details?: { list: string; link: string }[] }[] = [
  {
    email: 'admin@demo.test',
    pages: ['/', '/board', '/explore', '/waves', '/contacts', '/themes', '/improvements', '/leaderboard', '/organization', '/organization/users', '/organization/settings'],
    details: [
      { list: '/waves', link: 'a[href^="/waves/"]' },
      { list: '/improvements', link: 'a[href^="/improvements/"]' },
    ],
  },
  { email: 'hr@demo.test', pages: ['/', '/waves', '/employees', '/board'], details: [{ list: '/waves', link: 'a[href^="/waves/"]' }] },
  { email: 'manager@demo.test', pages: ['/', '/team', '/follow-ups', '/contacts'] },
  { email: 'cx@demo.test', pages: ['/', '/follow-ups'] },
];

/** Waits until the page has drawn its data: the network is quiet and nothing says it is loading. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 8_000 }).catch(() => undefined);
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 8_000 }).catch(() => undefined);
}

const slug = (path: string) => path.replace(/^\/$/, 'home').replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-');

describe.skipIf(!runBrowserTests)('a tour of every page', () => {
  const session = browserSession();

  for (const tour of TOURS) {
    for (const [widthName, viewport] of Object.entries(widths)) {
      it(`${tour.email}: every page fits a ${widthName} in every language, without console errors`, async () => {
        // The session's name is in the phone's menu, so log in at desktop width, then narrow.
        const { page, errors } = await session.open({ viewport: DESKTOP });
        await logIn(page, tour.email);
        const paths = [...tour.pages];
        for (const detail of tour.details ?? []) {
          await page.goto(detail.list);
          await settle(page);
          const href = await page.locator(detail.link).first().getAttribute('href', { timeout: 20_000 });
          if (href) paths.push(href);
        }
        await page.setViewportSize(viewport);
        const overflowing: string[] = [];
        for (const language of LANGUAGES) {
          await page.evaluate((locale) => localStorage.setItem('tandem.locale', locale), language);
          for (const path of paths) {
            await page.goto(path);
            await settle(page);
            const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
            if (!fits) overflowing.push(`${language} ${path}`);
            const who = tour.email.split('@')[0];
            await screenshot(page, `tour-${widthName}-${language}-${who}-${slug(path).slice(0, 40)}`);
          }
        }
        expect(overflowing).toEqual([]);
        expect(errors).toEqual([]);
      }, 600_000);
    }
  }
});
