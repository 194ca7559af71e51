import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkModel, committedModel, scoreFeatures, scoreMentions } from '../../bench/event-model.ts';
import { trainEventModel, main as trainMain } from '../../bench/train-event-model.ts';
import { cleanBody } from '../../src/analyze/clean.ts';
import { CALENDAR_CONFIDENCE } from '../../src/analyze/event-confidence.ts';
import { FEATURE_NAMES, type Features, noFeatures } from '../../src/analyze/event-features.ts';
import { readEvents } from '../../src/analyze/events.ts';
import { buildPeopleIndex } from '../../src/analyze/people.ts';
import { analyzeBody } from './analyze-body.ts';
import { withFoldMissingTexts } from './training-folds.ts';

// 2025-03-03 is a Monday.
const MONDAY = '2025-03-03';

/** The features of each mention of each event read from `body`, by event date. */
function featuresOf(body: string, published = MONDAY): Array<{ date: string; features: Features[] }> {
  const { paragraphs } = cleanBody(body, 'T');
  return readEvents(paragraphs, published, buildPeopleIndex(paragraphs)).map((r) => ({
    date: r.event.date,
    features: r.features,
  }));
}

/** The names of the features set for the first mention of the event on `date`. */
function onFor(body: string, date: string, published = MONDAY): string[] {
  const features = featuresOf(body, published).find((e) => e.date === date)?.features[0];
  if (!features) throw new Error(`no event on ${date}`);
  return FEATURE_NAMES.filter((name) => features[name] === 1);
}

describe('the features of a dated mention', () => {
  it('sees a written date, scheduling wording, "will" before the date and the distance ahead', () => {
    const on = onFor('The summit will be held on March 20 in Geneva.', '2025-03-20');
    expect(on).toEqual(
      expect.arrayContaining(['writtenDate', 'named', 'scheduling', 'willBefore', 'withinMonth']),
    );
    expect(on).not.toContain('doubt');
    expect(on).not.toContain('alternative');
  });

  it('sees two days offered for one thing and the hedge', () => {
    const on = onFor('The second summit could take place on March 20 or March 27.', '2025-03-20');
    expect(on).toEqual(expect.arrayContaining(['alternative', 'doubt', 'twoDates']));
  });

  it('sees a weekday alone told without any word of what is to come', () => {
    expect(onFor('Headlining the festival Thursday is singer Mara Voss.', '2025-03-06')).toEqual(
      expect.arrayContaining(['weekdayOnly', 'weekdayUntold', 'withinWeek']),
    );
  });

  it('sees quoted speech and reporting', () => {
    const on = onFor('"We will be back in court on March 4," the lawyer said.', '2025-03-04');
    expect(on).toEqual(expect.arrayContaining(['quoted', 'reported', 'withinWeek']));
  });

  it('sees "today" on the publication day', () => {
    expect(onFor('The court will hear the case today.', MONDAY)).toEqual(
      expect.arrayContaining(['relativeDay', 'sameDay']),
    );
  });

  it('sees a past verb and two dates in the sentence', () => {
    const on = onFor('The lawyer said on Monday that the court had met on March 8.', '2025-03-08');
    expect(on).toEqual(expect.arrayContaining(['pastTense', 'reported', 'twoDates']));
  });

  it('sees a chained date and the first paragraph', () => {
    const body = 'The hearing will be held on March 10.\n\nThe verdict is expected the following day.';
    expect(onFor(body, '2025-03-10')).toContain('firstParagraph');
    expect(onFor(body, '2025-03-11')).toEqual(expect.arrayContaining(['chained', 'lastParagraph']));
  });

  it('marks an entry read from a schedule as such', () => {
    const body = 'Half Year Results Announcement\n\nThursday, 6 March 2025';
    expect(onFor(body, '2025-03-06')).toEqual(expect.arrayContaining(['schedule', 'named']));
  });

  it('keeps every mention of an event told twice', () => {
    const body = 'The vote will be held on March 12.\n\nThe March 12 vote is the first since 2019.';
    expect(featuresOf(body).find((e) => e.date === '2025-03-12')?.features).toHaveLength(2);
  });
});

