import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { wellbeingTexts } from './texts.ts';
import type { Lang } from './who5.ts';

/**
 * The questions a programme adds to the WHO-5: three presets (workload, nights on call, a word for
 * the tutor), which the programme may drop, and questions of its own (the association's opinion
 * question, say). A preset has no label of its own: it is worded in the reader's language. A
 * question may name an answer that signals distress, as a low WHO-5 score does.
 */
export const presets = ['workload', 'nights', 'note'] as const;
export type Preset = (typeof presets)[number];

export const questionSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .refine((id) => !id.startsWith('who5'), { message: 'reserved' }),
  preset: z.enum(presets).nullable(),
  kind: z.enum(['scale', 'number', 'text', 'yesno']),
  label: z.string().trim().min(3).max(200).nullable(),
  /** The answer that signals distress: 'yes'/'no' for a yes-or-no question, '4' for the top of the scale. */
  distressAnswer: z.string().max(10).nullable(),
});
export type Question = z.infer<typeof questionSchema>;

export const questionsSchema = z
  .array(questionSchema)
  .max(8)
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, { message: 'duplicate id' })
  .refine((qs) => qs.every((q) => q.preset !== null || q.label !== null), { message: 'label required' });

export const defaultQuestions: Question[] = [
  { id: 'workload', preset: 'workload', kind: 'scale', label: null, distressAnswer: '4' },
  { id: 'nights', preset: 'nights', kind: 'number', label: null, distressAnswer: null },
  { id: 'note', preset: 'note', kind: 'text', label: null, distressAnswer: null },
];

/** The five steps of the workload scale, from 0 (light) to 4 (unbearable). */
const scaleOf = (lang: Lang) =>
  wellbeingTexts(lang)('workload', { returnObjects: true }) as unknown as string[];
export const workloadScale = { fr: scaleOf('fr'), en: scaleOf('en') };

/** A question as the tutee reads it. */
export function wordQuestion(q: Question, lang: Lang, tutor: string) {
  // A preset is worded in the reader's language: "qu’Arthur sache", "que votre mentor·e sache".
  const label = q.preset ? wellbeingTexts(lang)(`question.${q.preset}`, { tutor }) : (q.label as string);
  return {
    id: q.id,
    kind: q.kind,
    label,
    scale:
      q.kind === 'scale'
        ? workloadScale[lang].map((l, value) => ({
            value,
            label: q.preset === 'workload' ? l : String(value),
          }))
        : null,
  };
}

export interface CheckinSettings {
  questions: Question[];
  news: string | null;
  updatedAt: string | null;
}

/** A programme's questions and news: its own when saved, the presets otherwise. */
export async function checkinSettingsOf(db: Db, programmeId: string): Promise<CheckinSettings> {
  const row = await db
    .selectFrom('checkin_settings')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  if (!row) return { questions: defaultQuestions, news: null, updatedAt: null };
  return {
    questions: readJson(questionsSchema, row.questions, 'checkin_settings.questions'),
    news: row.news,
    updatedAt: row.updated_at,
  };
}

export async function saveCheckinSettings(
  db: Db,
  programmeId: string,
  s: { questions: Question[]; news: string | null },
  by: string,
  now: Date,
): Promise<void> {
  const values = {
    questions: JSON.stringify(s.questions),
    news: s.news?.trim() || null,
    updated_at: now.toISOString(),
    updated_by: by,
  };
  const done = await db
    .updateTable('checkin_settings')
    .set(values)
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0)
    await db
      .insertInto('checkin_settings')
      .values({ programme_id: programmeId, ...values })
      .execute();
}

/** Whether an answer to a programme question signals distress. */
export const signalsDistress = (q: Question, value: string) =>
  q.distressAnswer !== null && q.distressAnswer === value;

/** Checks an answer's shape against its question; null when it does not fit. */
export function readAnswer(q: Question, value: string): string | null {
  const v = value.trim();
  if (q.kind === 'text') return v.length <= 2000 ? v : null;
  if (q.kind === 'yesno') return v === 'yes' || v === 'no' ? v : null;
  if (!/^\d{1,2}$/.test(v)) return null;
  const n = Number(v);
  if (q.kind === 'scale') return n <= 4 ? String(n) : null;
  return n <= 31 ? String(n) : null;
}
