import { z } from 'zod';

/**
 * A programme's portfolio framework: its phases (which DES years each covers), the trace types
 * with the number expected per semester or per phase, the competencies with what each phase
 * expects, and the pace of reviews. Data the department edits; seeded for the DES of general
 * medicine (socle, approfondissement, consolidation; the six competencies of the specialty).
 */

export const competencyLevels = ['novice', 'intermediate', 'competent'] as const;
export type CompetencyLevel = (typeof competencyLevels)[number];
export const levelRank: Record<CompetencyLevel, number> = { novice: 1, intermediate: 2, competent: 3 };

const id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes');
const label = z.string().trim().min(1).max(120);

export const phaseSchema = z.object({
  id,
  label,
  /** The DES years of a resident in this phase (org_members.des_year). */
  desYears: z.array(z.number().int().min(1).max(6)).min(1),
  /** How many semesters the phase lasts: a per-phase quota is spread over them. */
  semesters: z.number().int().min(1).max(12),
});

export const quotaSchema = z.object({
  count: z.number().int().min(0).max(30),
  per: z.enum(['semester', 'phase']),
});

export const traceTypeSchema = z.object({
  id,
  label,
  /** Offered as the starting text of a new trace (Markdown headings), or none. */
  template: z.string().max(5000).nullable(),
  /** Whether the trace names a family of situations. */
  byFamily: z.boolean(),
  /** Phase id → number expected. A phase missing here expects none. */
  quotas: z.record(z.string(), quotaSchema),
});

export const competencySchema = z.object({
  id,
  label,
  /** Phase id → the level expected at the end of the phase and what it looks like. */
  expectations: z.record(
    z.string(),
    z.object({ level: z.enum(competencyLevels), text: z.string().trim().max(1000) }),
  ),
});

export const frameworkSchema = z
  .object({
    phases: z.array(phaseSchema).min(1).max(8),
    traceTypes: z.array(traceTypeSchema).min(1).max(20),
    competencies: z.array(competencySchema).min(1).max(12),
    families: z.array(label).max(30),
    /** The most reviews a tutor is asked for in one week; the others wait for the next weeks. */
    weeklyReviewCap: z.number().int().min(1).max(20),
    /** Days before a due date the resident is reminded. */
    nudgeDaysBefore: z.number().int().min(1).max(30),
    /** Days a tutor's review link stays valid. */
    reviewLinkDays: z.number().int().min(3).max(60),
  })
  .superRefine((f, ctx) => {
    const phaseIds = new Set(f.phases.map((p) => p.id));
    const unique = (ids: string[], path: string) => {
      if (new Set(ids).size !== ids.length)
        ctx.addIssue({ code: 'custom', path: [path], message: 'duplicate id' });
    };
    unique(
      f.phases.map((p) => p.id),
      'phases',
    );
    unique(
      f.traceTypes.map((t) => t.id),
      'traceTypes',
    );
    unique(
      f.competencies.map((c) => c.id),
      'competencies',
    );
    const years = f.phases.flatMap((p) => p.desYears);
    if (new Set(years).size !== years.length)
      ctx.addIssue({ code: 'custom', path: ['phases'], message: 'a DES year belongs to one phase only' });
    for (const [i, t] of f.traceTypes.entries())
      for (const p of Object.keys(t.quotas))
        if (!phaseIds.has(p))
          ctx.addIssue({ code: 'custom', path: ['traceTypes', i, 'quotas', p], message: 'unknown phase' });
    for (const [i, c] of f.competencies.entries())
      for (const p of Object.keys(c.expectations))
        if (!phaseIds.has(p))
          ctx.addIssue({
            code: 'custom',
            path: ['competencies', i, 'expectations', p],
            message: 'unknown phase',
          });
  });
export type Framework = z.infer<typeof frameworkSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type TraceType = z.infer<typeof traceTypeSchema>;

/** The phase of a resident in their DES year, or null (no year known, or outside every phase). */
export function phaseOf(framework: Framework, desYear: number | null): Phase | null {
  if (desYear == null) return null;
  return framework.phases.find((p) => p.desYears.includes(desYear)) ?? null;
}

/**
 * How many traces of a type a resident owes in one semester of a phase: a per-phase quota is
 * spread over the phase's semesters, the first semesters taking the remainder (3 over 2 semesters:
 * 2 then 1). `semesterIndex` counts from 0 within the phase.
 */
export function semesterQuota(type: TraceType, phase: Phase, semesterIndex: number): number {
  const quota = type.quotas[phase.id];
  if (!quota || quota.count === 0) return 0;
  if (quota.per === 'semester') return quota.count;
  const base = Math.floor(quota.count / phase.semesters);
  const remainder = quota.count % phase.semesters;
  return base + (semesterIndex < remainder ? 1 : 0);
}

const rscaTemplate = [
  '## Situation',
  'Ce qui s’est passé, avec qui, où : le récit au plus près des faits.',
  '',
  '## Ce qui a fait problème',
  'Les questions que la situation m’a posées, et pourquoi elle était complexe.',
  '',
  '## Ce que j’ai appris (recherche documentaire)',
  'Les sources lues, les réponses trouvées.',
  '',
  '## Ce que je ferais autrement',
  '',
  '## Compétences mobilisées',
  '',
].join('\n');

