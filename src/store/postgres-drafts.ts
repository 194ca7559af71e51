import type { Pool, PoolClient } from 'pg';
import {
  asSlotText,
  type DraftEditRow,
  type DraftRecord,
  type DraftRow,
  type DraftStore,
  type DraftUpdate,
  type NewDraft,
  refusal,
  toDraft,
  toDraftEdit,
} from './drafts.ts';
import { markSeen, transaction } from './postgres-outbox.ts';

/**
 * The Postgres drafts: each conditional change is one UPDATE … WHERE state … RETURNING, which
 * Postgres runs one at a time per row, so of two approvals or claims at once only one matches.
 */
export class PostgresDrafts implements DraftStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async create(draft: NewDraft) {
    return transaction(this.#pool, async (client) => {
      // Two drafts for one slot: drafts.slot is unique. A slot already sent: the editions check.
      const { rowCount } = await client.query(
        `INSERT INTO drafts (id, slot, status, subject, payload, created_at)
         SELECT $1, $2, 'pending', $3, $4, $5
         WHERE NOT EXISTS (SELECT 1 FROM editions WHERE id = $1 OR (slot IS NOT NULL AND slot = $2))
         ON CONFLICT DO NOTHING`,
        [
          draft.edition.id,
          draft.slot,
          draft.subject,
          JSON.stringify(draft.edition),
          new Date().toISOString(),
        ],
      );
      if (rowCount !== 1) return false;
      await markSeen(client, draft.articleIds, draft.edition.id);
      return true;
    });
  }

  async get(id: string) {
    return read(this.#pool, id);
  }

  async forSlot(slot: string) {
    const { rows } = await this.#pool.query<DraftRow>('SELECT * FROM drafts WHERE slot = $1', [slot]);
    return rows[0] ? toDraft(rows[0]) : null;
  }

  async list(limit: number) {
    const { rows } = await this.#pool.query<DraftRow>(
      'SELECT * FROM drafts ORDER BY created_at DESC, id LIMIT $1',
      [limit],
    );
    return rows.map(toDraft);
  }

  async edits(id: string) {
    const { rows } = await this.#pool.query<DraftEditRow>(
      'SELECT * FROM draft_edits WHERE draft_id = $1 ORDER BY id',
      [id],
    );
    return rows.map(toDraftEdit);
  }

  async addEdits(id: string, input: Parameters<DraftStore['addEdits']>[1]): Promise<DraftUpdate> {
    return transaction(this.#pool, async (client): Promise<DraftUpdate> => {
      const { rows } = await client.query<DraftRow>(
        `UPDATE drafts SET revision = revision + 1, subject = $3, status = 'pending',
           approved_revision = NULL, approved_by = NULL, approved_at = NULL
         WHERE id = $1 AND revision = $2 AND status IN ('pending', 'approved') RETURNING *`,
        [id, input.revision, input.subject],
      );
      const row = rows[0];
      if (!row) return refusal(await read(client, id));
      await client.query(
        `INSERT INTO draft_edits (draft_id, revision, actor, at, target, before_value, after_value)
         SELECT $1, $2, $3, $4, t, b, a FROM unnest($5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS e (t, b, a, n)
         ORDER BY n`,
        [
          id,
          row.revision,
          input.actor,
          new Date().toISOString(),
          input.edits.map((e) => JSON.stringify(e.target)),
          input.edits.map((e) => JSON.stringify(e.before)),
          input.edits.map((e) => JSON.stringify(e.after)),
        ],
      );
      return { ok: true, draft: toDraft(row) };
    });
  }

  async approve(id: string, input: { revision: number; actor: string }): Promise<DraftUpdate> {
    const { rows } = await this.#pool.query<DraftRow>(
      `UPDATE drafts SET status = 'approved', approved_revision = revision, approved_by = $3, approved_at = $4
       WHERE id = $1 AND revision = $2 AND status = 'pending' RETURNING *`,
      [id, input.revision, input.actor, new Date().toISOString()],
    );
    if (rows[0]) return { ok: true, draft: toDraft(rows[0]) };
    const draft = await read(this.#pool, id);
    // Approved at that revision already (and maybe being sent since): what was asked holds.
    if (draft && draft.status !== 'pending' && draft.approvedRevision === input.revision)
      return { ok: true, draft };
    return refusal(draft);
  }

  async hold(id: string, at: Date) {
    const { rowCount } = await this.#pool.query(
      "UPDATE drafts SET held_at = $2 WHERE id = $1 AND status = 'pending' AND held_at IS NULL",
      [id, at.toISOString()],
    );
    return rowCount === 1;
  }

  async claim(id: string, options: { approvedOnly: boolean }) {
    const { rows } = await this.#pool.query<DraftRow>(
      `UPDATE drafts SET status = 'sending'
       WHERE id = $1 AND (status = 'approved' OR (NOT $2 AND status = 'pending')) RETURNING *`,
      [id, options.approvedOnly],
    );
    return rows[0] ? toDraft(rows[0]) : null;
  }

  async markSent(id: string) {
    await this.#pool.query(
      "UPDATE drafts SET status = 'sent', sent_at = $2 WHERE id = $1 AND status = 'sending'",
      [id, new Date().toISOString()],
    );
  }

  async due(now: Date) {
    const { rows } = await this.#pool.query<DraftRow>(
      `SELECT * FROM drafts WHERE status = 'sending'
         OR (status = 'approved' AND (slot IS NULL OR slot <= $1 OR held_at IS NOT NULL))
       ORDER BY created_at, id`,
      [asSlotText(now)],
    );
    return rows.map(toDraft);
  }
}

async function read(db: Pool | PoolClient, id: string): Promise<DraftRecord | null> {
  const { rows } = await db.query<DraftRow>('SELECT * FROM drafts WHERE id = $1', [id]);
  return rows[0] ? toDraft(rows[0]) : null;
}
