import type { Quote } from '../models/analysis.ts';
import { checkLinearWeights, linearScore } from './linear-model.ts';
import type { PeopleIndex } from './people.ts';
import {
  type QuoteCandidates,
  readSpeakerCandidates,
  SPEAKER_FEATURES,
  type SpeakerCandidate,
} from './speaker-features.ts';
import trained from './speaker-model.json' with { type: 'json' };

/**
 * Whether the analysis lets the learnt chooser pick speakers. Off: scored once on the fresh set
 * dev6 it got 28 speakers of 41 against the rules' 29 (loose 33 against 35) and the synthetic set
 * 0.972, so it is not adopted by the rule fixed before dev6 was scored (README, "A learnt speaker
 * chooser"); kept to measure again as gold grows (`npm run train:speakers`).
 */
export const SPEAKER_MODEL_ON = false;

/**
 * A logistic model of "this candidate is the quote's speaker" (bias + Σ weight × feature); the
 * candidate scored highest is chosen. `covers`: `all` chooses for every quote, `unsure` only where
 * the rules' speaker is not named in the quote's own attribution (pronouns, carried-over and
 * fallback speakers), `general` every quote with the rules' two features left out.
 */
export interface SpeakerModel {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  covers: 'all' | 'unsure' | 'general';
}

/** Checks a model's shape against the features this code computes; throws naming what is wrong. */
export function checkSpeakerModel(model: {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  covers: string;
}): SpeakerModel {
  checkLinearWeights('speaker model', model, SPEAKER_FEATURES);
  if (!Number.isFinite(model.bias)) throw new Error('speaker model: bias must be finite');
  const { covers } = model;
  if (covers !== 'all' && covers !== 'unsure' && covers !== 'general')
    throw new Error(`speaker model: covers ${covers} is not all, unsure or general`);
  return { ...model, covers };
}

let committed: SpeakerModel | null = null;

/** The committed model (speaker-model.json, written by `npm run train:speakers`), checked on first use. */
export function committedSpeakerModel(): SpeakerModel {
  committed ??= checkSpeakerModel(trained);
  return committed;
}

const RULES = SPEAKER_FEATURES.indexOf('rules');
const RULES_ATTRIBUTED = SPEAKER_FEATURES.indexOf('rulesAttributed');

/** A candidate's linear score (the log-odds of being the speaker). */
export function scoreCandidate(features: readonly number[], model: SpeakerModel): number {
  return linearScore(features, model);
}

/**
 * The speaker the model picks among a quote's candidates: the highest score, ties to the rules'
 * choice, then the first candidate; the rules' speaker where the model does not cover the quote.
 */
export function pickSpeaker(
  rules: string | null,
  found: QuoteCandidates,
  model: SpeakerModel,
): string | null {
  return pickCandidate(found, model)?.speaker ?? rules;
}

/** The candidate the model picks; null where it leaves the rules' speaker (no candidates, or not covered). */
export function pickCandidate(found: QuoteCandidates, model: SpeakerModel): SpeakerCandidate | null {
  const { candidates } = found;
  if (candidates.length === 0) return null;
  const own = candidates.find((c) => c.features[RULES] === 1);
  if (model.covers === 'unsure' && own?.features[RULES_ATTRIBUTED] === 1) return null;
  let best = own ?? candidates[0];
  let bestScore = best ? scoreCandidate(best.features, model) : Number.NEGATIVE_INFINITY;
  for (const c of candidates) {
    const s = scoreCandidate(c.features, model);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best ?? null;
}

/** The quotes with the speakers a model picks (a changed speaker takes its own role, never the rules' one's). */
export function chooseSpeakers(
  quotes: readonly Quote[],
  paragraphs: readonly string[],
  people: PeopleIndex,
  model: SpeakerModel = committedSpeakerModel(),
): Quote[] {
  const found = readSpeakerCandidates(quotes, paragraphs, people);
  return quotes.map((quote, i) => {
    const picked = pickCandidate(found[i] ?? { candidates: [] }, model);
    if (!picked || picked.speaker === quote.speaker) return quote;
    return { ...quote, speaker: picked.speaker, role: picked.role };
  });
}
