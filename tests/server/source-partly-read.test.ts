import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HeldSource, startHeldSource } from '../helpers/held-source.ts';
import { until } from '../helpers/until.ts';
import { type OpsRig, startOpsRig } from './ops-server.ts';

const TOKEN = 'ops-token-0123456789abcdef';

// An edition made from the sources that were read is under way before the run ends: its 202
// (and a review run's draft) must still say which source was not read, not only the log.
describe.each([
  { review: false, answer: 'started', code: 202 },
  { review: true, answer: 'drafted', code: 200 },
])('a triggered run with one source down (review $review)', ({ review, answer, code }) => {
  let good: HeldSource;
  let down: HeldSource;
  let rig: OpsRig;

  beforeEach(async () => {
    good = await startHeldSource('The council meets');
    good.release();
    down = await startHeldSource('The harbour reopens');
    down.fail();
    rig = await startOpsRig(
      {
        DIGEST_SOURCES: `${good.url},${down.url}`,
        ...(review ? { DIGEST_REVIEW: 'required', EDITOR_EMAILS: 'editor@example.org' } : {}),
      },
      TOKEN,
    );
  });
  afterEach(async () => {
    await rig.close();
    await good.close();
    await down.close();
  });

  it(`answers "${answer}" with the source that was not read, and makes the edition of the other`, async () => {
    const res = await rig.call('/api/editions', { method: 'POST' });
    expect(res.status).toBe(code);
    const body = (await res.json()) as { status: string; unread?: { source: string; error: string }[] };
    expect(body.status).toBe(answer);
    expect(body.unread).toEqual([{ source: down.url, error: expect.stringContaining('503') }]);
    await rig.runner.idle();
    if (review) {
      expect(rig.sink.received).toHaveLength(0);
    } else {
      await until(() => rig.sink.received.length === 1);
      const mail = rig.sink.received[0]?.raw.toString('utf8') ?? '';
      expect(mail).toContain('The council meets');
      expect(mail).not.toContain('The harbour reopens');
    }
  });

  it(`leaves "unread" out of "${answer}" when every source was read`, async () => {
    down.release();
    const res = await rig.call('/api/editions', { method: 'POST' });
    expect(res.status).toBe(code);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.status).toBe(answer);
    expect(body).not.toHaveProperty('unread');
  });
});
