/**
 * `npm run faults -w @tandem/bench -- [--database-url URL] [--mails 50] [--smtp-down-s 60] [--answers 30]` (issue 21)
 *
 * Two faults of the outside world, against ONE API process:
 *  - the SMTP server down: a small SMTP sink (below) is stopped, N contacts are invited (their mails
 *    fail and the wave's mail batch retries with backoff), the sink comes back after --smtp-down-s;
 *    every invited address must receive its mail, once (none lost, none doubled);
 *  - a webhook endpoint hanging: two endpoints get response.created, one never answers, the other
 *    answers at once; K answers are submitted; the healthy endpoint must get all K while the
 *    hanging one is still being retried (its requests time out, others do not wait for them).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { graphql } from '../http.js';
import { freePort } from '../processes.js';
import { login, option, sleep, startApiProcess } from './kit.js';

/** Just enough of SMTP for nodemailer: every message's recipients are recorded. */
function smtpSink(port: number, received: string[], bodies: Map<string, string>) {
  const server = net.createServer((socket) => {
    let data = false;
    let rcpt: string[] = [];
    let buffer = '';
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (data) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const body = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          data = false;
          received.push(...rcpt);
          for (const to of rcpt) bodies.set(to, body);
          rcpt = [];
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO' || verb === 'MAIL' || verb === 'RSET' || verb === 'NOOP') socket.write('250 ok\r\n');
        else if (verb === 'RCPT') {
          rcpt.push(/<([^>]+)>/.exec(line)?.[1] ?? line);
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          data = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('502 not implemented\r\n');
      }
    });
    socket.on('error', () => {});
  });
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  return {
    start: () => new Promise<void>((done) => server.listen(port, '127.0.0.1', () => done())),
    stop: () => new Promise<void>((done) => (sockets.forEach((s) => s.destroy()), server.close(() => done()))),
  };
}

async function main() {
  const databaseUrl = option('database-url', '') || null;
  const mails = Number(option('mails', '50'));
  const downS = Number(option('smtp-down-s', '60'));
  const answers = Number(option('answers', '30'));
  const smtpPort = await freePort();
  const received: string[] = [];
  const bodies = new Map<string, string>();
  const sink = smtpSink(smtpPort, received, bodies);
  await sink.start();
  const api = await startApiProcess({
    databaseUrl,
    name: 'tandem_bench_faults',
    env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
  });
  const report: Record<string, unknown> = { date: new Date().toISOString(), database: api.database };
  try {
    const cx = await login(api.url, 'cx@demo.test');
    const admin = await login(api.url, 'admin@demo.test');

    // 1. SMTP down for a while. (The demo seed's own mails to staff may already have arrived: not counted.)
    await sink.stop();
    const downAt = Date.now();
    const receivedBeforeDown = received.length;
    const { createWave } = await graphql<{ createWave: { id: string } }>(
      api.url,
      `mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`,
      { input: { name: `SMTP down ${new Date().toISOString()}`, audience: 'CUSTOMER', languages: ['en'] } },
      cx,
    );
    await graphql(api.url, `mutation($id: ID!) { openWave(id: $id) { id } }`, { id: createWave.id }, cx);
    const emails = Array.from({ length: mails }, (_, i) => `smtp-${i}@faults.test`);
    const csv = ['email,name,language,owner_email,org_unit', ...emails.map((e, i) => `${e},Fault ${i},en,,`)].join('\n');
    await graphql(api.url, `mutation($csv: String!) { importContacts(csv: $csv) { imported } }`, { csv }, cx);
    await graphql(api.url, `mutation($w: ID!, $t: InvitationTargetInput) { inviteToWave(waveId: $w, target: $t) { invited } }`, { w: createWave.id, t: { all: true } }, cx);
    await sleep(Math.max(0, downS * 1000 - (Date.now() - downAt)));
    const receivedWhileDown = received.length - receivedBeforeDown;
    await sink.start();
    const backAt = Date.now();
    const wanted = new Set(emails);
    const deadline = Date.now() + 10 * 60_000;
    while (emails.some((e) => !received.includes(e)) && Date.now() < deadline) await sleep(1000);
    const ours = received.filter((r) => wanted.has(r));
    const smtp = {
      downSeconds: downS,
      invited: mails,
      receivedWhileDown,
      delivered: new Set(ours).size,
      duplicates: ours.length - new Set(ours).size,
      lost: mails - new Set(ours).size,
      secondsAfterSmtpBack: Math.round((Date.now() - backAt) / 1000),
    };
    report.smtp = smtp;
    console.log(JSON.stringify(smtp));

    // 2. A webhook endpoint that hangs, beside a healthy one.
    const hits = { ok: 0, hang: 0 };
    const hooks = http.createServer((req, res) => {
      if (req.url === '/hang') {
        hits.hang++;
        return; // never answers
      }
      hits.ok++;
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((done) => hooks.listen(0, '127.0.0.1', () => done()));
    const hookPort = (hooks.address() as net.AddressInfo).port;
    for (const path of ['/hang', '/ok']) {
      await graphql(
        api.url,
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`,
        { input: { url: `http://127.0.0.1:${hookPort}${path}`, events: ['RESPONSE_CREATED'] } },
        admin,
      );
    }
    // The links of the mails the sink received (quoted-printable soft breaks undone).
    const tokens = emails.flatMap((e) => {
      const token = /\/s\/([A-Za-z0-9_-]{43})/.exec((bodies.get(e) ?? '').replace(/=\r?\n/g, ''))?.[1];
      return token ? [token] : [];
    });
    let submitted = 0;
    const t0 = Date.now();
    for (const token of tokens.slice(0, answers)) {
      await graphql(api.url, `mutation($t: String!, $i: ResponseInput!, $s: String) { submitResponse(token: $t, input: $i, submissionId: $s) { ok } }`, {
        t: token,
        i: { score: 9 },
        s: randomUUID(),
      });
      submitted++;
    }
    while (hits.ok < submitted && Date.now() - t0 < 180_000) await sleep(500);
    report.webhook = { answers: submitted, deliveredToHealthy: hits.ok, secondsToDeliverAll: Math.round((Date.now() - t0) / 1000), requestsToHanging: hits.hang };
    console.log(JSON.stringify(report, null, 2));
    hooks.closeAllConnections();
    hooks.close();
    if (smtp.receivedWhileDown > 0 || smtp.lost > 0 || smtp.duplicates > 0 || hits.ok < submitted) {
      console.error(`FAILED: ${smtp.receivedWhileDown} mails received while SMTP was down, ${smtp.lost} lost, ${smtp.duplicates} twice; ${hits.ok} of ${submitted} webhooks delivered to the healthy endpoint`);
      process.exitCode = 1;
    }
  } finally {
    await api.stop();
    await sink.stop().catch(() => {});
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
