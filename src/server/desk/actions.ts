/** How a desk action that starts a run came out: under way, a draft, busy, or nothing to do. */
export type DeskStart =
  | { status: 'started'; editionId: string }
  | { status: 'drafted'; draftId: string }
  | { status: 'busy'; holder: string | null }
  | { status: 'nothing'; reason: string };

/** A dry run: what sending now would send. */
export interface DeskPlan {
  editionId: string;
  subject: string;
  articles: { title: string; url: string | null }[];
  recipients: number;
  /** With DIGEST_REVIEW=required, sending makes a draft for an editor first. */
  review: boolean;
}

/**
 * What the desk asks of the code that runs editions: passed in by the service (as the ops API
 * is), so the server knows no schedule code. Each resolves once the run is under way; the
 * delivery goes on in the worker, and the edition's page shows its progress.
 */
export interface DeskActions {
  /** Sends an approved draft now. */
  sendDraft(id: string, actor: string): Promise<DeskStart>;
  /** Resumes a paused edition (the cause is fixed). */
  resumeEdition(id: string, actor: string): Promise<DeskStart>;
  /** Puts an edition's failed deliveries (to subscribers still active) back in the queue and sends them. */
  retryFailed(id: string, actor: string): Promise<DeskStart>;
  /** What sending now would send; null when nothing is new. */
  planEdition(): Promise<DeskPlan | null>;
  /**
   * Sends the next edition now (with review on: makes its draft). `cancel` aborts when the
   * person's request went away unanswered: an edition not recorded yet then is not.
   */
  startEdition(actor: string, cancel?: AbortSignal): Promise<DeskStart>;
}
