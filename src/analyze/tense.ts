const FUTURE =
  /\b(?:will|would|shall|'ll|is to|are to|to be held|set to|due|scheduled|expected|planned|set for|slated|is set|are set|poised|plans? to|intends? to|going to|must|next|upcoming|until|deadline|tomorrow|can|could|may|hopes? to|aims? to|closes|opens|begins|starts|runs)\b/i;
const PAST =
  /\b(?:was|were|had|did|said|told|announced|held|met|took|fell|rose|won|lost|set|began|came|went|made|gave|saw|left|ran|led|beat|hit|sold|paid|kept|got|became|broke|chose|drew|fought|found|grew|knew|meant|shot|spent|stood|struck|swept|threw|wrote|last|ago|earlier|yesterday|since|[a-z]{3,}ed)\b/i;

// "was postponed to Tuesday": a past verb that announces a future date.
const RESCHEDULED =
  /\b(?:postponed|delayed|moved|rescheduled|pushed back|put off|adjourned|brought forward|deferred)\s+(?:to|until|till|for)\s+$/i;

/**
 * Whether the words around a position speak of the past ("said on Monday", "collapsed on
 * February 21"): the clause decides first, then the whole sentence. Future wording wins.
 */
export function isPastTense(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  // The verb right before the date decides first: "insisted on Friday", "had been scheduled for".
  const left = before.slice(-28).split(/[,;—]/).pop() ?? '';
  if (RESCHEDULED.test(left)) return false;
  if (/\b(?:had|was|were|did)\b/i.test(left)) return true;
  if (FUTURE.test(left)) return false;
  if (PAST.test(left)) return true;
  const clauseFrom = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('—')) + 1;
  const afterCut = sentence.slice(at).search(/[,;—]/);
  const clause = sentence.slice(clauseFrom, afterCut >= 0 ? at + afterCut : sentence.length);
  if (FUTURE.test(clause)) return false;
  if (PAST.test(clause)) return true;
  if (FUTURE.test(sentence)) return false;
  return PAST.test(sentence);
}
