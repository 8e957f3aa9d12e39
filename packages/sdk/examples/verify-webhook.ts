// A tiny webhook receiver: checks each request's Standard Webhooks signature against the
// endpoint's signing secret (shown once when the endpoint was created), refuses anything that does
// not verify, and skips deliveries it has already handled (a retry or a replay keeps its
// webhook-id). Answer 2xx fast and do the work after: Tandem retries anything else.
//
//   TANDEM_WEBHOOK_SECRET=whsec_... npx tsx examples/verify-webhook.ts   (listens on :8787)
import { createServer } from 'node:http';
import { verifyWebhook, WebhookVerificationError } from '../src/index.js';
import { required } from './env.js';

const secret = required('TANDEM_WEBHOOK_SECRET');
const seen = new Set<string>();

interface TandemEvent {
  type: string;
  timestamp: string;
  /** true for a sendTestWebhook request */
  test?: boolean;
  data: Record<string, unknown>;
}

createServer((req, res) => {
  if (req.method !== 'POST') return void res.writeHead(405).end();
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    // Verify the raw bytes, before any JSON parsing.
    const body = Buffer.concat(chunks);
    let event: TandemEvent;
    try {
      event = verifyWebhook<TandemEvent>(secret, req.headers, body);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      console.warn(`refused: ${error.message}`);
      return void res.writeHead(400).end();
    }
    res.writeHead(204).end();
    const id = String(req.headers['webhook-id']);
    if (seen.has(id)) return;
    seen.add(id);
    console.log(`${event.test ? '(test) ' : ''}${event.type} at ${event.timestamp}:`, JSON.stringify(event.data));
  });
}).listen(8787, () => console.log('listening on http://localhost:8787'));
