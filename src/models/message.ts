/** An attachment of an outgoing message. */
export interface MessageAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** The one message type that crosses from render to delivery: a complete, personalized email. */
export interface OutgoingMessage {
  from: string;
  /**
   * The envelope sender (SMTP MAIL FROM, the Return-Path): where bounces go. A VERP address
   * naming the delivery (`bounces+TOKEN@domain`); the bare `from` address when unset.
   */
  envelopeFrom?: string;
  /** "Name <address>" or a bare address. */
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per delivery, so a retried send is recognisably the same message. */
  messageId: string;
  /** Extra headers (List-Unsubscribe, List-Id, …). */
  headers: Record<string, string>;
  attachments: MessageAttachment[];
  /** The date the message claims (the Date header). */
  date: Date;
  /**
   * Optional: html and text as pieces whose even entries are the same strings for every
   * recipient of an edition (see fillPieces). The MIME writer then encodes those once.
   */
  pieces?: { html: string[]; text: string[] };
}
