import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as trainMain, trainSpeakerModel } from '../../bench/train-speaker-model.ts';
import { cleanBody } from '../../src/analyze/clean.ts';
import { buildPeopleIndex } from '../../src/analyze/people.ts';
import { extractQuotes } from '../../src/analyze/quotes.ts';
import {
  type QuoteCandidates,
  readSpeakerCandidates,
  SPEAKER_FEATURES,
  type SpeakerFeature,
} from '../../src/analyze/speaker-features.ts';
import {
  checkSpeakerModel,
  chooseSpeakers,
  committedSpeakerModel,
  pickSpeaker,
  SPEAKER_MODEL_ON,
  type SpeakerModel,
  scoreCandidate,
} from '../../src/analyze/speaker-model.ts';
import { analyzeBody } from './analyze-body.ts';
import { withFoldMissingTexts } from './training-folds.ts';

/** The rules' quotes of `body` and every quote's candidates. */
function readBody(body: string) {
  const { paragraphs } = cleanBody(body, 'T');
  const people = buildPeopleIndex(paragraphs);
  const quotes = extractQuotes(paragraphs, people);
  return { paragraphs, people, quotes, found: readSpeakerCandidates(quotes, paragraphs, people) };
}

/** The features set (at 0.5 or more) for one candidate of one quote. */
function onFor(found: QuoteCandidates | undefined, speaker: string): SpeakerFeature[] {
  const candidate = found?.candidates.find((c) => c.speaker === speaker);
  if (!candidate) throw new Error(`no candidate ${speaker}`);
  return SPEAKER_FEATURES.filter((_, j) => (candidate.features[j] ?? 0) >= 0.5);
}

/** A model that weighs only the named features. */
function modelOf(
  weights: Partial<Record<SpeakerFeature, number>>,
  covers: SpeakerModel['covers'],
): SpeakerModel {
  return {
    features: [...SPEAKER_FEATURES],
    weights: SPEAKER_FEATURES.map((name) => weights[name] ?? 0),
    bias: 0,
    covers,
  };
}

const TWO_PEOPLE = [
  'Transport minister Maria Okafor met Daniel Brooks, the union leader, on Monday.',
  '"We have a plan that keeps every train running through the winter," Okafor said.',
  'Brooks was not convinced. "Nobody has shown us a single page of that plan yet," he told reporters.',
].join('\n\n');

