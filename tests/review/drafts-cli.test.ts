import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDrafts } from '../../src/cli/drafts-command.ts';
import { registerSend } from '../../src/cli/send-command.ts';
import { registerUsers } from '../../src/cli/users-command.ts';
import { correctDraft } from '../../src/review/correct-draft.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { runCommand } from '../cli/run-command.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { SAMPLE } from '../schedule/sample.ts';
import { EDITOR, mailsTo } from './review-context.ts';

const digest = (args: string[], env: Record<string, string>) =>
  runCommand([registerSend, registerDrafts, registerUsers], args, env);
const READERS = ['ana@example.org', 'ben@example.org'];

// One scenario in order, as an editor and ops would run it from a shell, on one database.
describe('digest send, drafts and users with DIGEST_REVIEW=required', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let env: Record<string, string>;
  let draftId = '';
  const readers = () => sink.received.flatMap((m) => m.to).filter((to) => READERS.includes(to));

  beforeAll(async () => {
    temp = makeTempDir('digest-drafts-cli-');
    sink = await startSmtpSink();
    const db = join(temp.dir, 'digest.db');
    const store = openSqliteStore(db);
    for (const email of READERS) await store.addSubscriber(email, null);
    await store.close();
    env = {
      SMTP_URL: sink.url,
      DIGEST_DB: db,
      DIGEST_SOURCES: SAMPLE,
      DIGEST_REVIEW: 'required',
      EDITOR_EMAILS: EDITOR,
      PUBLIC_URL: 'https://digest.example.org',
      UNSUBSCRIBE_SECRET: 'unsubscribe-secret-for-tests',
      LOG_LEVEL: 'silent',
    };
  });
  afterAll(async () => {
    await sink.close();
    temp.remove();
  });

  it('send --now makes a draft instead of sending, and mails the editors its link', async () => {
    const result = await digest(['send', '--now', '2022-01-06'], env);
    expect(result.code).toBe(0);
    const match = /^draft (\S+) ".*": 1 article\(s\), waiting for an editor/m.exec(result.stdout);
    draftId = match?.[1] ?? '';
    expect(draftId).not.toBe('');
    expect(result.stdout).toContain(`https://digest.example.org/desk/drafts/${draftId}`);
    expect(readers()).toEqual([]);
    const [mail] = await mailsTo(sink.received, EDITOR);
    expect(mail?.text).toContain(`/desk/drafts/${draftId}`);
  });

  it('refuses --limit with review on, and finds nothing new for a second send', async () => {
    const limit = await digest(['send', '--now', '--limit', '1'], env);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toMatch(/--limit .* add --no-review/);
    const again = await digest(['send', '--now', '2022-01-06'], env);
    expect(again.stdout).toContain('nothing to send: no new articles');
  });

  it('lists the draft and shows it as subscribers would get it', async () => {
    const list = await digest(['drafts', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ id: draftId, state: 'awaiting approval', revision: 0, articles: 1 }),
    ]);
    const show = await digest(['drafts', 'show', draftId], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('--- as sent (text part) ---');
    expect(show.stdout).toContain('Antony Blinken');
    const missing = await digest(['drafts', 'show', 'nope'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no draft "nope" \(see `digest drafts list`\) \[DRAFT_NOT_FOUND\]/);
  });

  it('sends the corrected draft with approve --send-now: the message and its .ics carry the fixes', async () => {
    const store = openSqliteStore(env.DIGEST_DB ?? '');
    const articleId = (await store.drafts.get(draftId))?.edition.items[0]?.articleId ?? '';
    await correctDraft(store, draftId, {
      actor: EDITOR,
      revision: 0,
      changes: [
        { kind: 'quote', articleId, index: 0, field: 'speaker', after: 'Tony Blinken' },
        { kind: 'event', articleId, index: 0, field: 'date', after: '2022-01-11' },
      ],
    });
    await store.close();
    const stale = await digest(['drafts', 'approve', draftId, '--revision', '0'], env);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/changed since revision 0 \(now revision 1\)/);

    const sent = await digest(['drafts', 'approve', draftId, '--send-now'], env);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(new RegExp(`^${draftId}: done, 2/2 sent, 0 failed`, 'm'));
    expect(readers().sort()).toEqual(READERS);
    const [mail] = await mailsTo(sink.received, 'ana@example.org');
    expect(mail?.text).toContain('Tony Blinken');
    expect(mail?.text).toContain('Tue, 11 Jan 2022');
    const ics =
      mail?.attachments.find((a) => a.contentType === 'text/calendar')?.content.toString('utf8') ?? '';
    const events = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e));
    expect(events.find((e) => e.location === 'Geneva')?.startDate.toString()).toBe('2022-01-11');
    const after = await digest(['drafts', 'approve', draftId, '--send-now'], env);
    expect(after.stdout).toContain('already being sent by another run');
    expect(readers()).toHaveLength(2);
  });

  it('send --now --no-review sends at once, as without review', async () => {
    const result = await digest(
      ['send', '--now', '2024-03-06', '--no-review', 'tests/fixtures/ingest/notes.md'],
      env,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/: done, 2\/2 sent/);
    expect(readers()).toHaveLength(4);
  });

  it('users add prints a one-time sign-in link; the audit log has every action', async () => {
    const added = await digest(['users', 'add', 'eve@example.org', '--role', 'editor'], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^https:\/\/digest\.example\.org\/desk\/welcome\?token=[\w-]{43}$/m);
    const twice = await digest(['users', 'add', 'eve@example.org', '--role', 'ops'], env);
    expect(twice.code).toBe(1);
    const role = await digest(['users', 'add', 'max@example.org', '--role', 'boss'], env);
    expect(role.code).not.toBe(0);
    expect(role.stderr).toMatch(/editor, ops, admin/);
    const audit = await digest(['audit', '--json'], env);
    const actions = (JSON.parse(audit.stdout) as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['draft.create', 'draft.correct', 'draft.approve', 'user.add']),
    );
  });
});
