import { describe, expect, it } from 'vitest';
import {
  checkEmailAddress,
  emailAddressProblem,
  normalizeEmailAddress,
} from '../../src/store/email-address.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { freshStoreEach, STORE_BACKENDS } from '../helpers/store-backends.ts';

/** One mailbox, four spellings: Unicode domain, upper case, IDNA ASCII, the Kelvin sign. */
const FORMS = ['uni@bücher.example', 'UNI@BÜCHER.example', 'uni@xn--bcher-kva.example'];
const KELVIN = ['kelvin@example.org', '\u212Aelvin@example.org', '\u212AELVIN@EXAMPLE.ORG'];

describe('the address normal form', () => {
  it.each([
    ['uni@bücher.example', 'uni@xn--bcher-kva.example'],
    ['UNI@BÜCHER.example', 'uni@xn--bcher-kva.example'],
    ['uni@xn--bcher-kva.example', 'uni@xn--bcher-kva.example'],
    ['\u212Aelvin@example.org', 'kelvin@example.org'],
    ['a@\u212Aelvin.example', 'a@kelvin.example'],
    ['ＡＮＡ@example.org', 'ana@example.org'],
    ['  Ana@Example.ORG ', 'ana@example.org'],
  ])('writes %s as %s', (address, normal) => {
    expect(normalizeEmailAddress(address)).toBe(normal);
    expect(normalizeEmailAddress(normal)).toBe(normal);
    expect(checkEmailAddress(address)).toEqual({ address: normal });
  });

  it('never throws on what it cannot normalise, and the check says what is wrong', () => {
    expect(normalizeEmailAddress('no-at-sign')).toBe('no-at-sign');
    expect(normalizeEmailAddress('a@exa mple.org')).toBe('a@exa mple.org');
    expect(checkEmailAddress('a@exa mple.org')).toEqual({ problem: 'has an invalid domain "exa mple.org"' });
    expect(emailAddressProblem(normalizeEmailAddress('ünï@example.org'))).toBe(
      'has a character not allowed before the @',
    );
  });
});

describe.each(STORE_BACKENDS)('addresses on the $name store', (backend) => {
  let store: DigestStore;
  freshStoreEach(backend, (s) => {
    store = s;
  });

  it('keeps every form of one address as one subscriber, stored in normal form', async () => {
    for (const forms of [FORMS, KELVIN]) {
      const [first, ...others] = forms;
      expect((await store.addSubscriber(first ?? '', null)).created).toBe(true);
      for (const form of others) expect((await store.addSubscriber(form, null)).created).toBe(false);
      expect(await store.addSubscribers(forms.map((email) => ({ email, name: null })))).toBe(0);
    }
    expect(await store.countSubscribers()).toBe(2);
    const listed = [];
    for await (const s of store.listSubscribers()) listed.push(s.email);
    expect(listed).toEqual(['uni@xn--bcher-kva.example', 'kelvin@example.org']);
  });

  it('finds and unsubscribes the one row by any form of its address', async () => {
    await store.addSubscriber('UNI@BÜCHER.example', 'Uni');
    for (const form of FORMS) expect((await store.findSubscriber(form))?.name).toBe('Uni');
    const change = await store.setSubscriberStatus('uni@xn--bcher-kva.example', 'unsubscribed', {
      source: 'link',
    });
    expect(change).toMatchObject({ from: 'active', changed: true, subscriber: { status: 'unsubscribed' } });
    expect(await store.countSubscribers('active')).toBe(0);
  });
});
