import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSigned } from './sender.js';

const development = { allowPrivateNetworks: false, allowLoopback: true };
const production = { allowPrivateNetworks: false, allowLoopback: false };

let server: Server;
let port: number;
const hits: { host: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ host: req.headers.host, body: Buffer.concat(chunks).toString() });
      if (req.url === '/hang') return; // never answers
      res.writeHead(req.url === '/moved' ? 301 : 204, req.url === '/moved' ? { location: 'http://10.0.0.1/' } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('sending a webhook', () => {
  it('connects to the address it checked, not to what the name resolves to later (DNS rebinding)', async () => {
    // The name resolves once, through the checked resolver; the system resolver never sees it.
    let lookups = 0;
    const resolve = async () => (lookups++, [{ address: '127.0.0.1' }]);
    const result = await sendSigned(`http://rebind.invalid:${port}/hook`, { 'content-type': 'application/json' }, '{"a":1}', development, { resolve });
    expect(result).toMatchObject({ ok: true, statusCode: 204, error: null });
    expect(lookups).toBe(1);
    expect(hits.at(-1)).toEqual({ host: `rebind.invalid:${port}`, body: '{"a":1}' });
  });

  it('refuses a name that resolves to a loopback address in production, without connecting', async () => {
    const before = hits.length;
    const result = await sendSigned(`http://inside.invalid:${port}/hook`, {}, '{}', production, { resolve: async () => [{ address: '127.0.0.1' }] });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^Refused: inside\.invalid: resolves to a loopback address/);
    expect(hits.length).toBe(before);
  });

  it('does not follow a redirect, and gives up on a receiver that does not answer', async () => {
    const moved = await sendSigned(`http://127.0.0.1:${port}/moved`, {}, '{}', development);
    expect(moved).toMatchObject({ ok: false, statusCode: 301, error: 'Redirect (301) not followed' });
    const hanging = await sendSigned(`http://127.0.0.1:${port}/hang`, {}, '{}', development, { timeoutMs: 300 });
    expect(hanging).toMatchObject({ ok: false, statusCode: null, error: 'No answer within 0.3 s' });
  });
});
