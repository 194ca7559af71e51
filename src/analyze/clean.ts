import type { ArticleLink } from '../models/article.ts';
import { isBareDate, isCreditLine, isDateStamp, stripDateline, stripPageDate } from './furniture.ts';
import { normalizeText } from './text-utils.ts';

/** The body reduced to readable paragraphs, with the "Read more" headlines set apart. */
export interface CleanedBody {
  paragraphs: string[];
  readMore: ArticleLink[];
}

// Real articles are far below this; the cap keeps a 5 MB paste from costing seconds.
const MAX_BODY_CHARS = 300_000;
const MAX_PARAGRAPH_CHARS = 20_000;

const READ_MORE =
  /^(?:read more|read also|also read|related(?: articles?| stories| news| coverage)?|see also|more on this(?: story)?|further reading|you (?:may|might) also like|recommended(?: for you)?|more from [^:]{1,40}|more:)\s*[:\-–—]?\s*(.*)$/i;
const JUNK =
  /^(?:spread the love|share(?: this(?: article| story)?| on \w+| via \w+)?|follow us(?: on [\w ,]+)?|tweet|email|print|advertisement|subscribe(?: now)?|sign up(?: for [\w ]+)?|like us on facebook|click here[\w ]*|copyright\b.*|©.*|all rights reserved\.?|comments?|leave a (?:comment|reply)|(?:facebook|twitter|whatsapp|linkedin|telegram|pinterest|reddit)(?:[\s,|/]+(?:facebook|twitter|whatsapp|linkedin|telegram|pinterest|reddit|email))*)[.!:]*$/i;
const CREDIT_START =
  /^(?:photo|photos|photograph|image|picture|foto|file photo|credit|caption|video)s?\b\s*(?:by|credit)?\s*[:|]/i;
const CREDIT_AGENCY =
  /(?:getty images|\bafp\b|\breuters\b|\bap photo\b|associated press|shutterstock|\bepa\b|anadolu|xinhua|alamy|\bsipa\b)[\s)\]]*\.?$/i;
const CREDIT_BY = /\((?:photo|image|picture)s? (?:by|credit|:)[^)]{0,120}\)\s*$/i;

/**
 * Splits the body into paragraphs and removes what is not article text: repeated
 * headline and duplicated paragraphs, photo credits and captions, share buttons;
 * "Read more" lists become links. Also repairs doubled punctuation and missing spaces.
 */
export function cleanBody(body: string, title: string): CleanedBody {
  const blocks = splitBlocks(body.slice(0, MAX_BODY_CHARS).replace(/\r\n?/g, '\n'));
  const seen = new Set<string>([normalizeText(title)]);
  const paragraphs: string[] = [];
  const readMore: ArticleLink[] = [];
  let inReadMore = false;
  let afterCredit = false;
  for (const block of blocks) {
    const raw = block
      .slice(0, MAX_PARAGRAPH_CHARS)
      .split('\n')
      .map((line) => stripMarkdownLine(line));
    // "Advertisement", "Share this:", "WhatsApp" stacked in one block: each line is junk on its own.
    // A date on a line of its own after one that breaks off ("... the scheduled hearing on") goes on it.
    const lines = raw.filter(
      (line, i) =>
        line.length > 0 &&
        (!isJunk(line) ||
          (isBareDate(line) && (paragraphs.length > 0 || DANGLING.test(raw[i - 1]?.trimEnd() ?? '')))),
    );
    if (lines.length === 0) continue;
    const rest = takeReadMore(lines, readMore, inReadMore);
    inReadMore = rest === null;
    if (rest === null || rest.length === 0) continue;
    for (const line of joinWrappedLines(rest)) {
      afterCredit = keepParagraph(line, afterCredit, seen, paragraphs);
    }
  }
  return { paragraphs, readMore };
}

/**
 * Adds one paragraph unless it is furniture or a repeat. A bare date above the text is the page's
 * stamp; further down it is a schedule's heading or value ("Thursday, 6 May 2021"), kept even twice.
 * Returns whether it was a photo credit.
 */
function keepParagraph(line: string, afterCredit: boolean, seen: Set<string>, paragraphs: string[]): boolean {
  const text = stripDateline(stripPageDate(repairText(line)));
  const key = normalizeText(text);
  const caption = afterCredit && isCaption(text);
  const credit = isCredit(text);
  // A labelled "Caption:" is the caption itself: the paragraph after it is text again.
  const nowCredit = credit && !/(?:^|\s)caption\s*:/i.test(text);
  const schedule = isBareDate(text) && paragraphs.length > 0;
  if (!key || (seen.has(key) && !schedule) || caption || credit || (isJunk(text) && !schedule))
    return nowCredit;
  seen.add(key);
  paragraphs.push(text);
  return nowCredit;
}

/**
 * The paragraphs of a block's lines. Each line is one (lists, fixture lines, one-line paragraphs)
 * unless the text is hard-wrapped: a line nearly as wide as the widest (50 to 110 characters)
 * continues on the next, and so does an unfinished line before one in lowercase.
 */
