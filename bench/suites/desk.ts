import { hashPassword, verifyPassword } from '../../src/accounts/password.ts';
import { deskClient, startDeskServer } from '../../tests/server/desk/desk-server.ts';
import { medianMs } from '../measure.ts';

/**
 * The desk on loopback (SQLite, the sample as a draft): one scrypt hash, the draft page, its
 * framed HTML (rendered on the send path for each request), a saved correction, a sign-in.
 * Median milliseconds, one request at a time.
 */
export async function measureDesk(): Promise<Record<string, number>> {
  const hash = await hashPassword('a long desk password');
  const figures: Record<string, number> = {
    desk_scrypt_verify_ms: await medianMs(() => verifyPassword('a long desk password', hash), 10, 1),
  };
  const desk = await startDeskServer({
    DIGEST_REVIEW: 'required',
    EDITOR_EMAILS: 'editor@example.org',
    LOG_LEVEL: 'silent',
  });
  try {
    await desk.ctx.store.addSubscriber('reader@example.org', null);
    const made = await desk.runner.run({ now: new Date('2022-01-06T05:00:00Z') });
    if (made.kind !== 'drafted' || !made.draft) throw new Error('the bench draft was not made');
    const { id } = made.draft;
    const client = deskClient(desk.url);
    await client.welcome(await desk.account('editor@example.org', 'editor'));
    const page = `/desk/drafts/${encodeURIComponent(id)}`;
    figures.desk_draft_page_ms = await medianMs(async () => (await client.get(page)).text(), 30);
    figures.desk_draft_html_ms = await medianMs(
      async () => (await client.get(`${page}/digest.html`)).text(),
      30,
    );
    const csrf = await client.csrf(page);
    let revision = 0;
    figures.desk_correction_ms = await medianMs(async () => {
      const fields = {
        _csrf: csrf,
        form: 'subject',
        revision: String(revision),
        subject: `Subject ${revision}`,
      };
      revision++;
      return (await client.post(`${page}/corrections`, fields)).text();
    }, 20);
    figures.desk_sign_in_ms = await medianMs(
      async () => {
        const other = deskClient(desk.url);
        const token = await other.csrf();
        return (
          await other.post('/desk/sign-in', {
            _csrf: token,
            email: 'editor@example.org',
            password: 'a long desk password',
          })
        ).text();
      },
      5,
      1,
    );
  } finally {
    await desk.close();
  }
  return figures;
}
