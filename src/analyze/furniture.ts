import { COUNTRIES } from './places.ts';

// Page furniture: the dateline, bylines, date stamps and credits around a story. None of it is
// article text, and every date in it is when the page was written, never an event.

// Case written out: the patterns below need the case of the place (capitals) to mean something.
/** A month's name or short form, capital or not ("Sept.", "february"). */
export const MONTH =
  '(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Ss]ept|[Oo]ct|[Nn]ov|[Dd]ec)[a-z]*\\.?';
const DAY_MONTH = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH})(?:,?\\s+\\d{4})?`;
const AGENCY = '\\([\\p{L}\\p{N} .&/-]{2,30}\\)';
const CAPS_PLACE = "\\p{Lu}[\\p{Lu}\\p{M}.'’]+(?:[ -]\\p{Lu}[\\p{Lu}\\p{M}.'’]+){0,3}";
const TITLE_PLACE = "\\p{Lu}\\p{Ll}[\\p{L}\\p{M}.'’]*(?:[ -]\\p{Lu}[\\p{L}\\p{M}.'’]+){0,2}";
const REGION = "(?:,\\s*\\p{Lu}[\\p{L}\\p{M}.'’]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}.'’]*){0,2})";
// "New Delhi [India], February 12 (ANI):": the country in brackets after the place.
const BRACKETED = "(?:\\s*\\[\\p{Lu}[\\p{L}\\p{M} .'’-]{1,30}\\])?";

// "BERLIN, June 3 (Reuters) - ", "TACOMA, Wash. — ", "SEREMBAN: ", "DOVER, Del.- ",
// "CHICAGO (CBS) -- ", "BERLIN, July 13 Germany's ...": a place in capitals opening the story.
// "(EFE).-": the agency's own full stop before the dash.
const DASH = '\\.?\\s*(?:[—–]{1,2}|-{1,2}(?!\\d))';
const CAPS_DATELINE = new RegExp(
  `^${CAPS_PLACE}${BRACKETED}${REGION}{0,2}(?:,?\\s+${DAY_MONTH})?(?:\\s*${AGENCY})?(?:\\s*${DASH}\\s*|\\s*:\\s+)`,
  'u',
);
// "Aug. 1 (UPI) -- ", "Nov 1 (Reuters) - ": the day and the agency, the place left out. Only an
// agency's name and a sentence after it: "June 4 (TBC) – Final" and "May 2 (Round 3) - Hawks v Owls"
// are a schedule's lines.
const DATE_AGENCY =
  '\\((?!TB[AC]\\))(?:\\p{Lu}{2,6}|\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)?\\s+(?:Press|News|Agency)|Reuters|Bloomberg|Kyodo|Xinhua|Yonhap|Bernama|Anadolu)\\)';
const DATE_DATELINE = new RegExp(
  `^${DAY_MONTH}\\s*${DATE_AGENCY}\\s*(?:${DASH}|:)\\s*(?=\\p{Lu}\\S*(?:\\s+\\S+){4})`,
  'u',
);
// Without a dash, capitals and a date are enough: "BERLIN, July 13 Germany's Bundestag ...".
const CAPS_DATE_DATELINE = new RegExp(
  `^${CAPS_PLACE}${BRACKETED}${REGION}{0,2},?\\s+${DAY_MONTH}(?:\\s*${AGENCY})?\\s+(?=\\p{Lu})`,
  'u',
);
// "Hanoi, Jun 22 (IANS): ", "London: Sep 29, 2011": a place in plain case needs a date or an agency.
const TITLE_DATELINE = new RegExp(
  `^${TITLE_PLACE}${BRACKETED}${REGION}{0,2}(?:(?:,?\\s+${DAY_MONTH})(?:\\s*${AGENCY})?|\\s*${AGENCY})\\s*(?:${DASH}|:)\\s*`,
  'u',
);

// "(Repeats to attach to alerts with no changes to text)", "(Adds quotes, background)": a wire
// service's note on the copy, before its dateline.
const WIRE_NOTE =
  /^\s*\((?:repeats|adds|updates|corrects|recasts|refiles|rewrites|writes\s+through|fixes|clarifies|changes\s+(?:dateline|headline|byline))\b[^()]{0,160}\)\s*/i;

// "Correction December 9 at 12:48 p.m.: The article previously ...", "Update, March 3, 2024:", "Editor's
// note (May 2):": the day an editor changed the page, stamped on a note about the copy.
const EDIT_STAMP = new RegExp(
  `^(?:correction|clarification|update|updated|editor['’]s\\s+note)\\b[,:]?\\s*\\(?(?:on\\s+)?${DAY_MONTH}(?:,?\\s+(?:at\\s+)?\\d{1,2}(?:[:.]\\d{2})?\\s*(?:[AaPp]\\.?[Mm]\\.?)?(?:\\s+\\p{Lu}{2,4})?)?\\s*\\)?\\s*(?::|[—–]|-(?!\\d))\\s*`,
  'iu',
);

/** The length of the dateline a paragraph opens with (after a wire note on the copy), or 0. */
export function datelineLength(paragraph: string): number {
  const stamp = EDIT_STAMP.exec(paragraph)?.[0].length ?? 0;
  if (stamp > 0) return stamp;
  const note = WIRE_NOTE.exec(paragraph)?.[0].length ?? 0;
  return note + placeDatelineLength(paragraph.slice(note));
}

function placeDatelineLength(paragraph: string): number {
  const caps =
    CAPS_DATELINE.exec(paragraph) ?? CAPS_DATE_DATELINE.exec(paragraph) ?? DATE_DATELINE.exec(paragraph);
  if (caps) return caps[0].length;
  // A weekday is no place: "Saturday, 14th January – Huon Valley" is a listing's line, not a dateline.
  if (WEEKDAY_FIRST.test(paragraph)) return 0;
  const title = TITLE_DATELINE.exec(paragraph)?.[0] ?? '';
  // "Berlin (Germany): daily flights from October 31": a place and its country head a listing's line;
  // an agency, not a country, stands in a dateline's brackets.
  const note = /^[^(]*\(([^()]+)\)\s*(?:[—–:-]+\s*)?$/.exec(title)?.[1];
  // "(United Arab Emirates)": a country of several words ends in one of them.
  const country = note?.toLowerCase().split(/\s+/).at(-1) ?? '';
  return note && COUNTRIES.has(country) ? 0 : title.length;
}

// "Thu 10th Oct – LYON": a short weekday before a day number is no place either.
const WEEKDAY_FIRST =
  /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+\d)/;

/** The paragraph without its dateline. */
export function stripDateline(paragraph: string): string {
  return paragraph.slice(datelineLength(paragraph));
}

// "Nov 1 (Reuters) - ", "New Delhi [India], February 12 (ANI): ", "Nairobi — ", "LANCASTER − ",
// "THE HAGUE, Netherlands -- ", "(MMO) – ", "(Repeats to attach to alerts) MUMBAI, Sept 30 ": a
// dateline the forms above leave, as on another line a plain place and a dash or a bare bracket may head
// a listing's entry; on a story's first sentence it is furniture. Only the summary strips it.
// No ordinals here: "13th January – Saturday, 4th March" is a listing's line, not a dateline.
const STUB_DAY = `(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})(?:,?\\s+\\d{4})?`;
const STUB_PLACE = "\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){0,2}";
const STUB_CAPITALS = "\\p{Lu}[\\p{Lu}'’.-]+(?:\\s+\\p{Lu}[\\p{Lu}'’.-]+){0,2}";
const DATELINE_STUB = new RegExp(
  `^(?:\\([^()]{2,80}\\)\\s*)?(?:(?:\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}(?:\\s*\\[[^\\]]{2,30}\\])?,?\\s+)?${STUB_DAY}\\s*(?:\\([^()]{2,30}\\))?\\s*[:—–−-]{1,2}|${STUB_PLACE}(?:,\\s+${STUB_PLACE})?\\s+(?:[—–−]|--)|${STUB_CAPITALS},\\s+${STUB_DAY}|\\([^()]{2,30}\\)\\s*[:—–−-]{1,2})\\s+(?=\\p{Lu})`,
  'u',
);

/** A story's first sentence without the dateline stub it may still open with. */
export function stripDatelineStub(sentence: string): string {
  return sentence.replace(DATELINE_STUB, '');
}

// The stored page's own date line, glued to the first paragraph: " date 2019-09-28 The union ...".
const PAGE_DATE_PREFIX = /^\s*date:?\s+\d{4}-\d{2}-\d{2}\s+/i;
// The page's date stamp run into the text without a space: "November 23, 2015The points ...".
const GLUED_STAMP =
  /^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?),?\s+\d{4}(?=\p{Lu}\p{Ll})/u;

