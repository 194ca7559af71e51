import { createHash, type Hash, timingSafeEqual } from 'node:crypto';
import { decodeBase32, encodeBase32 } from './base32.ts';

/** The delivery a VERP token names. */
export interface VerpDelivery {
  editionId: string;
  subscriberId: number;
}

/** Bytes of HMAC-SHA256 kept: 64 bits, and a forger gets one try per mail sent. */
const MAC_BYTES = 8;
/** Form byte: 0 = an edition id as composeEdition writes it (YYYY-MM-DD-8 hex), packed in 6 bytes. */
const FORM_PACKED = 0;
/** Form byte: 1 = any other edition id, its bytes as they are (at most MAX_RAW_ID). */
const FORM_RAW = 1;
const MAX_RAW_ID = 12;
const PACKED_ID = /^(\d{4})-(\d{2})-(\d{2})-([0-9a-f]{8})$/;
const DAY_MS = 86_400_000;

/** The longest token signVerpToken writes for a packed edition id (the largest subscriber id). */
export const MAX_VERP_TOKEN_LENGTH = 32;
/** RFC 5321's limit on a local part. */
const MAX_LOCAL_PART = 64;

/**
 * A short token naming one delivery (edition and subscriber), signed with HMAC-SHA256 under
 * the product's secret: lower-case base32, so it survives in an address local part even where
 * a mail server folds case. null when the edition id cannot be carried (composeEdition's ids
 * always can); the message then goes out from the plain bounce address.
 */
export function signVerpToken(delivery: VerpDelivery, secret: string): string | null {
  const payload = packDelivery(delivery);
  if (!payload) return null;
  return encodeBase32(Buffer.concat([payload, mac(payload, secret)]));
}

/** The delivery a token names, or null when it is malformed or its signature is wrong. */
export function verifyVerpToken(token: string, secret: string): VerpDelivery | null {
  const bytes = decodeBase32(token);
  if (!bytes || bytes.length <= MAC_BYTES) return null;
  const payload = bytes.subarray(0, bytes.length - MAC_BYTES);
  const given = bytes.subarray(bytes.length - MAC_BYTES);
  if (!timingSafeEqual(given, mac(payload, secret))) return null;
  return unpackDelivery(payload);
}

/**
 * The envelope sender of one delivery: `local+TOKEN@domain` from the bounce address
 * (`bounces@example.org` → `bounces+TOKEN@example.org`); the plain address when no token fits.
 */
export function verpAddress(bounceAddress: string, delivery: VerpDelivery, secret: string): string {
  const token = signVerpToken(delivery, secret);
  const at = bounceAddress.lastIndexOf('@');
  if (!token || at + 1 + token.length > MAX_LOCAL_PART) return bounceAddress;
  return `${bounceAddress.slice(0, at)}+${token}${bounceAddress.slice(at)}`;
}

/**
 * Every token in `text` addressed to the bounce address's local part and domain
 * (`bounces+TOKEN@domain`, any case), in order of appearance, at most `max`.
 */
export function findVerpTokens(text: string, bounceAddress: string, max = 8): string[] {
  const at = bounceAddress.lastIndexOf('@');
  const local = escapeRegExp(bounceAddress.slice(0, at));
  const domain = escapeRegExp(bounceAddress.slice(at + 1));
  const pattern = new RegExp(`(?<![\\w.+-])${local}\\+([a-z2-7]{8,64})@${domain}(?![\\w-])`, 'gi');
  const tokens: string[] = [];
  for (const match of text.matchAll(pattern)) {
    if (tokens.length >= max) break;
    if (match[1]) tokens.push(match[1].toLowerCase());
  }
  return tokens;
}

/**
 * HMAC-SHA256 (RFC 2104) of `verp:` and the payload, truncated. The keyed inner and outer
 * hashes are made once per secret and copied per token: a token is signed for every message
 * sent, and this halves what createHmac costs (2.0 against 3.3 µs).
 */
function mac(payload: Buffer, secret: string): Buffer {
  let keyed = keyedHashes.get(secret);
  if (!keyed) {
    const raw = Buffer.from(secret, 'utf8');
    const key = Buffer.alloc(64);
    (raw.length > 64 ? createHash('sha256').update(raw).digest() : raw).copy(key);
    keyed = {
      inner: createHash('sha256').update(key.map((b) => b ^ 0x36)),
      outer: createHash('sha256').update(key.map((b) => b ^ 0x5c)),
    };
    if (keyedHashes.size >= 4) keyedHashes.clear();
    keyedHashes.set(secret, keyed);
  }
  const inner = keyed.inner.copy().update('verp:').update(payload).digest();
  return keyed.outer.copy().update(inner).digest().subarray(0, MAC_BYTES);
}

const keyedHashes = new Map<string, { inner: Hash; outer: Hash }>();

function packDelivery({ editionId, subscriberId }: VerpDelivery): Buffer | null {
  if (!Number.isSafeInteger(subscriberId) || subscriberId < 0 || subscriberId > 0xffff_ffff) return null;
  const id = packEditionId(editionId);
  return id ? Buffer.concat([id, writeVarint(subscriberId)]) : null;
}

function unpackDelivery(payload: Buffer): VerpDelivery | null {
  const form = payload[0];
  let editionId: string;
  let rest: Buffer;
  if (form === FORM_PACKED && payload.length >= 7) {
    const date = new Date(payload.readUInt16BE(1) * DAY_MS).toISOString().slice(0, 10);
    editionId = `${date}-${payload.subarray(3, 7).toString('hex')}`;
    rest = payload.subarray(7);
  } else if (form === FORM_RAW && payload.length >= 2) {
    const length = payload[1] ?? 0;
    editionId = payload.subarray(2, 2 + length).toString('latin1');
    rest = payload.subarray(2 + length);
    if (editionId.length !== length) return null;
  } else return null;
  const subscriberId = readVarint(rest);
  return subscriberId === null ? null : { editionId, subscriberId };
}

/** Packed edition ids by id: an edition's id is packed once, not once per recipient. */
const packedIds = new Map<string, Buffer | null>();

function packEditionId(id: string): Buffer | null {
  let packed = packedIds.get(id);
  if (packed === undefined) {
    packed = packEditionIdOnce(id);
    if (packedIds.size >= 16) packedIds.clear();
    packedIds.set(id, packed);
  }
  return packed;
}

function packEditionIdOnce(id: string): Buffer | null {
  const match = PACKED_ID.exec(id);
  const days = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : -1;
  // Only an id that unpacks to the same text is packed (a real calendar date, 1970-2149).
  if (
    match &&
    days >= 0 &&
    days <= 0xffff &&
    new Date(days * DAY_MS).toISOString().startsWith(id.slice(0, 10))
  ) {
    const out = Buffer.alloc(7);
    out[0] = FORM_PACKED;
    out.writeUInt16BE(days, 1);
    out.write(match[4] ?? '', 3, 'hex');
    return out;
  }
  if (id.length === 0 || id.length > MAX_RAW_ID || !/^[\x21-\x7e]+$/.test(id)) return null;
  return Buffer.concat([Buffer.from([FORM_RAW, id.length]), Buffer.from(id, 'latin1')]);
}

function writeVarint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** The varint that fills `bytes` exactly, or null (trailing bytes, or longer than 5 bytes). */
function readVarint(bytes: Buffer): number | null {
  let value = 0;
  for (let i = 0; i < bytes.length && i < 5; i++) {
    const byte = bytes[i] ?? 0;
    value += (byte & 0x7f) * 0x80 ** i;
    if ((byte & 0x80) === 0) return i === bytes.length - 1 ? value : null;
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
