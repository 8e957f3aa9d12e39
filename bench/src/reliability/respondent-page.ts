/**
 * `npm run respondent-page -w @tandem/bench -- [--runs 5] [--cpu 1|4] [--database-url URL]` (issue 21)
 *
 * How long a respondent on a slow phone network waits for the score buttons, and how many bytes
 * travel before they show. The built API (and web app) is started on the embedded database (or a
 * fresh database at --database-url); one customer is invited to a wave and its link opened in
 * Chromium (playwright-core, CHROMIUM_PATH or /usr/bin/chromium) with a phone's viewport and the
 * network emulated over CDP as slow 4G: 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency; the CPU
 * is not throttled unless --cpu 4. Each run is a cold load (cache disabled, a new context). A run
 * ends when the first score button is visible; the bytes are those of every response finished by
 * then, headers included (CDP's encodedDataLength).
 * Targets: at most 60 KB transferred and buttons visible in under 1.5 s.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from '../seed.js';
import { invitedWave, login, option, percentile, startApiProcess } from './kit.js';

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function main() {
  const runs = Number(option('runs', '5'));
  const cpu = Number(option('cpu', '1'));
  const databaseUrl = option('database-url', '') || null;
  const api = await startApiProcess({ databaseUrl, name: 'tandem_bench_respondent_page' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  try {
    const cx = await login(api.url, 'cx@demo.test');
    const { tokens } = await invitedWave(api, cx, 1, 'page');
    const link = `${api.url}/s/${tokens[0]}`;
    const results: { ms: number; bytes: number; requests: { url: string; bytes: number; encoding: string | null }[] }[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      const urls = new Map<string, { url: string; encoding: string | null }>();
      const finished: { url: string; bytes: number; encoding: string | null }[] = [];
      cdp.on('Network.responseReceived', (e) => {
        const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
        urls.set(e.requestId, { url: e.response.url.replace(api.url, ''), encoding: headers['content-encoding'] ?? null });
      });
      cdp.on('Network.loadingFinished', (e) => {
        const seen = urls.get(e.requestId) ?? { url: '?', encoding: null };
        finished.push({ ...seen, bytes: e.encodedDataLength });
      });
      const started = Date.now();
      await page.goto(link, { waitUntil: 'commit' });
      await page.locator('.score-button').first().waitFor({ state: 'visible', timeout: 30_000 });
      const ms = Date.now() - started;
      const requests = [...finished];
      results.push({ ms, bytes: requests.reduce((sum, r) => sum + r.bytes, 0), requests });
      await context.close();
    }
    const ms = results.map((r) => r.ms);
    const kb = results.map((r) => r.bytes / 1024);
    const summary = {
      date: new Date().toISOString(),
      database: api.database,
      network: 'slow 4G over CDP: 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency',
      cpu: cpu > 1 ? `${cpu}× throttled` : 'not throttled',
      runs,
      msMedian: percentile(ms, 50),
      msMax: Math.max(...ms),
      kbMedian: Number(percentile(kb, 50).toFixed(1)),
      kbMax: Number(Math.max(...kb).toFixed(1)),
      targetsMet: Math.max(...ms) < 1500 && Math.max(...kb) <= 60,
      requests: results[0]!.requests,
    };
    console.log(JSON.stringify(summary, null, 2));
    mkdirSync(resolve(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(resolve(REPO_ROOT, `bench/results/${summary.date.slice(0, 10)}-respondent-page-cpu${cpu}.json`), `${JSON.stringify({ ...summary, results }, null, 2)}\n`);
  } finally {
    await browser.close();
    await api.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
