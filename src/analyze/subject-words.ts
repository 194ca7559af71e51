// The words that bound an event's subject, shared by the readers that look for one (the named subject
// of an announcement, a deadline's "who", a passive's patient): where the subject starts, and the
// pronouns that stand for a subject without naming it. Each reader widens a list where its own
// clauses need more; the common part lives here once.

/** Personal pronouns and "there": a subject that is one of these says nobody in particular. */
const PERSONAL_PRONOUNS = wordsOf('it they he she we i you there');
/** Verbs of saying: the subject of a reported clause starts after its sayer ("Ana Ruiz said the union"). */
export const SAYING_VERBS = ['said', 'says', 'told', 'added', 'announced'];

/** The whole word a pronoun, or one of `extra` (the reader's own non-subjects, space-separated), any case. */
export function pronounWord(extra = ''): RegExp {
  return new RegExp(`^(?:${[...PERSONAL_PRONOUNS, ...wordsOf(extra)].join('|')})$`, 'i');
}

function wordsOf(list: string): string[] {
  return list.split(' ').filter(Boolean);
}

/** Options of `subjectStart`: the words and marks after which a reader's subject may start. */
export interface SubjectStartOptions {
  /** Words besides "that" and the saying verbs that end what goes before the subject, space-separated. */
  words?: string;
  /** A dash opening the text ("- The revised list will be published"): a bulleted line. */
  leadingDash?: boolean;
}

/**
 * A pattern for everything before a subject, matched against the text before its verb: up to the last
 * comma, colon, semicolon or dash, or the last "that", saying verb or word of `options.words`.
 */
export function subjectStart(options: SubjectStartOptions = {}): RegExp {
  const words = ['that', ...SAYING_VERBS, ...wordsOf(options.words ?? '')].join('|');
  const dash = options.leadingDash ? '|^-\\s*' : '';
  return new RegExp(`^[\\s\\S]*(?:[,;:–—]\\s*${dash}|\\b(?:${words})\\s+)`, 'iu');
}
