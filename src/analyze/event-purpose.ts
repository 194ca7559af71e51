// A gathering named by what it is for: "The chamber is to meet on Friday to consider a motion to
// dismiss the president" is a "Meeting to consider a motion"; "convene a special session next
// Wednesday to choose the next prime minister" a "Special session to choose next prime minister".
import { actionPhrase } from './event-deadline.ts';
import { MAX_TITLE_WORDS } from './event-naming.ts';
import type { EventTitle } from './event-phrase.ts';

// Gatherings whose purpose says which one.
const GATHERING =
  /^(?:meeting|session|sitting|summit|conference|talk|talks|negotiation|negotiations|congress|convention|assembly|plenary|council|committee|forum|gathering)$/;
// What a gathering is for: deliberating, choosing, deciding.
const PURPOSE_VERB =
  /^(?:consider|discuss|debate|decide|choose|elect|select|pick|approve|review|vote|finalise|finalize|adopt|sign|agree|appoint|name|examine|set|ratify)$/;
// The date, then the purpose: "Friday to consider a motion", "next Wednesday to choose".
const PURPOSE = /^\S+(?:\s+\S+){0,3}?\s+to\s+(\p{Ll}+)\b([^;.!?]*)/u;

/** "Meeting" with "on Friday to consider a motion" after its date gives "Meeting to consider a motion". */
export function withPurpose(title: EventTitle, clause: string, at: number): EventTitle {
  if (!title.head || !GATHERING.test(title.head) || /\bto\s/.test(title.title)) return title;
  const purpose = PURPOSE.exec(clause.slice(at));
  const verb = purpose?.[1] ?? '';
  if (!purpose || !PURPOSE_VERB.test(verb)) return title;
  const action = actionPhrase(verb, (purpose[2] ?? '').split(',')[0] ?? '');
  if (!action || action === verb) return title;
  // "the country's next prime minister": a possessor goes first when the title would run long.
  const words = (text: string) => text.split(/\s+/).length;
  const short = action.replace(/\s(?:the|a|an)\s+\p{L}+['’]s\s/u, ' ');
  const fitted = [action, short].find((a) => words(`${title.title} to ${a}`) <= MAX_TITLE_WORDS);
  return fitted ? { title: `${title.title} to ${fitted}`, head: title.head } : title;
}
