import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../helpers/until.ts';
import { deskClient, startDeskServer } from './desk-server.ts';

type Desk = Awaited<ReturnType<typeof startDeskServer>>;

/** The edition ids of every preparation so far (prepareNextEdition's log line: analysis and rendering). */
function preparations(desk: Desk): string[] {
  return desk.ctx.lines
    .map((line) => /^edition (\S+) prepared: /.exec(String(line.msg))?.[1])
    .filter((id): id is string => id !== undefined);
}

/** The dry run's edition id, as the page's form carries it. */
async function dryRunId(client: ReturnType<typeof deskClient>): Promise<string> {
  const dry = await (await client.get('/desk/send')).text();
  return /name="editionId" value="([^"]+)"/.exec(dry)?.[1] ?? '';
}

// "Send now" checks the dry run shown under the run lease: that check's preparation is the one
// recorded and sent, so the edition is analysed and rendered once per run, not twice.
describe('Send now on the desk prepares the edition once', () => {
  let desk: Desk;
  let ops: ReturnType<typeof deskClient>;

  beforeAll(async () => {
    desk = await startDeskServer();
    for (const email of ['ana@example.org', 'ben@example.org'])
      await desk.ctx.store.addSubscriber(email, null);
    ops = deskClient(desk.url);
    await ops.welcome(await desk.account('olga@example.org', 'ops'));
  });
  afterAll(async () => {
    await desk.close();
  });

  it('prepares once to find a send of another edition changed, and records and sends nothing', async () => {
    const editionId = await dryRunId(ops);
    expect(preparations(desk)).toEqual([editionId]);
    const other = await ops.post('/desk/send', {
      _csrf: await ops.csrf('/desk/send'),
      editionId: 'not-shown',
    });
    expect(other.status).toBe(409);
    // The csrf page's dry run, then the run's check: one preparation each.
    expect(preparations(desk)).toEqual([editionId, editionId, editionId]);
    expect(await desk.ctx.store.listEditions(5)).toHaveLength(0);
    expect(desk.sink.received).toHaveLength(0);
  });

  it('records and sends the edition it checked without preparing it again', async () => {
    const csrf = await ops.csrf('/desk/send');
    const editionId = await dryRunId(ops);
    const before = preparations(desk).length;
    const sent = await ops.post('/desk/send', { _csrf: csrf, editionId });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/desk/editions/${encodeURIComponent(editionId)}?started=1`);
    await until(async () => (await desk.ctx.store.getEdition(editionId))?.status === 'done');
    await desk.runner.idle();
    expect(preparations(desk).slice(before)).toEqual([editionId]);
    expect(desk.sink.received.flatMap((m) => m.to).sort()).toEqual(['ana@example.org', 'ben@example.org']);
    const audit = await desk.ctx.store.audit.list({ limit: 5, target: editionId });
    expect(audit.map((e) => [e.action, e.actor])).toContainEqual(['edition.send', 'olga@example.org']);
  });
});

describe('Send now with review required drafts the edition it prepared once', () => {
  let desk: Desk;
  let ops: ReturnType<typeof deskClient>;

  beforeAll(async () => {
    desk = await startDeskServer({ DIGEST_REVIEW: 'required', EDITOR_EMAILS: 'editor@example.org' });
    await desk.ctx.store.addSubscriber('ana@example.org', null);
    ops = deskClient(desk.url);
    await ops.welcome(await desk.account('olga@example.org', 'ops'));
  });
  afterAll(async () => {
    await desk.close();
  });

  it('makes the draft of the checked preparation, and mails subscribers nothing', async () => {
    const csrf = await ops.csrf('/desk/send');
    const editionId = await dryRunId(ops);
    const before = preparations(desk).length;
    const made = await ops.post('/desk/send', { _csrf: csrf, editionId });
    expect(made.headers.get('location')).toBe(`/desk/editions?drafted=${encodeURIComponent(editionId)}`);
    await desk.runner.idle();
    expect(preparations(desk).slice(before)).toEqual([editionId]);
    expect((await desk.ctx.store.drafts.get(editionId))?.status).toBe('pending');
    expect(desk.sink.received.flatMap((m) => m.to)).not.toContain('ana@example.org');
  });
});
