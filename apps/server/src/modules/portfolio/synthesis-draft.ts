import { dayOfInstant } from '../../domain/days.ts';
import { type DocLang, documentTexts } from './document-texts.ts';
import { type CompetencyLevel, type Framework, levelRank, type Phase, semesterQuota } from './framework.ts';

// The first text of an end-of-phase synthesis, drawn from the records (Markdown): per trace type
// the traces validated in the phase against what its semesters expect, their titles, per
// competency the latest level recorded against what the phase expects, and an empty plan for the
// tutor to write. Pure: the records come in, the text goes out.

export interface DraftInput {
  framework: Framework;
  phase: Phase;
  lang: DocLang;
  zone: string;
  names: { resident: string; tutor: string | null; programme: string };
  /** The resident's traces of the phase. */
  traces: Array<{
    type_id: string;
    title: string;
    period: string;
    state: string;
    validated_at: string | null;
  }>;
  /** Every level recorded for the resident, oldest first. */
  ratings: Array<{ competency_id: string; level: string; rated_at: string }>;
}

/** How many traces of a type the whole phase expects: its per-semester quotas added up. */
export function phaseQuota(framework: Framework, phase: Phase, typeId: string): number {
  const type = framework.traceTypes.find((t) => t.id === typeId);
  if (!type) return 0;
  let total = 0;
  for (let i = 0; i < phase.semesters; i++) total += semesterQuota(type, phase, i);
  return total;
}

/** The latest level recorded for each competency. */
export function latestLevels(ratings: DraftInput['ratings']) {
  const latest = new Map<string, { level: CompetencyLevel; at: string }>();
  for (const r of ratings) {
    const seen = latest.get(r.competency_id);
    if (!seen || seen.at <= r.rated_at)
      latest.set(r.competency_id, { level: r.level as CompetencyLevel, at: r.rated_at });
  }
  return latest;
}

export function synthesisDraft(input: DraftInput): string {
  const { framework, phase, lang, zone, names } = input;
  const t = documentTexts(lang);
  const validated = input.traces
    .filter((x) => x.state === 'validated')
    .sort((a, b) => (a.validated_at ?? '').localeCompare(b.validated_at ?? ''));
  const label = (typeId: string) => framework.traceTypes.find((x) => x.id === typeId)?.label ?? typeId;
  const lines = [`# ${t('draft.title', { phase: phase.label })}`, ''];
  lines.push(
    t('draft.people', {
      resident: names.resident,
      tutor: names.tutor ?? t('draft.nobody'),
      programme: names.programme,
    }),
    '',
  );
  lines.push(`## ${t('draft.traces')}`, '');
  for (const type of framework.traceTypes) {
    const count = phaseQuota(framework, phase, type.id);
    const done = validated.filter((x) => x.type_id === type.id).length;
    if (count === 0 && done === 0) continue;
    lines.push(
      `- ${t('draft.quota', {
        type: type.label,
        validated: t('draft.validated', { count: done }),
        expected: t('draft.expected', { count }),
      })}`,
    );
  }
  lines.push('', `### ${t('draft.titles')}`, '');
  if (validated.length === 0) lines.push(t('draft.noTrace'));
  for (const x of validated)
    lines.push(`- ${t('draft.titleLine', { title: x.title, type: label(x.type_id), period: x.period })}`);
  lines.push('', `## ${t('draft.competencies')}`, '');
  const latest = latestLevels(input.ratings);
  for (const c of framework.competencies) {
    const expected = c.expectations[phase.id];
    const expectedWord = expected ? t(`level.${expected.level}`) : '—';
    const seen = latest.get(c.id);
    if (!seen) {
      lines.push(`- ${t('draft.unrated', { competency: c.label, expected: expectedWord })}`);
      continue;
    }
    const reached = expected && levelRank[seen.level] >= levelRank[expected.level] ? t('draft.reached') : '';
    lines.push(
      `- ${t('draft.rated', {
        competency: c.label,
        level: t(`level.${seen.level}`),
        date: dayOfInstant(seen.at, zone, lang),
        expected: expectedWord,
      })}${reached}`,
    );
  }
  lines.push('', `## ${t('draft.plan')}`, '', '');
  return lines.join('\n');
}