const traceTemplate = [
  '## Situation',
  '',
  '## Ce que j’en retiens',
  '',
  '## Ce qu’il me reste à apprendre',
  '',
].join('\n');

const perSemester = (count: number) => ({ count, per: 'semester' as const });

/** The DES of general medicine, as the Nice department organises it (seed 003), in our words. */
export const desFramework: Framework = {
  phases: [
    { id: 'socle', label: 'Phase socle (DES1)', desYears: [1], semesters: 2 },
    { id: 'approfondissement', label: 'Phase d’approfondissement (DES2–3)', desYears: [2, 3], semesters: 4 },
    { id: 'consolidation', label: 'Phase de consolidation (docteur junior)', desYears: [4], semesters: 2 },
  ],
  traceTypes: [
    {
      id: 'rsca',
      label: 'RSCA (récit de situation complexe authentique)',
      template: rscaTemplate,
      byFamily: false,
      quotas: { socle: perSemester(1), approfondissement: perSemester(1), consolidation: perSemester(1) },
    },
    {
      id: 'trace',
      label: 'Trace d’apprentissage',
      template: traceTemplate,
      byFamily: true,
      quotas: { socle: perSemester(2), approfondissement: perSemester(2), consolidation: perSemester(1) },
    },
    {
      id: 'progress',
      label: 'Rapport de progression',
      template: null,
      byFamily: false,
      quotas: { socle: perSemester(1), approfondissement: perSemester(1), consolidation: perSemester(1) },
    },
    {
      id: 'self-evaluation',
      label: 'Grille d’autoévaluation',
      template: null,
      byFamily: false,
      quotas: { socle: perSemester(1), approfondissement: perSemester(1), consolidation: perSemester(1) },
    },
    {
      id: 'complementary',
      label: 'Validation d’apprentissages complémentaires',
      template: null,
      byFamily: false,
      quotas: {
        socle: { count: 1, per: 'phase' },
        approfondissement: { count: 2, per: 'phase' },
        consolidation: { count: 1, per: 'phase' },
      },
    },
  ],
  competencies: [
    competency('premier-recours', 'Premier recours, urgences', [
      'Prend en charge les plaintes fréquentes et repère l’urgence, avec l’aide du senior.',
      'Gère seul·e la plupart des demandes de soins non programmées et sait quand adresser.',
      'Assume le premier recours et l’urgence en autonomie, y compris dans l’incertitude.',
    ]),
    competency('relation', 'Relation, communication, approche centrée patient', [
      'Mène un entretien structuré et écoute la demande du patient.',
      'Adapte sa communication au patient et à son entourage, y compris dans les situations difficiles.',
      'Construit avec le patient une décision partagée, annonce et négocie avec aisance.',
    ]),
    competency('approche-globale', 'Approche globale, prise en compte de la complexité', [
      'Repère les dimensions biomédicales, psychologiques et sociales d’une situation.',
      'Articule ces dimensions dans ses décisions et hiérarchise les problèmes.',
      'Gère des situations complexes et incertaines en tenant compte du contexte de vie.',
    ]),
    competency('education', 'Éducation, prévention, dépistage, santé individuelle et communautaire', [
      'Connaît les actions de prévention et de dépistage recommandées.',
      'Les intègre dans ses consultations et accompagne l’éducation thérapeutique.',
      'Mène une démarche de prévention adaptée à sa patientèle et à son territoire.',
    ]),
    competency('continuite', 'Continuité, suivi, coordination des soins', [
      'Transmet les informations utiles et connaît les acteurs du parcours de soins.',
      'Organise le suivi et coordonne avec les autres professionnels.',
      'Assure la continuité et la coordination au long cours, en équipe.',
    ]),
    competency('professionnalisme', 'Professionnalisme', [
      'Respecte le cadre déontologique et reconnaît ses limites.',
      'Interroge sa pratique, se forme et prend soin de sa propre santé.',
      'Assume ses responsabilités et contribue à l’organisation de son exercice et de la profession.',
    ]),
  ],
  families: [
    'Situations autour de patients souffrant de pathologies chroniques',
    'Situations liées à des problèmes aigus non programmés',
    'Situations liées à des problèmes aigus fréquents',
    'Situations autour de problèmes de santé concernant les spécificités de l’enfant et de l’adolescent',
    'Situations autour de la sexualité et de la génitalité',
    'Situations autour de problèmes liés à l’histoire familiale et à la vie de couple',
    'Situations de problèmes de santé et de souffrance liés au travail',
    'Situations dont les aspects légaux, déontologiques et ou juridiques sont au premier plan',
    'Situations avec des patients difficiles, exigeants',
    'Situations où les problèmes sociaux sont au premier plan',
    'Situations avec des patients d’une autre culture',
  ],
  weeklyReviewCap: 3,
  nudgeDaysBefore: 7,
  reviewLinkDays: 21,
};

function competency(cid: string, name: string, texts: [string, string, string]) {
  return {
    id: cid,
    label: name,
    expectations: {
      socle: { level: 'novice' as const, text: texts[0] },
      approfondissement: { level: 'intermediate' as const, text: texts[1] },
      consolidation: { level: 'competent' as const, text: texts[2] },
    },
  };
}
