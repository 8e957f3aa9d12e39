import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Issue 17, large imports in the browser: a contacts file of 60,000 rows (beyond the 10,000 and
// 5 MB a GraphQL request takes) is chosen as a file, uploaded, checked as a job with a progress
// bar, previewed, confirmed and imported with a progress bar; a large file with bad rows names
// them all and imports nothing. Screenshots at desktop and phone width.

const runBrowserTests = requireChromium();
const ROWS = 60_000;
const HEADER = 'email,name,language,owner_email,org_unit,region';
const csv = (rows: number, bad: Record<number, string> = {}) =>
  Buffer.from([HEADER, ...Array.from({ length: rows }, (_, i) => bad[i] ?? `big${i}@large-import.example,Person ${i},en,,,${i % 2 ? 'EU' : 'US'}`)].join('\n'));

describe.skipIf(!runBrowserTests)('a large contacts import', () => {
  const session = browserSession();

  it('uploads a 60,000-row file, shows its progress while checking and importing, and imports it', async () => {
    const { page, errors } = await session.open({ viewport: DESKTOP });
    await logIn(page, 'cx@demo.test');
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'Import from CSV' }).click();
    await page.getByLabel('Choose a file').setInputFiles({ name: 'contacts-60k.csv', mimeType: 'text/csv', buffer: csv(ROWS) });
    await page.getByTestId('import-file').filter({ hasText: 'contacts-60k.csv' }).waitFor();
    await page.getByRole('button', { name: 'Check the file' }).click();
    const progress = page.getByTestId('import-progress');
    await progress.getByText(/Checking rows: [\d,]+ of 60,000/).waitFor();
    await screenshot(page, 'large-import-checking-desktop-en');
    await page.getByTestId('preview-added').filter({ hasText: 'Adds 60,000 people' }).waitFor();
    await screenshot(page, 'large-import-preview-desktop-en');
    await page.getByTestId('confirm-import').click();
    await progress.getByText(/Importing rows: [\d,]+ of 60,000|Saving every row at once/).waitFor();
    expect(Number(await progress.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'large-import-importing-desktop-en');
    await page.getByTestId('import-result').filter({ hasText: '60,000 contacts imported.' }).waitFor({ timeout: 120_000 });
    // The list is read again: its total counts the new contacts.
    await page.getByText(/^60,?\d{3} contacts$/).waitFor();
    await screenshot(page, 'large-import-done-desktop-en');
    expect(errors).toEqual([]);
  }, 180_000);

  it('names every bad row of a large file, imports nothing, and fits a phone', async () => {
    const { page, errors } = await session.open({ viewport: DESKTOP });
    await logIn(page, 'cx@demo.test');
    await page.setViewportSize(PHONE);
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'Import from CSV' }).click();
    const bad = { 0: 'not-an-email,First,en,,,EU', 20_000: 'mid@large-import.example,,en,,,EU', 39_999: 'last@large-import.example,Last,xx,,,EU' };
    await page.getByLabel('Choose a file').setInputFiles({ name: 'contacts-bad.csv', mimeType: 'text/csv', buffer: csv(40_000, bad) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByTestId('import-progress').waitFor();
    await screenshot(page, 'large-import-checking-phone-en');
    await page.getByRole('alert').filter({ hasText: 'Nothing was imported: 3 problems' }).waitFor({ timeout: 60_000 });
    const lines = await page.getByTestId('import-errors').locator('tbody tr td:first-child').allTextContents();
    expect(lines).toEqual(['2', '20002', '40001']);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'large-import-errors-phone-en');

    // A spreadsheet that is not CSV text is refused before any check.
    await page.getByLabel('Choose a file').setInputFiles({ name: 'contacts.xlsx', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('The file is not CSV text in UTF-8').waitFor();
    await screenshot(page, 'large-import-not-csv-phone-en');
    expect(errors.filter((e) => !e.includes('415'))).toEqual([]);
  }, 180_000);
});
