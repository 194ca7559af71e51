import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DigestError } from './errors.ts';

/** DKIM signing keys as the configuration holds them. Secret: never log the key. */
export interface DkimKeys {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

/** DKIM keys from DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE. */
export function loadDkim(e: {
  DKIM_DOMAIN?: string | undefined;
  DKIM_SELECTOR?: string | undefined;
  DKIM_PRIVATE_KEY?: string | undefined;
  DKIM_PRIVATE_KEY_FILE?: string | undefined;
}): DkimKeys | null {
  const invalid = (variable: string, why: string, cause?: unknown) =>
    new DigestError('CONFIG_INVALID', `${variable} ${why}`, { cause, data: { variable } });
  if (!e.DKIM_DOMAIN) {
    if (e.DKIM_SELECTOR || e.DKIM_PRIVATE_KEY || e.DKIM_PRIVATE_KEY_FILE)
      throw invalid('DKIM_DOMAIN', 'must be set when DKIM_SELECTOR or a DKIM key is set');
    return null;
  }
  if (!e.DKIM_SELECTOR) throw invalid('DKIM_SELECTOR', 'must be set when DKIM_DOMAIN is set');
  let privateKey = e.DKIM_PRIVATE_KEY?.replace(/\\n/g, '\n');
  const keyVariable = privateKey ? 'DKIM_PRIVATE_KEY' : 'DKIM_PRIVATE_KEY_FILE';
  if (!privateKey && e.DKIM_PRIVATE_KEY_FILE) {
    try {
      privateKey = readFileSync(e.DKIM_PRIVATE_KEY_FILE, 'utf8');
    } catch (cause) {
      throw invalid(
        'DKIM_PRIVATE_KEY_FILE',
        `cannot be read (${(cause as NodeJS.ErrnoException).code})`,
        cause,
      );
    }
  }
  if (!privateKey) throw invalid('DKIM_PRIVATE_KEY', 'or DKIM_PRIVATE_KEY_FILE must be set with DKIM_DOMAIN');
  try {
    createPrivateKey(privateKey);
  } catch (cause) {
    // The key itself never goes into the message.
    throw invalid(keyVariable, 'is not a PEM private key', cause);
  }
  return { domainName: e.DKIM_DOMAIN, keySelector: e.DKIM_SELECTOR, privateKey };
}