describe('the candidates of a quote and their features', () => {
  it('offers the people named near the quote, each in the form the analysis prints', () => {
    const { quotes, found } = readBody(TWO_PEOPLE);
    expect(quotes.map((q) => q.speaker)).toEqual(['Maria Okafor', 'Daniel Brooks']);
    expect(found[0]?.candidates.map((c) => c.speaker).sort()).toEqual(['Daniel Brooks', 'Maria Okafor']);
    expect(found[0]?.candidates.every((c) => c.features.length === SPEAKER_FEATURES.length)).toBe(true);
  });

  it('sees the name in the attribution after the quote, next to its verb, and the rules choosing it', () => {
    const { found } = readBody(TWO_PEOPLE);
    const okafor = onFor(found[0], 'Maria Okafor');
    expect(okafor).toEqual(
      expect.arrayContaining([
        'rules',
        'rulesAttributed',
        'inClauseAfter',
        'verbNextTo',
        'person',
        'hasRole',
      ]),
    );
    const brooks = onFor(found[0], 'Daniel Brooks');
    expect(brooks).not.toContain('inClauseAfter');
    expect(brooks).not.toContain('rules');
  });

  it('sees a pronoun attribution: the subject of the sentence before it, the one who spoke last', () => {
    const { found } = readBody(TWO_PEOPLE);
    const brooks = onFor(found[1], 'Daniel Brooks');
    expect(brooks).toEqual(
      expect.arrayContaining(['rules', 'sentenceSubject', 'latestMention', 'sameParagraph']),
    );
    // "he told reporters" names no one: the rules' choice is not in the attribution.
    expect(brooks).not.toContain('rulesAttributed');
    const okafor = onFor(found[1], 'Maria Okafor');
    expect(okafor).toEqual(expect.arrayContaining(['previousQuoteSpeaker', 'latestSpeaking']));
    expect(okafor).not.toContain('sameParagraph');
    // The text never says which pronoun is hers: no agreement either way.
    expect(okafor).not.toContain('pronounDisagrees');
  });

  it('sees a pronoun that does not fit the one the text calls "she"', () => {
    const body = [
      'Grace Mensah, a senior judge, said she would rule soon. Tom Reyes, a lawyer, said he disagreed.',
      '"We will appeal against every part of this ruling next week," he said.',
    ].join('\n\n');
    const { found } = readBody(body);
    expect(onFor(found[0], 'Grace Mensah')).toContain('pronounDisagrees');
    expect(onFor(found[0], 'Tom Reyes')).toContain('pronounAgrees');
    expect(onFor(found[0], 'Tom Reyes')).not.toContain('pronounDisagrees');
  });

  it('sees the owner of a role in the attribution, who is not the one speaking', () => {
    const body = [
      'Tom Reyes lost his case on Monday.',
      '"We will appeal against every part of this ruling next week," Reyes’s lawyer Ana Ruiz said.',
    ].join('\n\n');
    const { found } = readBody(body);
    expect(onFor(found[0], 'Tom Reyes')).toEqual(expect.arrayContaining(['inClauseAfter', 'possessive']));
    expect(onFor(found[0], 'Ana Ruiz')).toEqual(expect.arrayContaining(['inClauseAfter', 'verbNextTo']));
    expect(onFor(found[0], 'Ana Ruiz')).not.toContain('possessive');
  });

  it('offers an organisation the rules gave as the speaker, as an organisation', () => {
    const body = '"The launch window opens again in three weeks at the earliest," NASA said in a statement.';
    const { quotes, found } = readBody(body);
    expect(quotes[0]?.speaker).toBe('NASA');
    expect(onFor(found[0], 'NASA')).toEqual(
      expect.arrayContaining(['rules', 'organisation', 'inClauseAfter']),
    );
  });

  it('gives no candidates, and so keeps the rules, where there are no quotes', () => {
    const { found } = readBody('A plain paragraph with no quote in it at all, about Maria Okafor.');
    expect(found).toEqual([]);
  });
});

