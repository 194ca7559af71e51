// A house of a legislature is where its own business happens: "presented the budget to Parliament on
// Thursday", "the bill returns to the House of Commons next week ... its third reading on March 5", "the
// motion will be debated in the Bundestag". A story names the house once, where it places something, and
// then dates the house's business without naming it again ("The debate on the review will open on July 28").

// The names of legislatures and their houses, as news writes them in English. Not "Senate" or "Congress":
// a story names them as who acts ("the full Senate will vote", "Republicans in the Senate") far more often.
const HOUSE_NAMES = [
  'Parliament',
  'Houses?\\s+of\\s+(?:Commons|Lords|Representatives|Councillors|Assembly|Delegates|Keys|Parliament)',
  'Commons',
  'Lords',
  'National\\s+(?:Assembly|Council|Congress)',
  'Legislative\\s+(?:Assembly|Council|Yuan)',
  '(?:Verkhovna\\s+)?Rada',
  'Lok\\s+Sabha',
  'Rajya\\s+Sabha',
  'Bundestag',
  'Bundesrat',
  'Knesset',
  'Dáil(?:\\s+Éireann)?',
  'Seanad',
  'Sejm',
  '(?:State\\s+)?Duma',
  'Storting',
  'Riksdag',
  'Folketing',
  'Eduskunta',
  'Althing',
  'Majlis',
  'Diet',
  'Oireachtas',
  'Cortes',
].join('|');

// A house named where something is put or happens: "to Parliament", "in the Bundestag", "before the Lok Sabha".
// A house that acts ("Parliament will vote") places nothing, nor one that is elected ("elections to the
// House of Representatives", "a seat in Parliament").
const HOUSE_AS_PLACE = new RegExp(
  `\\b(?:in|into|to|at|before|inside)\\s+(?:the\\s+)?(${HOUSE_NAMES})\\b(?!['’]s|\\s+(?:House|Building|Square|Street|Road|Hill|Buildings)\\b)`,
  'g',
);
const ELECTED =
  /\b(?:elect(?:s|ed|ing|ions?)?|polls?|seats?|candida\w+|nominat\w+|appointed|returned|representation)\b/i;

// A sentence about a house's own business: its debates, readings, sittings and motions, or its members at work.
const HOUSE_BUSINESS =
  /\b(?:debat(?:e|es|ed|ing)|readings?|sittings?|plenary|plenaries|motions?|committee\s+stage|report\s+stage|opposition\s+days?|question\s+time|MPs|lawmakers|legislators|senators|parliamentarians|deputies|scrutiny|(?:Lords\s+)?amendments|estimates|budget\s+(?:speech|statement))\b/i;

/** The house of a legislature a text names as a place ("to Parliament", "in the House of Commons"), or null. */
export function findHouse(text: string): string | null {
  for (const match of text.matchAll(HOUSE_AS_PLACE)) {
    if (!ELECTED.test(text.slice(Math.max(0, match.index - 40), match.index))) {
      return match[1]?.replace(/\s+/g, ' ') ?? null;
    }
  }
  return null;
}

// "Lawmakers will go on vacation from Dec. 23", "MPs break for the summer recess on July 22": a house
// that does not sit is nowhere.
const HOUSE_AWAY = /\b(?:recess|vacation|holidays?|break\s+for|breaks\s+for|rises\s+for)\b/i;

/** True when a sentence tells a house's own business ("The debate on the review will open on July 28"). */
export function isHouseBusiness(sentence: string): boolean {
  return HOUSE_BUSINESS.test(sentence) && !HOUSE_AWAY.test(sentence);
}
