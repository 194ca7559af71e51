/** Options of the dev inbox; every field but `dir` has a default. */
export interface DevInboxOptions {
  /** Folder where messages are kept as .eml files; created if missing. */
  dir: string;
  /** Interface the SMTP server listens on. Default '127.0.0.1' (loopback only). */
  host?: string;
  /** SMTP port, 0 = ephemeral. Default 2525. */
  smtpPort?: number;
  /** Keep at most this many messages, oldest removed first. Default 500. */
  maxMessages?: number;
  /**
   * Called with failures that have no caller to return to (a client connection dropping, a
   * page failing to render). Default: one line on stderr.
   */
  onError?: (error: Error) => void;
}

/** The options with their defaults applied. */
export interface ResolvedDevInboxOptions {
  dir: string;
  host: string;
  smtpPort: number;
  maxMessages: number;
  onError: (error: Error) => void;
}

/** One received message as listed by the inbox. */
export interface DevInboxMessage {
  /** File name without `.eml`: `<ms timestamp>-<random hex>`. */
  id: string;
  /** ISO 8601 time the message was received. */
  receivedAt: string;
  /** The `From` header as text (the envelope sender when the header is missing). */
  from: string;
  /** The envelope recipients (the `To`/`Cc` addresses for files that lack them). */
  to: string[];
  /** The decoded `Subject` header, '' when missing. */
  subject: string;
  /** Size of the stored .eml file in bytes. */
  size: number;
}
