import { PassThrough, type Transform } from 'node:stream';
import DataStream from 'nodemailer/lib/smtp-connection/data-stream.js';
import { describe, expect, it } from 'vitest';
import { dotStuffTransform, FastSmtpConnection } from '../../src/deliver/fast-data-stream.ts';

/** Pushes `chunks` through a stream and returns everything it wrote. */
async function through(stream: Transform, chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  stream.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  for (const c of chunks) stream.write(c);
  stream.end();
  await ended;
  return Buffer.concat(out);
}

function fast(): Transform {
  const stream = new DataStream();
  (stream as unknown as { _transform: unknown })._transform = dotStuffTransform;
  return stream;
}

/** A seeded generator (mulberry32): the same cases every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('dotStuffTransform', () => {
  it("writes byte for byte what nodemailer's DataStream writes, for any input and chunking", async () => {
    const next = random(42);
    const alphabet = Buffer.from('ab.\r\n');
    for (let round = 0; round < 400; round++) {
      const length = Math.floor(next() * 60);
      const data = Buffer.from(
        Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)] as number),
      );
      const chunks: Buffer[] = [];
      for (let i = 0; i < data.length; ) {
        const size = 1 + Math.floor(next() * 7);
        chunks.push(data.subarray(i, i + size));
        i += size;
      }
      const [ours, theirs] = await Promise.all([through(fast(), chunks), through(new DataStream(), chunks)]);
      expect(ours.toString('latin1'), JSON.stringify(data.toString('latin1'))).toBe(
        theirs.toString('latin1'),
      );
    }
  });

  it('passes a clean CRLF message through without copying, and counts its bytes', async () => {
    const stream = fast();
    const message = Buffer.from('Subject: x\r\n\r\nline one\r\n..two\r\n');
    const out = await through(stream, [message]);
    expect(out.toString()).toBe('Subject: x\r\n\r\nline one\r\n...two\r\n.\r\n');
    const counts = stream as unknown as { inByteCount: number; outByteCount: number };
    expect(counts.inByteCount).toBe(message.length);
    expect(counts.outByteCount).toBe(out.length);
  });

  it('is what FastSmtpConnection sends with (fails if a nodemailer upgrade moved the hook)', () => {
    const connection = new FastSmtpConnection({ host: '127.0.0.1', port: 9 });
    const hooked = connection as unknown as {
      _socket: PassThrough;
      _envelope: object;
      _responseActions: unknown[];
      _createSendStream(callback: () => void): Transform;
    };
    hooked._socket = new PassThrough();
    hooked._envelope = {};
    hooked._responseActions = [];
    const stream = hooked._createSendStream(() => {});
    expect((stream as unknown as { _transform: unknown })._transform).toBe(dotStuffTransform);
  });
});