function joinWrappedLines(lines: string[]): string[] {
  const widest = Math.max(...lines.map((l) => l.length));
  const wraps = widest >= 50 && widest <= 110;
  // The width most lines keep: one long line (a headline pasted whole) does not hide the wrapping.
  const typical = [...lines.map((l) => l.length)].sort((a, b) => a - b)[Math.floor(lines.length * 0.8)] ?? 0;
  const out: string[] = [];
  let open = false;
  let unfinished = false;
  for (const raw of lines) {
    // A list item is a paragraph of its own, without its bullet.
    // So is a row of a table ("| Round 3 | Sat 14 Mar | ... |").
    const bullet = BULLET.test(raw) || TABLE_ROW.test(raw);
    const line = raw.replace(BULLET, '');
    // A line starting in lowercase after one without closing punctuation is the same sentence.
    const joins = !bullet && (open || (unfinished && /^\p{Ll}/u.test(line)));
    if (out.length > 0 && joins) out[out.length - 1] += ` ${line}`;
    else out.push(line);
    // In wrapped text a paragraph ends on a shorter line that closes its sentence.
    open =
      !bullet &&
      wraps &&
      line.length >= widest * 0.75 &&
      !(/[.!?]["”’)]?$/.test(line) && line.length < widest * 0.9);
    unfinished = !bullet && !/[.!?:;"”’)]$/.test(line);
    // "... India's central bank said on" / "Friday a newly-appointed ...": a line ending in a word
    // that cannot end a sentence goes on.
    if (unfinished && DANGLING.test(line)) open = true;
    // "Mwita had, in March, said the Ethics and Anti-Corruption" / "Commission and ...": a wrapped
    // line of prose (a clause with commas, not a heading) goes on even before a capital.
    if (unfinished && typical >= 50 && typical <= 110 && line.length >= typical * 0.6 && isProseLine(line))
      open = true;
  }
  return out;
}

/** A line that reads as part of a sentence: a comma inside and several lowercase words. */
function isProseLine(line: string): boolean {
  return /,\s/.test(line) && (line.match(/\s[a-z]+/g)?.length ?? 0) >= 4;
}

const BULLET = /^\s*[•·▪◦‣●]\s+/;
const TABLE_ROW = /^\|.*\|$/;
const DANGLING =
  /\b(?:on|the|a|an|of|to|and|in|at|for|by|with|from|that|its|their|his|her|said|will|would|was|were|is|are)$/i;

/** Paragraphs are separated by blank lines; a body without any, written one long line per paragraph, by newlines. */
function splitBlocks(body: string): string[] {
  if (/\n[ \t]*\n/.test(body)) return body.split(/\n[ \t]*\n/);
  const lines = body.split('\n');
  const long = lines.filter((line) => line.length > 80).length;
  return lines.length >= 3 && long * 2 >= lines.length ? lines : [body];
}

/**
 * Moves "Read more" headlines into `links`. Returns the lines that are still body text,
 * or null when the whole block belonged to a read-more list (which may continue).
 */
function takeReadMore(lines: string[], links: ArticleLink[], continuing: boolean): string[] | null {
  const first = lines[0] ?? '';
  const match = READ_MORE.exec(first);
  if (match) {
    const inline = match[1]?.trim() ?? '';
    if (inline) links.push(toLink(inline));
    // "ALSO READ" / five headlines / "-" / the story, in one block: the list ends where the prose starts.
    const rest = lines.slice(1);
    const cut = rest.findIndex((line) => LIST_END.test(line) || isProse(line));
    for (const line of cut < 0 ? rest : rest.slice(0, cut)) links.push(toLink(line));
    if (cut >= 0) return rest.slice(cut).filter((line) => !LIST_END.test(line));
    // A bare "Read more:" heading announces a list in the following blocks.
    return lines.length === 1 && !inline ? null : [];
  }
  if (continuing && lines.every((line) => looksLikeHeadline(line))) {
    for (const line of lines) links.push(toLink(line));
    return null;
  }
  return lines;
}

// A rule of dashes or stars between a list and the text.
const LIST_END = /^\s*(?:[-–—_*=~]\s*){1,5}$/;

/** A line of the story, not a headline: long, and ending its sentence. */
function isProse(line: string): boolean {
  return line.length > 100 && /[.!?]["”’)]?$/.test(line);
}

function looksLikeHeadline(line: string): boolean {
  return line.length <= 200 && (/^\[.*\]\(.*\)$/.test(line) || !/[.!?]["”’]?$/.test(line));
}

const MD_LINK = /^\[([^\]]{1,300})\]\(([^)\s]{1,2000})(?:\s+"[^"]*")?\)\s*[.,;]?$/;

function toLink(raw: string): ArticleLink {
  const line = raw.replace(/^(?:[-*+•]|\d+[.)])\s+/, '').trim();
  const md = MD_LINK.exec(line);
  if (md) return { title: (md[1] ?? '').trim(), url: md[2] ?? null };
  const bare = /^(.{1,300}?)\s*[-–—:|]?\s*[(<]?(https?:\/\/\S{1,2000}?)[)>]?$/.exec(line);
  if (bare?.[1]) return { title: bare[1].trim(), url: bare[2] ?? null };
  return { title: line, url: null };
}

/** Removes Markdown syntax that is not text: headings, list markers, images, emphasis, link targets. */
function stripMarkdownLine(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s{0,3}>\s?/, '')
    .replace(/!\[[^\]]{0,300}\]\([^)]{0,2000}\)/g, '')
    .replace(/(\*\*|__)(?=\S)([^*_]{1,500}?\S)\1/g, '$2')
    .replace(INLINE_TAG, (tag) => (/^<br/i.test(tag) ? ' ' : ''))
    .trim();
}

// A page stored with its inline markup left in (`<a href="...">initial public offering</a>`): the
// tags go, their words stay; an attribute's quoted value is no one's speech.
const INLINE_TAG =
  /<\/?(?:a|abbr|b|br|cite|em|font|i|mark|small|span|strong|sub|sup|time|u)(?:\s[^<>]{0,2000})?\/?>/gi;

/** The line under a photo credit that describes the picture: one short sentence. */
function isCaption(text: string): boolean {
  // A lede after the photo is a sentence that reports: "..., their union said on Monday." A caption
  // describes the picture in the present, or names what it shows.
  const reports =
    /\b(?:said|says|told|will|would|has|have|had|was|were|is to|are to|\p{Ll}{2,}(?<![be])ed)\b/u.test(text);
  return text.length < 180 && !/[.!?]\s+\S/.test(text) && !/["“”]/.test(text) && !reports;
}

// Share and follow blocks: "Share this: Twitter Facebook", "Follow us on Twitter @X for the latest".
const JUNK_START =
  /^(?:share (?:this|on|via)|follow us|sign up|subscribe to|click here|join us on|(?:additional )?(?:reporting|writing|editing) by)\b/i;

// "By Hannah Oberlin | Mar. 11, 2024", "By Ana Ruiz and Tom Lee, Staff writers": who wrote it, not what happened.
const BYLINE_NAME =
  "\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|de|van|von|da|di|del|la|le|bin|al))+";
const BYLINE = new RegExp(
  `^By\\s+${BYLINE_NAME}(?:(?:,\\s*|\\s+and\\s+)${BYLINE_NAME})*\\s*(?:$|[,|·•—–-]\\s*\\S.{0,60}$)`,
  'u',
);

// A line naming three networks is a share bar, whatever else it carries ("SHARE Share Options × Facebook Twitter ...").
const NETWORKS =
  /\b(?:facebook|twitter|whatsapp|linkedin|telegram|pinterest|reddit|flipboard|google\+|email|e-mail|x\.com)\b/gi;

function isJunk(text: string): boolean {
  if (text.length <= 300 && (text.match(NETWORKS) ?? []).length >= 3) return true;
  if (text.length <= 120 && (BYLINE.test(text) || isDateStamp(text))) return true;
  if (isCreditLine(text)) return true;
  return text.length <= 300 && (JUNK.test(text) || (text.length <= 160 && JUNK_START.test(text)));
}

function isCredit(text: string): boolean {
  if (text.length > 300) return false;
  if (CREDIT_START.test(text) || CREDIT_BY.test(text)) return true;
  // "VIRGINIA MAYO / AFP / Getty Images": short, slash-separated, ends with an agency.
  // "... to the station, reports AFP." is a sentence: a credit is names, not prose.
  const prose = (text.match(/\b\p{Ll}{4,}\b/gu) ?? []).length > 3;
  return (
    text.length < 160 && CREDIT_AGENCY.test(text) && (/[/|]/.test(text) || (!prose && !/[.!?]\s/.test(text)))
  );
}

/**
 * Repairs typing accidents: doubled punctuation, two single marks typed for a double one (‘‘...’’,
 * closed by ’’ or ’‘), missing spaces between sentences or words.
 */
export function repairText(text: string): string {
  return text
    .replace(/\[([^\]]{1,300})\]\((?:https?:|\/)[^)\s]{0,2000}\)/g, '$1')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/''|``/g, '"')
    .replace(/‘‘/g, '“')
    .replace(/’’|’‘/g, '”')
    .replace(/(?<![.])\.\.(?![.])/g, '.')
    .replace(/,,+/g, ',')
    .replace(/ ([,;:.!?])(?=\s|$)/g, '$1')
    .replace(/\b([a-z][a-z]{2,})([A-Z][a-z]{1,})/g, '$1 $2')
    .replace(/\b([a-z]{2,}[.!?])([A-Z][a-z])/g, '$1 $2')
    .trim();
}
