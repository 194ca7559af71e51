import type Database from 'better-sqlite3';
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

/** The SQLite drafts: each conditional change is one UPDATE … RETURNING in a transaction. */
export class SqliteDrafts implements DraftStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  async create(draft: NewDraft) {
    const db = this.#db;
    const now = new Date().toISOString();
    return db
      .transaction(() => {
        const taken = db
          .prepare('SELECT 1 FROM editions WHERE id = ? OR (slot IS NOT NULL AND slot = ?)')
          .get(draft.edition.id, draft.slot);
        if (taken) return false;
        const info = db
          .prepare(
            `INSERT INTO drafts (id, slot, status, subject, payload, created_at) VALUES (?, ?, 'pending', ?, ?, ?)
             ON CONFLICT DO NOTHING`,
          )
          .run(draft.edition.id, draft.slot, draft.subject, JSON.stringify(draft.edition), now);
        if (info.changes !== 1) return false;
        const seen = db.prepare(
          'INSERT INTO seen_articles (article_id, edition_id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        );
        for (const id of draft.articleIds) seen.run(id, draft.edition.id, now);
        return true;
      })
      .immediate();
  }

  async get(id: string) {
    return this.#readSync(id);
  }

  async forSlot(slot: string) {
    const row = this.#db.prepare('SELECT * FROM drafts WHERE slot = ?').get(slot) as DraftRow | undefined;
    return row ? toDraft(row) : null;
  }

  async list(limit: number) {
    const rows = this.#db.prepare('SELECT * FROM drafts ORDER BY created_at DESC, id LIMIT ?').all(limit);
    return (rows as DraftRow[]).map(toDraft);
  }

  async edits(id: string) {
    const rows = this.#db.prepare('SELECT * FROM draft_edits WHERE draft_id = ? ORDER BY id').all(id);
    return (rows as DraftEditRow[]).map(toDraftEdit);
  }

  async addEdits(id: string, input: Parameters<DraftStore['addEdits']>[1]): Promise<DraftUpdate> {
    const db = this.#db;
    const at = new Date().toISOString();
    return db
      .transaction((): DraftUpdate => {
        const row = db
          .prepare(
            `UPDATE drafts SET revision = revision + 1, subject = @subject, status = 'pending',
               approved_revision = NULL, approved_by = NULL, approved_at = NULL
             WHERE id = @id AND revision = @revision AND status IN ('pending', 'approved') RETURNING *`,
          )
          .get({ id, revision: input.revision, subject: input.subject }) as DraftRow | undefined;
        if (!row) return refusal(this.#readSync(id));
        const insert = db.prepare(
          `INSERT INTO draft_edits (draft_id, revision, actor, at, target, before_value, after_value)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        );
        for (const e of input.edits) {
          const values = [JSON.stringify(e.target), JSON.stringify(e.before), JSON.stringify(e.after)];
          insert.run(id, row.revision, input.actor, at, ...values);
        }
        return { ok: true, draft: toDraft(row) };
      })
      .immediate();
  }

  async approve(id: string, input: { revision: number; actor: string }): Promise<DraftUpdate> {
    const row = this.#db
      .prepare(
        `UPDATE drafts SET status = 'approved', approved_revision = revision, approved_by = @actor,
           approved_at = @at
         WHERE id = @id AND revision = @revision AND status = 'pending' RETURNING *`,
      )
      .get({ id, revision: input.revision, actor: input.actor, at: new Date().toISOString() }) as
      | DraftRow
      | undefined;
    if (row) return { ok: true, draft: toDraft(row) };
    const draft = this.#readSync(id);
    // Approved at that revision already (and maybe being sent since): what was asked holds.
    if (draft && draft.status !== 'pending' && draft.approvedRevision === input.revision)
      return { ok: true, draft };
    return refusal(draft);
  }

  async hold(id: string, at: Date) {
    return (
      this.#db
        .prepare("UPDATE drafts SET held_at = ? WHERE id = ? AND status = 'pending' AND held_at IS NULL")
        .run(at.toISOString(), id).changes === 1
    );
  }

  async claim(id: string, options: { approvedOnly: boolean }) {
    const row = this.#db
      .prepare(
        `UPDATE drafts SET status = 'sending'
         WHERE id = @id AND (status = 'approved' OR (@any = 1 AND status = 'pending')) RETURNING *`,
      )
      .get({ id, any: options.approvedOnly ? 0 : 1 }) as DraftRow | undefined;
    return row ? toDraft(row) : null;
  }

  async markSent(id: string) {
    this.#db
      .prepare("UPDATE drafts SET status = 'sent', sent_at = ? WHERE id = ? AND status = 'sending'")
      .run(new Date().toISOString(), id);
  }

  async due(now: Date) {
    const rows = this.#db
      .prepare(
        `SELECT * FROM drafts WHERE status = 'sending'
           OR (status = 'approved' AND (slot IS NULL OR slot <= ? OR held_at IS NOT NULL))
         ORDER BY created_at, id`,
      )
      .all(asSlotText(now));
    return (rows as DraftRow[]).map(toDraft);
  }

  #readSync(id: string): DraftRecord | null {
    const row = this.#db.prepare('SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
    return row ? toDraft(row) : null;
  }
}
