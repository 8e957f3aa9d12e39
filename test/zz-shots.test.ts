import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { it } from 'vitest';
import { artifactsDir } from './support/browser.js';
import { browserSession, fitsWidth } from './support/session.js';
import { DEMO_PASSWORD } from './support/server.js';

// Scratch: screenshots of pages (SHOTS="user|path|name;...") at 1440 and 390 px in five languages.
const session = browserSession();
it('shoots', async () => {
  const dir = resolve(artifactsDir, 'shots');
  await mkdir(dir, { recursive: true });
  const langs = (process.env.LANGS ?? 'en,pl,da,ru,sl').split(',');
  for (const spec of (process.env.SHOTS ?? '').split(';').filter(Boolean)) {
    const [user, path, name] = spec.split('|');
    for (const lang of langs) {
      for (const width of (process.env.WIDTHS ?? '1440,390').split(',').map(Number)) {
        const { page, errors } = await session.open({ viewport: { width, height: 900 }, locale: lang });
        await page.addInitScript((l) => localStorage.setItem('tandem.locale', l), lang);
        if (user !== '-') {
          await page.goto('/login');
          await page.locator('input[type=email]').fill(user);
          await page.locator('input[type=password]').fill(DEMO_PASSWORD);
          await page.locator('button[type=submit]').click();
          await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        }
        await page.goto(path);
        await page.waitForTimeout(Number(process.env.WAIT ?? 2500));
        const fits = await fitsWidth(page);
        await page.screenshot({ path: resolve(dir, `${name}-${lang}-${width}.png`), fullPage: true });
        console.log(`${name}-${lang}-${width}: fits=${fits} errors=${errors.length} ${errors.join(' | ').slice(0, 200)}`);
        await page.context().close();
      }
    }
  }
}, 600_000);
