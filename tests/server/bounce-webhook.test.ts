import { execFileSync } from 'node:child_process';
import { sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bounceContext } from '../../src/bounces/ingest.ts';
import { type SnsMessage, SnsVerifier, stringToSign } from '../../src/bounces/sns.ts';
import { verpAddress } from '../../src/bounces/verp.ts';
import { startHttpServer } from '../../src/server/http-server.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { sendEmptyEdition } from '../bounces/sent-edition.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const SECRET = 'product-secret-0123456789';
const WEBHOOK_SECRET = 'webhook-secret-0123456789';
const BOUNCES = 'bounces@news.example';
const EDITION = '2024-01-04-abcdef01';

/** A certificate the test signs with, served from loopback as SNS serves its own. */
function makeCertificate(dir: string): { key: string; cert: string } {
  const [keyFile, certFile] = [join(dir, 'sns.key'), join(dir, 'sns.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=sns.amazonaws.com',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

describe('the SES bounce webhook (through SNS)', () => {
  const temp = makeTempDir('digest-webhook-');
  let key = '';
  let certificates: Server;
  let origin = '';
  const hits: string[] = [];
  let store: DigestStore;
  let server: { url: string; close(): Promise<void> };
  const ids = new Map<string, number>();

  /** An SNS message as SNS writes and signs it. */
  const snsMessage = (
    over: Partial<SnsMessage> & { Message: string },
    version: '1' | '2' = '2',
  ): SnsMessage => {
    const message: SnsMessage = {
      Type: 'Notification',
      MessageId: `m-${Math.random()}`,
      TopicArn: 'arn:aws:sns:eu-west-1:123456789012:digest-bounces',
      Timestamp: '2024-01-04T10:00:00.000Z',
      SignatureVersion: version,
      Signature: '',
      SigningCertURL: `${origin}/SimpleNotificationService-test.pem`,
      ...over,
    };
    message.Signature = sign(
      version === '1' ? 'sha1' : 'sha256',
      Buffer.from(stringToSign(message)),
      key,
    ).toString('base64');
    return message;
  };
  const sesBounce = (email: string, type: 'Permanent' | 'Transient', source?: string) =>
    JSON.stringify({
      notificationType: 'Bounce',
      bounce: {
        bounceType: type,
        bounceSubType: type === 'Permanent' ? 'General' : 'MailboxFull',
        bouncedRecipients: [
          {
            emailAddress: email,
            action: 'failed',
            status: type === 'Permanent' ? '5.1.1' : '4.2.2',
            diagnosticCode: `smtp; ${type === 'Permanent' ? '550 5.1.1 user unknown' : '452 4.2.2 mailbox full'}`,
          },
        ],
        timestamp: '2024-01-04T10:00:01.000Z',
        feedbackId: 'f-1',
      },
      mail: {
        timestamp: '2024-01-04T07:00:00.000Z',
        source:
          source ?? verpAddress(BOUNCES, { editionId: EDITION, subscriberId: ids.get(email) ?? 0 }, SECRET),
        messageId: 'ses-0001',
        destination: [email],
        commonHeaders: { messageId: `<${EDITION}.${ids.get(email)}@news.example>` },
      },
    });
  const post = (body: unknown, init: { auth?: string | null; path?: string; method?: string } = {}) =>
    fetch(`${server.url}${init.path ?? '/webhooks/bounces/ses'}`, {
      method: init.method ?? 'POST',
      headers: {
        'content-type': 'text/plain; charset=UTF-8',
        'x-amz-sns-message-type': 'Notification',
        ...(init.auth === null
          ? {}
          : {
              authorization: `Basic ${Buffer.from(`bounces:${init.auth ?? WEBHOOK_SECRET}`).toString('base64')}`,
            }),
      },
      ...(init.method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const status = async (email: string) => (await store.findSubscriber(email))?.status;
  const startServer = (secret: string | null, sns = new SnsVerifier({ testOnlyTrustedOrigin: origin })) =>
    startHttpServer({
      port: 0,
      store,
      secret: SECRET,
      newsletterName: 'Test',
      bounceWebhooks: {
        secret,
        bounces: bounceContext(
          { bounceAddress: BOUNCES, bounceVerp: true, bounceSoftLimit: 3, bounceSoftWindow: 5 },
          store,
          SECRET,
        ),
        sns,
      },
    });

  beforeAll(async () => {
    const pair = makeCertificate(temp.dir);
    key = pair.key;
    certificates = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/x-pem-file' });
      res.end(req.url?.endsWith('.pem') ? pair.cert : 'confirmed');
    });
    await new Promise<void>((resolve) => certificates.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(certificates.address() as AddressInfo).port}`;
    store = openSqliteStore(join(temp.dir, 'digest.db'));
    for (const email of [
      'ana@reader.example',
      'ben@reader.example',
      'cat@reader.example',
      'dan@reader.example',
      'eve@reader.example',
      'fay@reader.example',
    ])
      ids.set(email, (await store.addSubscriber(email, null)).subscriber.id);
    await sendEmptyEdition(store, EDITION);
    server = await startServer(WEBHOOK_SECRET);
  });
  beforeEach(() => {
    hits.length = 0;
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await new Promise((resolve) => certificates.close(resolve));
    temp.remove();
  });

  it('marks a permanent SES bounce bounced (SignatureVersion 2), fetching the certificate once', async () => {
    const response = await post(snsMessage({ Message: sesBounce('ana@reader.example', 'Permanent') }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'recorded', kind: 'hard', action: 'bounced' });
    expect(await status('ana@reader.example')).toBe('bounced');
    const again = await post(snsMessage({ Message: sesBounce('dan@reader.example', 'Transient') }));
    expect(await again.json()).toEqual({ status: 'recorded', kind: 'soft', action: null });
    expect(hits).toEqual(['/SimpleNotificationService-test.pem']);
  });

  it('unsubscribes on an SES complaint (SignatureVersion 1)', async () => {
    const complaint = JSON.stringify({
      notificationType: 'Complaint',
      complaint: {
        complainedRecipients: [{ emailAddress: 'ben@reader.example' }],
        complaintFeedbackType: 'abuse',
        timestamp: '2024-01-04T12:00:00.000Z',
      },
      mail: {
        source: verpAddress(
          BOUNCES,
          { editionId: EDITION, subscriberId: ids.get('ben@reader.example') ?? 0 },
          SECRET,
        ),
      },
    });
    const response = await post(snsMessage({ Message: complaint }, '1'));
    expect(await response.json()).toEqual({ status: 'recorded', kind: 'complaint', action: 'unsubscribed' });
    expect(await status('ben@reader.example')).toBe('unsubscribed');
  });

  it('refuses a message changed after signing, and changes nothing', async () => {
    const message = snsMessage({ Message: sesBounce('ana@reader.example', 'Permanent') });
    message.Message = sesBounce('cat@reader.example', 'Permanent');
    const response = await post(message);
    expect(response.status).toBe(403);
    expect((await response.json()).error).toBe('the SNS signature does not verify');
    expect(await status('cat@reader.example')).toBe('active');
  });

  it('never fetches a certificate from a host that is not Amazon’s SNS', async () => {
    for (const url of [
      'http://127.0.0.2:9/SimpleNotificationService-x.pem',
      'https://sns.eu-west-1.amazonaws.com.evil.example/x.pem',
      'http://sns.eu-west-1.amazonaws.com/x.pem',
      'https://sns.eu-west-1.amazonaws.com:8443/x.pem',
      `${origin}/not-a-pem`,
    ]) {
      const response = await post(
        snsMessage({ Message: sesBounce('cat@reader.example', 'Permanent'), SigningCertURL: url }),
      );
      expect(response.status, url).toBe(403);
    }
    expect(hits).toEqual([]);
    expect(await status('cat@reader.example')).toBe('active');
  });

  it('trusts loopback only through the test-only option: the production verifier refuses it', async () => {
    const production = await startServer(WEBHOOK_SECRET, new SnsVerifier());
    const response = await fetch(`${production.url}/webhooks/bounces/ses`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`x:${WEBHOOK_SECRET}`).toString('base64')}` },
      body: JSON.stringify(snsMessage({ Message: sesBounce('cat@reader.example', 'Permanent') })),
    });
    await production.close();
    expect(response.status).toBe(403);
    expect((await response.json()).error).toBe('SigningCertURL is not on an Amazon SNS host');
    expect(hits).toEqual([]);
  });

  it('confirms a signed subscription by visiting its SubscribeURL', async () => {
    const response = await post(
      snsMessage({
        Type: 'SubscriptionConfirmation',
        Message: 'You have chosen to subscribe…',
        Token: 'tok-1',
        SubscribeURL: `${origin}/confirm?Token=tok-1`,
      }),
    );
    expect(await response.json()).toMatchObject({ status: 'subscribed' });
    expect(hits).toEqual(['/confirm?Token=tok-1']);
  });

  it('answers 401 without the secret (asking for Basic credentials), 404 when webhooks are off', async () => {
    const body = snsMessage({ Message: sesBounce('cat@reader.example', 'Permanent') });
    const none = await post(body, { auth: null });
    const wrong = await post(body, { auth: 'not-the-secret-at-all' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Basic realm="digest-bounces"');
    expect(wrong.status).toBe(401);
    const delivery = snsMessage({ Message: JSON.stringify({ notificationType: 'Delivery', mail: {} }) });
    const byToken = await fetch(`${server.url}/webhooks/bounces/ses?token=${WEBHOOK_SECRET}`, {
      method: 'POST',
      body: JSON.stringify(delivery),
    });
    expect(await byToken.json()).toEqual({ status: 'recorded', kind: 'notice', action: null });
    const off = await startServer(null);
    const offResponse = await fetch(`${off.url}/webhooks/bounces/ses`, { method: 'POST', body: '{}' });
    await off.close();
    expect(offResponse.status).toBe(404);
    expect((await post(body, { path: '/webhooks/bounces/mailgun' })).status).toBe(404);
  });

  it('refuses bad bodies with a clear 400, 405 or 413, and changes nothing', async () => {
    const message = snsMessage({ Message: sesBounce('cat@reader.example', 'Permanent') });
    const unknown = await post({ ...message, Extra: 1 });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatch(/unknown field Extra/);
    const notJson = await post('{"Type":');
    expect(notJson.status).toBe(400);
    const missing = await post({ ...message, Signature: undefined });
    expect((await missing.json()).error).toMatch(/field Signature/);
    expect((await post('', { method: 'GET' })).status).toBe(405);
    expect((await post('x'.repeat(400 * 1024))).status).toBe(413);
    const notSes = await post(snsMessage({ Message: 'plain words' }));
    expect(notSes.status).toBe(400);
    expect(await status('cat@reader.example')).toBe('active');
  });

  it('refuses an envelope or an SES notification that gives a field twice, and changes nothing', async () => {
    const message = snsMessage({ Message: sesBounce('cat@reader.example', 'Permanent') });
    // The signature covers the second Type only: which one a reader believes must not be a guess.
    const envelope = JSON.stringify(message).replace('{', '{"Type":"SubscriptionConfirmation",');
    const twice = await post(envelope);
    expect(twice.status).toBe(400);
    expect(await twice.json()).toEqual({ error: 'the body gives the field "Type" twice' });
    const doubled = sesBounce('cat@reader.example', 'Permanent').replace(
      '{',
      '{"notificationType":"Delivery",',
    );
    const inner = await post(snsMessage({ Message: doubled }));
    expect(inner.status).toBe(400);
    expect(await inner.json()).toEqual({ error: 'the SNS Message gives the field "notificationType" twice' });
    expect(await post('null').then((r) => r.status)).toBe(400);
    expect(await status('cat@reader.example')).toBe('active');
  });

  it('changes nothing for a forged VERP address in mail.source', async () => {
    const forged = sesBounce(
      'cat@reader.example',
      'Permanent',
      'bounces+aaaaaaaaaaaaaaaaaaaaaaaaaa@news.example',
    );
    const response = await post(snsMessage({ Message: forged }));
    expect(await response.json()).toEqual({ status: 'recorded', kind: 'hard', action: null });
    expect(await status('cat@reader.example')).toBe('active');
    expect((await store.bounces.counts()).forged).toBe(1);
  });

  it('believes a signed SES bounce without a VERP token: SNS’s signature is the proof', async () => {
    const plain = sesBounce('eve@reader.example', 'Permanent', BOUNCES);
    const response = await post(snsMessage({ Message: plain }));
    expect(await response.json()).toEqual({ status: 'recorded', kind: 'hard', action: 'bounced' });
    expect(await status('eve@reader.example')).toBe('bounced');
  });

  it('answers 503 while the database is locked, so SNS tries again, and records nothing', {
    timeout: 30_000,
  }, async () => {
    const before = await store.bounces.counts();
    const other = new Database(join(temp.dir, 'digest.db'));
    other.exec('BEGIN EXCLUSIVE');
    try {
      const response = await post(snsMessage({ Message: sesBounce('fay@reader.example', 'Permanent') }));
      expect(response.status).toBe(503);
      expect((await response.json()).error).toMatch(/database is locked/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await store.bounces.counts()).toEqual(before);
    expect(await status('fay@reader.example')).toBe('active');
    // Once the lock is gone, SNS's next try is recorded.
    const again = await post(snsMessage({ Message: sesBounce('fay@reader.example', 'Permanent') }));
    expect(await again.json()).toEqual({ status: 'recorded', kind: 'hard', action: 'bounced' });
  });
});