describe('the learnt confidence (measured, not adopted)', () => {
  const model = committedModel();
  const rate = (mentions: Features[]) => scoreMentions(mentions, model);
  const announced = featuresOf('The summit will be held on March 20 in Geneva.')[0]?.features ?? [];
  const doubtful =
    featuresOf('The second summit could take place on March 20 or March 27.')[0]?.features ?? [];
  const past = featuresOf('The lawyer said on Monday that the court had met on March 8.')[0]?.features ?? [];

  it('ranks an announced date above a doubtful one and a past one', () => {
    expect(rate(announced)).toBeGreaterThan(rate(doubtful));
    expect(rate(announced)).toBeGreaterThan(rate(past));
  });

  it('scores a mention as the logistic of the bias plus the weights of the features set', () => {
    const weights = FEATURE_NAMES.map((name) =>
      name === 'alternative' ? -3 : name === 'writtenDate' ? 1 : 0,
    );
    const handSet = checkModel({
      features: [...FEATURE_NAMES],
      weights,
      bias: 1,
      threshold: 0.5,
      covers: 'all',
    });
    // The doubtful mention has both a written date and an alternative: 1 + 1 - 3 = -1.
    expect(scoreFeatures(doubtful[0] ?? noFeatures(), handSet)).toBeCloseTo(1 / (1 + Math.exp(1)), 10);
    expect(scoreFeatures(noFeatures(), handSet)).toBeCloseTo(1 / (1 + Math.exp(-1)), 10);
  });

  it('rates an event by its surest mention, to two decimals', () => {
    const both = [...doubtful, ...announced];
    expect(rate(both)).toBe(rate(announced));
    expect(rate(both)).toBe(Math.round(Math.max(...both.map((f) => scoreFeatures(f, model))) * 100) / 100);
  });

  it("leaves the analysis on the rules: an event's confidence is the rules' one", () => {
    const event = analyzeBody('The second summit could take place on March 20 or March 27.', MONDAY)
      .events[0];
    expect(event?.confidence).toBe(0.55);
    expect(event?.confidence).toBeLessThan(CALENDAR_CONFIDENCE);
  });

  it('refuses a model file whose features are not the ones computed', () => {
    expect(model.features).toEqual([...FEATURE_NAMES]);
    expect(() => checkModel({ ...model, features: model.features.slice(1) })).toThrow(/features/);
    expect(() => checkModel({ ...model, weights: [...model.weights.slice(1), Number.NaN] })).toThrow(
      /weight/,
    );
    expect(() => checkModel({ ...model, threshold: 1.5 })).toThrow(/threshold/);
    expect(() => checkModel({ ...model, covers: 'some' })).toThrow(/covers/);
  });
});

describe('the training', () => {
  it('writes the same model file twice from the same folders, with counts and no article text', () => {
    const dir = new URL('../fixtures/eval/', import.meta.url).pathname;
    const first = trainEventModel([], [dir]).text;
    const second = trainEventModel([], [dir]).text;
    expect(second).toBe(first);
    const file = JSON.parse(first) as {
      features: string[];
      weights: number[];
      trainedOn: Array<{ set: string; articles: number; events: number; matched: number }>;
    };
    expect(file.features).toEqual([...FEATURE_NAMES]);
    expect(file.weights.every(Number.isFinite)).toBe(true);
    expect(file.trainedOn[0]?.set).toBe('eval');
    expect(file.trainedOn[0]?.articles).toBeGreaterThan(100);
    expect(file.trainedOn[0]?.matched).toBeLessThanOrEqual(file.trainedOn[0]?.events ?? 0);
    // Only names and numbers: no sentence of any article.
    expect(first).not.toMatch(/ said /);
  });
});

describe('the training command', () => {
  it('refuses to train on a folder whose texts are missing, and leaves the model file alone', () => {
    withFoldMissingTexts((fold, out) => {
      expect(trainMain(['--fold', fold, '--out', out])).toBe(1);
      expect(existsSync(out)).toBe(false);
    });
  });

  it('refuses an unknown argument and an empty set of folders', () => {
    expect(trainMain(['--folds', 'x'])).toBe(2);
    expect(trainMain([])).toBe(2);
  });
});
