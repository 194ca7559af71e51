/**
 * How a desk action that starts a run came out: under way, a draft, busy, nothing to do, or
 * (Send now) the sources make another edition than the dry run shown: here is the new one.
 */
export type DeskStart =
  | { status: 'started'; editionId: string }
  | { status: 'changed'; dryRun: DeskDryRun }
  | { status: 'drafted'; draftId: string }
  /** cancelled: the run in the way was cancelled (its caller went away) and is still finishing. */
  | { status: 'busy'; holder: string | null; cancelled?: boolean }
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

/** A source a run could not read, and why. */
export interface DeskUnread {
  source: string;
  error: string;
}

/** A dry run as the desk shows it: the plan (null = nothing to send), and the sources that failed. */
export interface DeskDryRun {
  plan: DeskPlan | null;
  /** Sources not read (timed out, say): "nothing new" is then not known, and the page says so. */
  unread: DeskUnread[];
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
  /** What sending now would send (plan null when nothing is new), and the sources that failed. */
  planEdition(): Promise<DeskDryRun>;
  /**
   * Sends the next edition now (with review on: makes its draft), only if the sources, read
   * again, make the edition `expectEditionId` (the dry run the person saw); otherwise nothing is
   * recorded and it resolves `changed` with the new dry run. `cancel` aborts when the person's
   * request went away unanswered: an edition not recorded yet then is not.
   */
  startEdition(actor: string, expectEditionId: string, cancel?: AbortSignal): Promise<DeskStart>;
}
