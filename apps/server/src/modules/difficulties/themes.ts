import type { Db } from '../../db/index.ts';
import type { Lang } from '../../notify/templates.ts';
import { MIN_AGGREGATE } from '../../policy/confidentiality.ts';
import { type DifficultyCategory, difficultyCategories } from './schema.ts';
import { categoryLabel, difficultyTexts } from './texts.ts';

/** A theme of the yearly review: a category and how many systemic difficulties raised it, if at least MIN_AGGREGATE. */
export interface Theme {
  category: DifficultyCategory;
  /** Null when fewer than MIN_AGGREGATE difficulties (none included): "fewer than 5". */
  count: number | null;
}

/**
 * The systemic difficulties raised in a programme during a period, counted by category — the themes
 * the yearly review reports. A category raised by fewer than MIN_AGGREGATE difficulties (none
 * included) is shown as "fewer than 5", and no total is given, so a withheld count cannot be
 * worked out from the others. Individual difficulties are never counted here. The copies other
 * organisations forwarded to the programme's organisation (an association's national level hears of
 * its local sections' problems this way) count with them, from the day they arrived.
 */
export async function difficultyThemes(db: Db, programmeId: string, start: string, end: string) {
  const orgOfProgramme = db.selectFrom('programmes').select('org_id').where('id', '=', programmeId);
  const rows = await db
    .selectFrom('difficulties')
    .select(['category', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) =>
      eb.or([
        eb('programme_id', '=', programmeId),
        eb.and([
          eb('programme_id', 'is', null),
          eb('source_id', 'is not', null),
          eb('org_id', 'in', orgOfProgramme),
        ]),
      ]),
    )
    .where('scope', '=', 'systemic')
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .groupBy('category')
    .execute();
  const counts = new Map(rows.map((r) => [r.category, Number(r.n)]));
  return {
    minimum: MIN_AGGREGATE,
    // A request for help about one's pair is always individual: it is no theme of the review.
    themes: difficultyCategories
      .filter((c) => c !== 'pair')
      .map((category): Theme => {
        const n = counts.get(category) ?? 0;
        return { category, count: n >= MIN_AGGREGATE ? n : null };
      }),
  };
}
export type Themes = Awaited<ReturnType<typeof difficultyThemes>>;

/** The review's section title and each theme's line, for the CSV and the PDF. */
export function themeLines(t: Themes, lang: Lang) {
  const say = difficultyTexts(lang);
  const fewer = say('themes.fewer', { minimum: t.minimum });
  return {
    title: say('themes.title'),
    note: say('themes.note', { minimum: t.minimum }),
    lines: t.themes.map((x) => ({
      label: categoryLabel(x.category, lang),
      value: x.count === null ? fewer : x.count,
    })),
  };
}
