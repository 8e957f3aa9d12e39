import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError } from '../src/index.js';

// A vector signed here with node:crypto by the Standard Webhooks rules, independent of the SDK's
// code: HMAC-SHA256 over "id.timestamp.body", key = base64-decoded part after "whsec_".
const key = randomBytes(24);
const secret = `whsec_${key.toString('base64')}`;
const body = JSON.stringify({ type: 'response.created', timestamp: '2026-12-06T17:00:00Z', data: { id: 'r1', score: 3 } });
const now = new Date('2026-12-06T17:00:30Z');
const timestamp = String(Math.floor(now.getTime() / 1000) - 30);
const id = 'msg_2Lq7n1';
const sign = (content: string, withKey: Buffer = key) => `v1,${createHmac('sha256', withKey).update(content).digest('base64')}`;
const headers = (overrides: Record<string, string> = {}) => ({
  'webhook-id': id,
  'webhook-timestamp': timestamp,
  'webhook-signature': sign(`${id}.${timestamp}.${body}`),
  ...overrides,
});

describe('verifyWebhook', () => {
  it('accepts a correctly signed request and returns its parsed body', () => {
    expect(verifyWebhook(secret, headers(), body, { now })).toEqual(JSON.parse(body));
    expect(verifyWebhook(secret, headers(), Buffer.from(body), { now })).toEqual(JSON.parse(body));
    expect(verifyWebhook(secret, new Headers(headers()), body, { now })).toEqual(JSON.parse(body));
  });

  it('accepts when one of several space-separated signatures matches (a rotating secret)', () => {
    const other = sign(`${id}.${timestamp}.${body}`, randomBytes(24));
    const signature = `v1,${Buffer.alloc(32).toString('base64')} ${other} ${headers()['webhook-signature']}`;
    expect(verifyWebhook(secret, headers({ 'webhook-signature': signature }), body, { now })).toEqual(JSON.parse(body));
  });

  it('reads header names in any case, as node:http or a proxy may give them', () => {
    const upper = Object.fromEntries(Object.entries(headers()).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyWebhook(secret, upper, body, { now })).toEqual(JSON.parse(body));
  });

  it.each([
    ['a tampered body', headers(), body.replace('"score":3', '"score":9')],
    ['a wrong secret', headers({ 'webhook-signature': sign(`${id}.${timestamp}.${body}`, randomBytes(24)) }), body],
    ['another webhook-id', headers({ 'webhook-id': 'msg_other' }), body],
    ['a changed timestamp', headers({ 'webhook-timestamp': String(Number(timestamp) + 1) }), body],
    ['a signature of another scheme', headers({ 'webhook-signature': headers()['webhook-signature'].replace('v1,', 'v2,') }), body],
    ['a truncated signature', headers({ 'webhook-signature': headers()['webhook-signature'].slice(0, 20) }), body],
    ['no signature header', { 'webhook-id': id, 'webhook-timestamp': timestamp }, body],
  ])('refuses %s', (_, given, payload) => {
    expect(() => verifyWebhook(secret, given, payload, { now })).toThrow(WebhookVerificationError);
  });

  it('refuses a timestamp more than 5 minutes old or ahead, even when correctly signed', () => {
    for (const ts of [Number(timestamp) - 301, Number(timestamp) + 400]) {
      const signed = headers({ 'webhook-timestamp': String(ts), 'webhook-signature': sign(`${id}.${ts}.${body}`) });
      expect(() => verifyWebhook(secret, signed, body, { now })).toThrow(/too old or too new/);
    }
    const edge = Math.floor(now.getTime() / 1000) - 300;
    const signed = headers({ 'webhook-timestamp': String(edge), 'webhook-signature': sign(`${id}.${edge}.${body}`) });
    expect(verifyWebhook(secret, signed, body, { now })).toEqual(JSON.parse(body));
  });
});
