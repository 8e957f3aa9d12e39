import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DESKTOP, PHONE, requireChromium, screenshot } from './support/browser.js';
import { waitForMails } from './support/mail.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Issue 20 in the browser: after the demo's closed waves, the manager's mail links to their
// team's discussion pack; they open it in their language (Polish), download its PDF and the PDF
// says the team and its NPS; printing the page to PDF (Chromium) says them too. A Russian-speaking
// manager of the same team reads it in Russian, and it fits a phone. (The demo's latest closed
// wave is an employee wave whose release hides Sales EU: its managers' mails link to the pack of
// Sales, which it folds into.)

const runBrowserTests = requireChromium();

/** The text of a PDF, as pdf.js reads it. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  return pages.join('\n');
}

describe.skipIf(!runBrowserTests)('a team discussion pack in the browser', () => {
  // The demo's seed on a busy machine can take longer than the default two minutes.
  const session = browserSession();

  /** The pack link of the manager's TEAM_PACK mail (the demo tells the latest closed wave's managers). */
  async function packPath(email: string): Promise<string> {
    const [mail] = await waitForMails(session.server.outboxDir, (m) => (m.headers.to ?? '').includes(email) && m.headers['x-tandem-notification'] === 'TEAM_PACK');
    const path = /https?:\/\/[^\s]+?(\/waves\/[0-9a-f-]{36}\/teams\/[0-9a-f-]{36})/.exec(mail!.text)?.[1];
    expect(path, mail!.text).toBeTruthy();
    return path!;
  }

  it('opens the pack from the mail, in Polish, and downloads a PDF that names the team and its NPS', async () => {
    const path = await packPath('manager@demo.test');
    const { page, errors } = await session.open({ viewport: DESKTOP });
    await logIn(page, 'manager@demo.test');
    await page.goto(path);
    const team = (await page.getByTestId('pack-team').textContent())!.trim();
    expect(['Sales', 'Sales EU']).toContain(team);
    await page.getByText('Przewodnik do dyskusji').waitFor();
    const nps = (await page.getByTestId('pack-nps').textContent())!.trim();
    expect(nps).toMatch(/^[+−-]?\d+$/);
    await screenshot(page, 'team-pack-pl');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pack-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^team-pack-sales(-eu)?-.*\.pdf$/);
    const text = await pdfText(new Uint8Array(await readFile((await download.path())!)));
    expect(text).toContain('Pakiet do dyskusji zespołu');
    expect(text).toContain(team);
    expect(text).toContain(nps.replace(/^[+−-]/, ''));
    expect(text).toContain('Przewodnik do dyskusji');

    // Printing the page itself (print styles: no app shell) says the same.
    await page.emulateMedia({ media: 'print' });
    // (Chromium's PDF places some words glyph by glyph: compare without white space.)
    const squash = (text: string) => text.replace(/\s+/g, '');
    const printed = squash(await pdfText(new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }))));
    expect(printed).toContain(squash(team));
    expect(printed).toContain(squash('Przewodnik do dyskusji'));
    expect(printed).toContain(squash(`NPS${nps}`));
    expect(printed).not.toContain(squash('Pobierz PDF'));

    // ?lang= asks for another language: the page (and its PDF) in English.
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${path}?lang=en`);
    await page.getByText('Discussion guide').waitFor();
    await screenshot(page, 'team-pack-en', 'team-pack');
    expect(errors).toEqual([]);
  });

  it('reads in Russian for a Russian-speaking manager, and fits a phone', async () => {
    const path = await packPath('manager.cis@demo.test');
    const { page, errors } = await session.open({ viewport: DESKTOP });
    await logIn(page, 'manager.cis@demo.test');
    await page.goto(path);
    await page.getByText('Как провести обсуждение').waitFor();
    await screenshot(page, 'team-pack-ru');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать PDF' }).click()]);
    const text = await pdfText(new Uint8Array(await readFile((await download.path())!)));
    expect(text).toContain('Пакет для обсуждения в команде');
    expect(text).toContain((await page.getByTestId('pack-team').textContent())!.trim());

    await page.setViewportSize(PHONE);
    await page.getByText('Как провести обсуждение').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'team-pack-ru-phone');
    expect(errors).toEqual([]);
  });
});