/** The paragraph without a leading page date (`date 2019-09-28 ...`, `November 23, 2015The ...`). */
export function stripPageDate(paragraph: string): string {
  return paragraph.replace(PAGE_DATE_PREFIX, '').replace(GLUED_STAMP, '');
}

const STAMP_WORDS =
  /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|updated|published|posted|edited|modified|first|last|date|on|at|am|pm|a\.m|p\.m|hrs|gmt|utc|ist|bst|cet|est|edt|pst|pdt|st|nd|rd|th)\b|(?<=\d)(?:am|pm)\b/gi;

/**
 * A line that is only a date stamp: "Mar. 11, 2024", "09 Dec 2024 03:10PM", "BDST: 2006 HRS, SEP 15, 2014", "Thursday, March 28, 2024", "Published: Sep
 * 29, 2011, 12:44 PM (IST)", "Dublin: 10°C Thursday 10 March 2022", "03/10/2011 15:20 BST | Updated 03/12/2011 05:12 GMT", "5th December
 * 2018, 15:59 GMT+11", "London: Sep 29, 2011", "MADRID, April 9 (EFE)".
 */
export function isDateStamp(text: string): boolean {
  if (text.length > 90 || !/\d/.test(text)) return false;
  const rest = stripDateline(text)
    .replace(/^\p{Lu}[\p{L}\p{M}'’. -]{1,30}(?:,\s*\p{Lu}[\p{L}.]*)?:\s*/u, '')
    .replace(STAMP_WORDS, '')
    .replace(/\b\p{Lu}{1,4}T\b|\([^()]{1,12}\)/gu, '')
    // "Dublin: 10°C Thursday 10 March 2022", "10:29 pm Central - 23°C Rain": the weather beside the
    // page's date, with the district it is for and the sky.
    .replace(
      /(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}\s*[-–:]\s*)?-?\d{1,2}\s*°\s*[CF]?(?:\s+(?:(?:partly|mostly|light|heavy)\s+)?(?:rain|showers|sunny|sun|cloudy|clouds|clear|fine|fog|mist|haze|windy|storms?|thunderstorms?|snow|drizzle|overcast))?/giu,
      '',
    );
  if (/\p{L}/u.test(rest)) return isTrailingDateline(text);
  return true;
}

/**
 * A date stamp that is only a day ("Thursday, 6 May 2021", "December 11, 2018"): page furniture at
 * the top of a page, but a schedule's heading or value further down.
 */
export function isBareDate(text: string): boolean {
  return (
    isDateStamp(text) &&
    !/\d[:.]\d\d|\b(?:am|pm|a\.m|p\.m|gmt|utc|updated|published|posted|edited)\b|\//i.test(text)
  );
}

// "MADRID, April 9 (EFE)" closing a story: where and when it was filed.
const TRAILING_DATELINE = new RegExp(
  `^${CAPS_PLACE}${REGION}{0,2},?\\s+${DAY_MONTH}\\s*${AGENCY}?\\.?$`,
  'u',
);

function isTrailingDateline(text: string): boolean {
  return TRAILING_DATELINE.test(text.trim());
}

// "(Reporting by Kylie MacLellan, writing by William James; editing by Elizabeth Piper)",
// "Written by Cricket Country Staff", "Edited by ...", "Compiled by ...".
const CREDIT_LINE =
  /^\(?(?:(?:additional\s+)?(?:reporting|writing|written|editing|edited|compiled|produced|translated)\s+by)\b[^()]{0,200}\)?\.?$/i;
// "By CricketCountry Staff", "Editorial team of CricketCountry.", "Bd-pratidin English/Golam Rosul".
const STAFF_LINE =
  /^(?:by\s+)?[\p{L}\p{M}.'’ -]{0,40}\b(?:staff|desk|bureau|newsroom|correspondent|editorial team)\b(?:\s+(?:writer|reporter|of\s+[\p{L}.]+))?\.?$/iu;
const DISCLAIMER =
  /^(?:disclaimer|this website uses cookies|we use cookies|cookie (?:policy|information))\b/i;
// "Watch CBS News", "Listen to this article", "Watch: ...": a media button's label.
const MEDIA_LABEL =
  /^(?:watch|listen|play)(?:\s+(?:live|now|video|to this article|[\p{Lu}][\p{L}]*)){0,4}:?$/u;

// "Airlines & Airports Rich Thomaselli August 04, 2019": names in capitals, then the day it was written.
// "By Hayley Halpin Thursday 10 Mar 2022, 1:08 PM": ... or with its weekday and the time it was written.
const NAMES_THEN_DATE = new RegExp(
  `^(?:By\\s+)?(?:[\\p{Lu}][\\p{L}'’.-]*\\s+|&\\s+|[|/·]\\s*){2,8}(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4})(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:[AaPp]\\.?[Mm]\\.?)?(?:\\s+\\p{Lu}{2,5})?)?$`,
  'u',
);

// "Gamal Essam El-Din , Monday 30 Sep 2019": a byline whose name a comma parts from the day it was written.
const NAME_COMMA_DATE = new RegExp(
  `^(?:By\\s+)?(?:[\\p{Lu}][\\p{L}'’.-]*\\s+){1,5}?[\\p{Lu}][\\p{L}'’.-]*\\s*,\\s+(?:\\p{Lu}\\p{Ll}+day,?\\s+)?(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4})\\.?$`,
  'u',
);

/**
 * A byline that is a name, a comma and the day it was written ("Gamal Essam El-Din , Monday 30 Sep
 * 2019"): the page's date, never an event. The cleaner keeps the line (a summary reads around it).
 */
export function isNameAndDay(text: string): boolean {
  return text.length <= 90 && NAME_COMMA_DATE.test(text.trim());
}

/** Byline, credit, disclaimer and media-button lines. */
export function isCreditLine(text: string): boolean {
  if (text.length > 240) return false;
  if (text.length <= 90 && NAMES_THEN_DATE.test(text)) return true;
  // "(Repeats to attach to alerts with no changes to text)": an editor's note in brackets.
  if (/^\([^()]{5,120}\)$/.test(text)) return true;
  return CREDIT_LINE.test(text) || STAFF_LINE.test(text) || DISCLAIMER.test(text) || MEDIA_LABEL.test(text);
}

// "EPA/LAURENT GILLIERON", "REUTERS/Arnd Wiegmann", "AP Photo/Jane Roe", "AFP/Getty": a photo
// agency's credit, its photographer after the slash.
const PHOTO_CREDIT =
  /(?:^|[\s(])(?:EPA(?:-EFE)?|REUTERS|Reuters|AFP|AP(?:\s+Photo)?|ANP|ANSA|DPA|dpa|Xinhua|Getty(?:\s+Images)?)\s*\/\s*\p{Lu}/u;
// "... polling date, on April 10, 2018. ST PHOTO: TRINNA LEONG", "— Picture by Firdaus Latif": a
// credit label and the photographer closing the caption.
const CREDIT_LABEL =
  /(?:\bPHOTO|\bPhoto|\bPICTURE|\bPicture|\bIMAGE|\bImage)\s*(?::|\bby\b)\s*\p{Lu}[\p{L}\p{M}.'’ /&-]{1,60}$/u;
// "epa07312525 Prince William speaks ...": the agency's number of the picture opening its caption.
const PICTURE_ID = /^\p{Ll}{2,5}\d{6,}\s/u;
// "... in Davos, Switzerland, 23 January 2019.": a caption ends on the day the picture was taken.
const TAKEN_ON = new RegExp(`,\\s+${DAY_MONTH}(?:,?\\s+\\d{4})\\.(?:\\s|$)`, 'u');
// "... at the announcement of the polling date, on April 10, 2018.": under a credit label, "on" may lead the day.
const TAKEN_ON_DAY = new RegExp(`(?:,\\s+|\\s)on\\s+${DAY_MONTH}(?:,?\\s+\\d{4})\\.(?:\\s|$)`, 'u');

/**
 * A photo's caption left in the text, another story's picture as often as this one's: its agency
 * credit (or a credit label closing it, "ST PHOTO: NAME") with the picture's number or the day it was
 * taken. What it dates is the picture's.
 */
export function isPhotoCaption(paragraph: string): boolean {
  const taken = PICTURE_ID.test(paragraph) || TAKEN_ON.test(paragraph);
  if (PHOTO_CREDIT.test(paragraph) && taken) return true;
  return CREDIT_LABEL.test(paragraph.trim()) && (taken || TAKEN_ON_DAY.test(paragraph));
}
