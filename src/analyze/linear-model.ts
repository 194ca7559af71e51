/**
 * What the two learnt models (the calendar confidence in bench/event-model.ts and the speaker
 * chooser in speaker-model.ts) share: one weight per named feature and a bias, checked the same
 * way and scored the same way.
 */

/** One weight per named feature, and a bias. */
export interface LinearWeights {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
}

/** Throws `LABEL: ...` unless the model names exactly `names`, in order, with one finite weight each. */
export function checkLinearWeights(label: string, model: LinearWeights, names: readonly string[]): void {
  const expected = names.join(',');
  if (model.features.join(',') !== expected)
    throw new Error(`${label}: features ${model.features.join(',')} are not ${expected}`);
  if (model.weights.length !== names.length || !model.weights.every(Number.isFinite))
    throw new Error(`${label}: one finite weight per feature expected`);
}

/** The linear score (log-odds): bias + Σ weight × value, summed in feature order. */
export function linearScore(values: readonly number[], model: LinearWeights): number {
  let z = model.bias;
  for (let j = 0; j < values.length; j++) z += (model.weights[j] ?? 0) * (values[j] ?? 0);
  return z;
}
