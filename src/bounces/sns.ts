import { createVerify, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { DigestError } from '../errors.ts';

/**
 * An Amazon SNS message as its HTTP(S) endpoint receives it (raw message delivery off): the
 * documented fields, nothing else.
 */
const snsMessage = z
  .object({
    Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
    MessageId: z.string().min(1).max(200),
    TopicArn: z.string().min(1).max(300),
    Subject: z.string().max(200).optional(),
    Message: z.string().max(256 * 1024),
    Timestamp: z.string().min(1).max(64),
    SignatureVersion: z.enum(['1', '2']),
    Signature: z.string().min(1).max(2048),
    SigningCertURL: z.string().min(1).max(2048),
    SubscribeURL: z.string().max(2048).optional(),
    UnsubscribeURL: z.string().max(2048).optional(),
    Token: z.string().max(2048).optional(),
    MessageAttributes: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** A parsed SNS message. */
export type SnsMessage = z.infer<typeof snsMessage>;

/** Options of SnsVerifier. */
export interface SnsVerifierOptions {
  /**
   * TESTS ONLY: an origin (`http://127.0.0.1:PORT`) trusted beside Amazon's, for certificate
   * and subscription URLs, so tests sign with their own key. The service never sets it: there
   * is no variable for it, and production trusts `https://sns.REGION.amazonaws.com` alone.
   */
  testOnlyTrustedOrigin?: string;
  /** Certificates kept (by URL). Default 16. */
  cacheSize?: number;
  /** Time-out of a certificate download or subscription confirmation, ms. Default 5,000. */
  timeoutMs?: number;
}

/** Amazon's SNS hosts: `sns.us-east-1.amazonaws.com`, `sns.cn-north-1.amazonaws.com.cn`. */
const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/;
const MAX_CERTIFICATE = 16 * 1024;

/** Parses a request body as an SNS message; a WEBHOOK_INVALID error naming the problem otherwise. */
export function parseSnsMessage(body: string): SnsMessage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new DigestError('WEBHOOK_INVALID', 'the body is not JSON');
  }
  const parsed = snsMessage.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name =
    issue?.code === 'unrecognized_keys'
      ? `unknown field ${issue.keys.join(', ')}`
      : `field ${issue?.path.join('.')}`;
  throw new DigestError('WEBHOOK_INVALID', `not an SNS message: ${name}: ${issue?.message ?? 'invalid'}`);
}

/**
 * Verifies SNS message signatures (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA) with the
 * signing certificate, downloaded only from Amazon's SNS hosts over https and kept by URL.
 */
export class SnsVerifier {
  readonly #options: SnsVerifierOptions;
  readonly #certificates = new Map<string, Promise<X509Certificate>>();

  constructor(options: SnsVerifierOptions = {}) {
    this.#options = options;
  }

  /** Throws WEBHOOK_UNVERIFIED unless the message is signed by SNS (FETCH_FAILED: its certificate is out of reach). */
  async verify(message: SnsMessage): Promise<void> {
    const url = this.#trustedUrl(message.SigningCertURL, 'SigningCertURL');
    if (!url.pathname.endsWith('.pem')) throw forbidden('SigningCertURL is not a .pem certificate');
    const certificate = await this.#certificate(url.href);
    const algorithm = message.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256';
    const valid = createVerify(algorithm)
      .update(stringToSign(message), 'utf8')
      .verify(certificate.publicKey, message.Signature, 'base64');
    if (!valid) throw forbidden('the SNS signature does not verify');
  }

  /** Confirms a verified subscription: a GET of its SubscribeURL, on Amazon's hosts only. */
  async confirmSubscription(message: SnsMessage): Promise<void> {
    if (!message.SubscribeURL)
      throw new DigestError('WEBHOOK_INVALID', 'the SubscriptionConfirmation has no SubscribeURL');
    const url = this.#trustedUrl(message.SubscribeURL, 'SubscribeURL');
    const response = await fetch(url, { signal: AbortSignal.timeout(this.#options.timeoutMs ?? 5000) });
    await response.body?.cancel();
    if (!response.ok)
      throw new DigestError('FETCH_FAILED', `confirming the subscription answered ${response.status}`);
  }

  #trustedUrl(value: string, name: string): URL {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw forbidden(`${name} is not a URL`);
    }
    const amazon = url.protocol === 'https:' && SNS_HOST.test(url.hostname) && url.port === '';
    const test =
      this.#options.testOnlyTrustedOrigin !== undefined && url.origin === this.#options.testOnlyTrustedOrigin;
    if ((!amazon && !test) || url.username || url.password)
      throw forbidden(`${name} is not on an Amazon SNS host`);
    return url;
  }

  #certificate(url: string): Promise<X509Certificate> {
    const cached = this.#certificates.get(url);
    if (cached) return cached;
    const loading = this.#download(url);
    loading.catch(() => this.#certificates.delete(url));
    if (this.#certificates.size >= (this.#options.cacheSize ?? 16)) this.#certificates.clear();
    this.#certificates.set(url, loading);
    return loading;
  }

  async #download(url: string): Promise<X509Certificate> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.#options.timeoutMs ?? 5000) }).catch(
      (cause: unknown) => {
        throw new DigestError(
          'FETCH_FAILED',
          `the SNS certificate cannot be fetched: ${(cause as Error).message}`,
          {
            cause,
          },
        );
      },
    );
    const text = await response.text();
    if (!response.ok || text.length > MAX_CERTIFICATE) {
      throw new DigestError(
        'FETCH_FAILED',
        `the SNS certificate answered ${response.status} (${text.length} bytes)`,
      );
    }
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(text);
    } catch (cause) {
      throw new DigestError('FETCH_FAILED', 'the SNS certificate is not an X.509 certificate', { cause });
    }
    const now = Date.now();
    if (Date.parse(certificate.validFrom) > now || Date.parse(certificate.validTo) < now) {
      throw forbidden('the SNS certificate is not valid now');
    }
    return certificate;
  }
}

/** The string SNS signs: `Key\nvalue\n` for its fields in this order, those present. */
export function stringToSign(m: SnsMessage): string {
  const keys: (keyof SnsMessage)[] =
    m.Type === 'Notification'
      ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
      : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  return keys
    .filter((key) => typeof m[key] === 'string')
    .map((key) => `${key}\n${m[key] as string}\n`)
    .join('');
}

function forbidden(message: string): DigestError {
  return new DigestError('WEBHOOK_UNVERIFIED', message);
}
