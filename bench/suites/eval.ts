import { EVAL_DIR, evaluateFolder } from '../eval.ts';
import { round } from '../measure.ts';

/**
 * Analysis quality on the synthetic evaluation set (tests/fixtures/eval): the figures of
 * `npm run eval`, for the record of each bench run. The real-news corpus is not scored here:
 * its texts are not in the repository (`npm run eval -- --dir corpus/dev`).
 */
export async function measureEval(): Promise<Record<string, number>> {
  const { totals } = evaluateFolder(EVAL_DIR);
  const value = (v: number | null) => round(v ?? 0);
  return {
    eval_quotes_f1: value(totals.quotes.f1),
    eval_speaker_accuracy: value(totals.speaker.value),
    eval_event_precision: value(totals.events.precision),
    eval_event_recall: value(totals.events.recall),
    eval_event_f1: value(totals.events.f1),
    eval_location_accuracy: value(totals.location.value),
  };
}
