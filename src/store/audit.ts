/** One line of the audit log: who did what to what, when. */
export interface AuditEntry {
  id: number;
  /** ISO time. */
  at: string;
  /** An account's address, `USER@cli`, `ops-api` or `worker`. */
  actor: string;
  /** What was done, as a dotted verb: `draft.approve`, `subscriber.unsubscribe`, `session.sign-in`. */
  action: string;
  /** What it was done to (a draft or edition id, an address), or null. */
  target: string | null;
  /** Anything else worth keeping (the revision approved, the reason), or null. */
  detail: Record<string, unknown> | null;
}

/** What record() takes. */
export type NewAuditEntry = Pick<AuditEntry, 'actor' | 'action'> &
  Partial<Pick<AuditEntry, 'target' | 'detail'>>;

/** The audit log (store.audit): appended to, never changed. */
export interface AuditLog {
  record(entry: NewAuditEntry): Promise<void>;
  /** The newest entries first; `before` pages back from an entry id. */
  list(options: { limit: number; before?: number; target?: string }): Promise<AuditEntry[]>;
}

/** An audit_log row. */
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

/** Maps an audit_log row to the model. */
export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  at: r.at,
  actor: r.actor,
  action: r.action,
  target: r.target,
  detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
});