describe('the learnt chooser (measured, not adopted)', () => {
  it('is off: the analysis gives the rules’ speakers', () => {
    expect(SPEAKER_MODEL_ON).toBe(false);
    expect(analyzeBody(TWO_PEOPLE, '2025-03-03').quotes.map((q) => q.speaker)).toEqual([
      'Maria Okafor',
      'Daniel Brooks',
    ]);
  });

  it('picks the candidate with the highest score, ties going to the rules’ choice', () => {
    const { found } = readBody(TWO_PEOPLE);
    const byPronoun = modelOf({ sentenceSubject: 5 }, 'all');
    expect(pickSpeaker('Daniel Brooks', found[1] ?? { candidates: [] }, byPronoun)).toBe('Daniel Brooks');
    const wrong = modelOf({ rules: -5 }, 'all');
    expect(pickSpeaker('Daniel Brooks', found[1] ?? { candidates: [] }, wrong)).toBe('Maria Okafor');
    const flat = modelOf({}, 'all');
    expect(pickSpeaker('Daniel Brooks', found[1] ?? { candidates: [] }, flat)).toBe('Daniel Brooks');
  });

  it('leaves a speaker named in the quote’s own attribution alone when it covers only the unsure', () => {
    const { found } = readBody(TWO_PEOPLE);
    const contrary = modelOf({ rules: -5 }, 'unsure');
    // "Okafor said": named in the attribution, kept; "he told reporters": the model decides.
    expect(pickSpeaker('Maria Okafor', found[0] ?? { candidates: [] }, contrary)).toBe('Maria Okafor');
    expect(pickSpeaker('Daniel Brooks', found[1] ?? { candidates: [] }, contrary)).toBe('Maria Okafor');
  });

  it('gives a changed speaker its own role, and keeps quotes it cannot place', () => {
    const { paragraphs, people, quotes } = readBody(TWO_PEOPLE);
    const chosen = chooseSpeakers(quotes, paragraphs, people, modelOf({ rules: -5 }, 'all'));
    expect(chosen.map((q) => [q.speaker, q.role])).toEqual([
      ['Daniel Brooks', 'union leader'],
      ['Maria Okafor', 'Transport minister'],
    ]);
    const unplaced = [{ text: 'words that are nowhere in the text', speaker: 'X', role: null }];
    expect(chooseSpeakers(unplaced, paragraphs, people, modelOf({ rules: -5 }, 'all'))).toEqual(unplaced);
  });

  it('scores a candidate as the bias plus the weights of its features', () => {
    const model = { ...modelOf({ rules: 2, person: 0.5 }, 'all'), bias: -1 };
    const x = SPEAKER_FEATURES.map((name) => (name === 'rules' || name === 'person' ? 1 : 0));
    expect(scoreCandidate(x, model)).toBeCloseTo(1.5, 10);
  });

  it('loads the committed model, which covers the unsure quotes without the rules as a feature', () => {
    const model = committedSpeakerModel();
    expect(model.features).toEqual([...SPEAKER_FEATURES]);
    expect(model.covers).toBe('unsure');
    expect(model.weights[SPEAKER_FEATURES.indexOf('rules')]).toBe(0);
  });

  it('refuses a model file whose features, weights or variant are not the ones computed', () => {
    const good = modelOf({}, 'all');
    expect(() => checkSpeakerModel({ ...good, features: ['rules'] })).toThrow(/features rules are not/);
    expect(() => checkSpeakerModel({ ...good, weights: [1] })).toThrow(/one finite weight per feature/);
    expect(() => checkSpeakerModel({ ...good, bias: Number.NaN })).toThrow(/bias/);
    expect(() => checkSpeakerModel({ ...good, covers: 'some' })).toThrow(/covers some/);
  });
});

const FIXTURES = new URL('../fixtures/eval/', import.meta.url);

describe('the training', () => {
  it('writes the same model file twice from the same folders, with counts and no article text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'speaker-model-'));
    try {
      const a = join(dir, 'a');
      const b = join(dir, 'b');
      mkdirSync(a);
      mkdirSync(b);
      for (const [to, name] of [
        [a, '01-andes-water-talks'],
        [a, '02-arctic-summit-reykjavik'],
        [b, '03-asean-port-strike'],
        [b, '04-baltic-ferry-dispute'],
      ] as const) {
        for (const ext of ['.gold.json', '.md']) {
          const from = new URL(`${name}${ext}`, FIXTURES);
          if (existsSync(from)) copyFileSync(from, join(to, `${name}${ext}`));
        }
      }
      const first = trainSpeakerModel([a, b], []).text;
      expect(trainSpeakerModel([a, b], []).text).toBe(first);
      const file = JSON.parse(first) as {
        features: string[];
        weights: number[];
        covers: string;
        trainedOn: Array<{ set: string; quotes: number }>;
        validation: { variants: Array<{ covers: string }> };
      };
      expect(file.features).toEqual([...SPEAKER_FEATURES]);
      expect(file.weights.every(Number.isFinite)).toBe(true);
      expect(['unsure', 'general']).toContain(file.covers);
      expect(file.validation.variants.map((v) => v.covers)).toEqual(['unsure', 'general', 'all']);
      // Only names and numbers of sets: no sentence of any article.
      const text = readFileSync(join(a, '01-andes-water-talks.md'), 'utf8');
      const sentence = text.split('\n').find((line) => line.length > 60) ?? 'unlikely';
      expect(first).not.toContain(sentence.slice(0, 40));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to train on a folder whose texts are missing, and leaves the model file alone', () => {
    withFoldMissingTexts((fold, out) => {
      expect(trainMain(['--fold', fold, '--out', out])).toBe(1);
      expect(existsSync(out)).toBe(false);
    });
  });

  it('refuses an unknown argument and an empty set of folders', () => {
    expect(trainMain(['--bogus'])).toBe(2);
    expect(trainMain([])).toBe(2);
  });
});
