import { z } from 'zod';
import { readJson } from '../../db/json.ts';
import { MIN_AGGREGATE } from '../../policy/confidentiality.ts';

/** A mean over at least MIN_AGGREGATE answers, one decimal; withheld (null) under that. */
export function meanOrWithheld(values: number[]) {
  if (values.length < MIN_AGGREGATE) return { answers: values.length, mean: null, shown: false };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { answers: values.length, mean: Math.round(mean * 10) / 10, shown: true };
}

const scales = z.record(z.string(), z.number());

/**
 * Each quantitative question's mean over the submitted reviews given (every review counts, shared
 * or not, erased or not), withheld under MIN_AGGREGATE answers to that question.
 */
export function scaleAggregates(rows: { scales: string }[], ids: readonly string[]) {
  const read = rows.map((r) => readJson(scales, r.scales, 'end_reviews.scales'));
  return ids.map((id) => ({
    id,
    ...meanOrWithheld(read.flatMap((s) => (typeof s[id] === 'number' ? [s[id] as number] : []))),
  }));
}
