import type { ArticleEvent } from '../src/models/analysis.ts';
import type { GoldEvent, GoldQuote } from './eval-gold.ts';
import { cleanQuoteText, type Scores } from './eval-metrics.ts';
import type { CaseReport, EvalTotals } from './eval-score.ts';

const num = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'n/a' : value.toFixed(2);
const counts = (s: Scores): string => `${s.gold}/${s.predicted}/${s.matched}`;
const clip = (text: string, max = 72): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

type Figures = Omit<CaseReport, 'id' | 'error' | 'details' | 'format' | 'allDates'>;

/** The readable report: one row per article, then the totals against their targets. */
export function formatReport(reports: readonly CaseReport[], totals: EvalTotals, verbose: boolean): string {
  const width = Math.max(7, ...reports.map((r) => r.id.length));
  const head = `${'article'.padEnd(width)}  quotes g/p/m    P    R   F1  spkr  role | events g/p/m    P    R   F1   loc  time title | sum  lead3`;
  const row = (id: string, r: Figures) =>
    [
      id.padEnd(width),
      counts(r.quotes).padStart(14),
      ...[r.quotes.precision, r.quotes.recall, r.quotes.f1, r.speaker.value, r.role.value].map((v) =>
        num(v).padStart(4),
      ),
      '|',
      counts(r.events).padStart(14),
      ...[
        r.events.precision,
        r.events.recall,
        r.events.f1,
        r.location.value,
        r.time.value,
        r.title.value,
      ].map((v) => num(v).padStart(4)),
      '|',
      num(r.summary?.rouge1).padStart(4),
      num(r.summary?.lead3).padStart(5),
    ].join(' ');
  const lines = [head, '-'.repeat(head.length)];
  for (const r of reports) lines.push(row(r.id, r) + (r.error ? `  ERROR: ${r.error}` : ''));
  lines.push('-'.repeat(head.length), row('total', totals), '');
  lines.push(`Totals over ${totals.articles} articles (micro-averaged; g/p/m = gold/predicted/matched):`);
  for (const t of totals.targets) {
    lines.push(
      `  ${t.metric.padEnd(22)} ${num(t.value).padStart(5)}  target >= ${t.target}  ${t.pass ? 'pass' : 'FAIL'}`,
    );
  }
  const extra: Array<[string, number | null | undefined]> = [
    ['all dates precision', totals.allDates.precision],
    ['all dates recall', totals.allDates.recall],
    ['speaker, any form', totals.speakerLoose.value],
    ['speaker missing', totals.speakerMissing.value],
    ['role accuracy', totals.role.value],
    ['time accuracy', totals.time.value],
    ['participants recall', totals.participants.value],
    ['participants precision', totals.participantsPrecision.value],
    ['summary ROUGE-1', totals.summary?.rouge1],
    ['lead-3 ROUGE-1', totals.summary?.lead3],
    ['lead-3 raw ROUGE-1', totals.summary?.lead3Raw],
  ];
  for (const [name, value] of extra) {
    if (value !== null && value !== undefined)
      lines.push(`  ${name.padEnd(22)} ${num(value).padStart(5)}  (no target)`);
  }
  if (verbose) lines.push('', ...reports.flatMap(formatDetails));
  return lines.join('\n');
}

const describeEvent = (e: ArticleEvent | GoldEvent): string =>
  `${e.date}${e.endDate ? `..${e.endDate}` : ''}${e.time ? ` ${e.time}` : ''} ${e.location ?? '-'}  ${clip(e.title, 50)}`;

const goldText = (q: GoldQuote): string => q.text ?? `${q.head} … ${q.tail}`;

/** What a developer has to look at for one article: missed, spurious and wrong items. */
export function formatDetails(r: CaseReport): string[] {
  const d = r.details;
  const lines = [
    ...d.missedQuotes.map(
      (q) => `  missed quote     “${clip(cleanQuoteText(goldText(q)))}” (${q.speaker ?? 'no speaker'})`,
    ),
    ...d.spuriousQuotes.map((q) => `  spurious quote   “${clip(q.text)}” (${q.speaker ?? 'no speaker'})`),
    ...d.wrongSpeakers.map(
      (x) =>
        `  wrong speaker    “${clip(goldText(x.gold), 50)}”: want ${x.gold.speaker ?? 'null'}, got ${x.predicted.speaker ?? 'null'}`,
    ),
    ...d.wrongRoles.map(
      (x) =>
        `  wrong role       “${clip(goldText(x.gold), 50)}”: want ${x.gold.role ?? 'null'}, got ${x.predicted.role ?? 'null'}`,
    ),
    ...d.missedEvents.map((e) => `  missed event     ${describeEvent(e)}`),
    ...d.spuriousEvents.map((e) => `  spurious event   ${describeEvent(e)}`),
    ...d.wrongLocations.map(
      (x) =>
        `  wrong location   ${x.gold.date}: want ${x.gold.location ?? 'null'}, got ${x.predicted.location ?? 'null'}`,
    ),
    ...d.wrongTimes.map(
      (x) =>
        `  wrong time       ${x.gold.date}: want ${x.gold.time ?? 'null'}, got ${x.predicted.time ?? 'null'}`,
    ),
    ...d.wrongTitles.map(
      (x) =>
        `  wrong title      ${x.gold.date}: want [${(x.gold.key ?? []).join(', ')}], got “${clip(x.predicted.title, 50)}”`,
    ),
  ];
  if (r.error) lines.unshift(`  analysis failed: ${r.error}`);
  return lines.length === 0 ? [] : [r.id, ...lines, ''];
}
