import { readFileSync } from 'node:fs';

/** What a sample bounce is about: filled into its {{PLACEHOLDERS}}. */
export interface SampleValues {
  /** The envelope sender the bounce goes back to (a VERP address, or the plain bounce address). */
  verp: string;
  /** The failed or complaining recipient. */
  rcpt: string;
  /** The Message-ID of the original, with its angle brackets. */
  messageId: string;
  /** The feedback-loop address complaints go to. */
  fbl?: string;
}

/** Names of the samples in tests/fixtures/bounces (written after RFC 3464, RFC 5965 and what the servers send). */
export type SampleName =
  | 'postfix-hard'
  | 'postfix-soft'
  | 'postfix-delayed'
  | 'exim-text'
  | 'gmail-hard'
  | 'outlook-hard'
  | 'rfc3464-multi'
  | 'qmail-text'
  | 'arf-abuse'
  | 'arf-redacted'
  | 'jmrp-outlook'
  | 'outlook-auto-reply'
  | 'vacation'
  | 'not-a-bounce'
  | 'garbage';

const templates = new Map<SampleName, string>();

/** A sample bounce with its placeholders filled, CRLF line ends as mail carries them. */
export function sample(name: SampleName, values: SampleValues): Buffer {
  let template = templates.get(name);
  if (template === undefined) {
    template = readFileSync(new URL(`../fixtures/bounces/${name}.eml`, import.meta.url), 'latin1');
    templates.set(name, template);
  }
  const [local, domain] = values.rcpt.split('@');
  const filled = template
    .replaceAll('{{VERP}}', values.verp)
    .replaceAll('{{RCPT_LOCAL}}', local ?? '')
    .replaceAll('{{RCPT_DOMAIN}}', domain ?? '')
    .replaceAll('{{RCPT}}', values.rcpt)
    .replaceAll('{{MESSAGE_ID}}', values.messageId)
    .replaceAll('{{FBL}}', values.fbl ?? 'fbl@news.example');
  return Buffer.from(filled.replace(/\r?\n/g, '\r\n'), 'latin1');
}
