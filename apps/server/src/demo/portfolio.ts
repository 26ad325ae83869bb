import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import type { TraceMessageKind } from '../db/tables-portfolio.ts';
import { addDays, dayIn } from '../domain/days.ts';
import { newId } from '../lib/ids.ts';
import { type CompetencyLevel, desFramework } from '../modules/portfolio/framework.ts';
import { ensurePlan } from '../modules/portfolio/plan.ts';
import { mondayOf, morningOf } from '../modules/portfolio/schedule.ts';

/**
 * Portfolios at realistic stages in the DMG's DES programme, whatever the day the demo is created:
 * residents in DES2 and DES3 have their past semesters validated (with the competency levels their
 * tutors recorded, rising year after year); in the current semester the traces already due are
 * validated, waiting for their tutor, asked for a revision or late, and the next one is a draft.
 * Residents not listed here get their plan the first time they open their portfolio.
 */
const RESIDENTS = [1, 2, 4, 21, 23, 24, 25, 26, 35, 36, 37, 38];
const ZONE = 'Europe/Paris';

const TEXTS = [
  '## Situation\nMme L., 78 ans, vue en visite à domicile pour une chute. Elle vit seule, refuse toute aide et me demande de « ne rien dire à sa fille ».\n\n## Ce qui a fait problème\nRespecter son autonomie sans la laisser en danger ; le secret face à la famille.\n\n## Ce que j’ai appris\nLa grille d’évaluation gériatrique standardisée, le rôle du dispositif d’appui à la coordination, ce que dit le code de déontologie du secret vis-à-vis des proches.\n\n## Ce que je ferais autrement\nProposer plus tôt une seconde visite avec l’infirmière du secteur.',
  '## Situation\nUn adolescent de 15 ans consulte seul pour une « fatigue » ; en fin de consultation, il parle de harcèlement au lycée.\n\n## Ce que j’en retiens\nGarder du temps en fin de consultation ; l’outil HEADSS ; les ressources du territoire (maison des adolescents).\n\n## Ce qu’il me reste à apprendre\nLe cadre légal du mineur qui consulte seul.',
  '## Situation\nAnnonce d’un diabète de type 2 à un patient de 52 ans, chauffeur routier, inquiet pour son permis.\n\n## Ce que j’en retiens\nL’entretien motivationnel, l’éducation thérapeutique de proximité, la réglementation du permis poids lourd.',
];

const LEVELS: Record<number, CompetencyLevel[]> = {
  1: ['novice', 'novice', 'intermediate'],
  2: ['novice', 'intermediate', 'intermediate'],
  3: ['intermediate', 'intermediate', 'competent'],
};

interface Pair {
  orgId: string;
  programmeId: string;
  residentId: string;
  tutorId: string;
  desYear: number;
  index: number;
}

export async function demoPortfolio(db: Db, ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const rows = await db
    .selectFrom('pairings as p')
    .innerJoin('programmes as g', 'g.id', 'p.programme_id')
    .innerJoin('organisations as o', 'o.id', 'g.org_id')
    .innerJoin('users as u', 'u.id', 'p.tutee_user_id')
    .innerJoin('org_members as om', (j) => j.onRef('om.user_id', '=', 'u.id').onRef('om.org_id', '=', 'o.id'))
    .select(['p.org_id', 'p.programme_id', 'p.tutee_user_id', 'p.tutor_user_id', 'u.email', 'om.des_year'])
    .where('o.slug', '=', 'dmg-demo')
    .where('g.template', '=', 'des-tutoring')
    .where('p.state', '=', 'active')
    .execute();
  for (const r of rows) {
    const index = Number(/^interne(\d+)@/.exec(r.email)?.[1]);
    if (!RESIDENTS.includes(index) || !r.des_year) continue;
    const pair: Pair = {
      orgId: r.org_id,
      programmeId: r.programme_id,
      residentId: r.tutee_user_id,
      tutorId: r.tutor_user_id,
      desYear: r.des_year,
      index,
    };
    await pastYears(db, pair, now);
    await currentSemester(db, pair, now);
  }
}

const target = (p: Pair, desYear: number) => ({
  orgId: p.orgId,
  programmeId: p.programmeId,
  timeZone: ZONE,
  residentId: p.residentId,
  desYear,
});

/** Each earlier semester of the DES, planned as it was then and validated. */
async function pastYears(db: Db, p: Pair, now: Date) {
  for (let back = p.desYear - 1; back >= 1; back--) {
    for (const months of [back * 12, back * 12 - 6]) {
      const then = new Date(now.getTime() - months * 30.5 * 86_400_000);
      await ensurePlan(db, target(p, p.desYear - back), desFramework, then);
    }
  }
  const past = await tracesBefore(db, p, dayIn(now, ZONE), true);
  for (const [i, t] of past.entries()) await validated(db, p, t, i, p.desYear - yearsAgo(t.period, now));
}

function yearsAgo(period: string, now: Date) {
  const first = Number(period.slice(0, 4));
  const current = now.getUTCMonth() >= 10 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return current - first;
}

/** This semester: due traces at their stages, the next one in draft. */
async function currentSemester(db: Db, p: Pair, now: Date) {
  await ensurePlan(db, target(p, p.desYear), desFramework, now);
  const today = dayIn(now, ZONE);
  const due = await tracesBefore(db, p, today, false);
  for (const [i, t] of due.entries()) {
    // Two in five validated, one waiting for the tutor, one asked for a revision, one late.
    const stage = (p.index + i) % 5;
    if (stage <= 1) await validated(db, p, t, i, p.desYear);
    else if (stage === 2) await waiting(db, p, t, i, today, false);
    else if (stage === 3) await waiting(db, p, t, i, today, true);
  }
  const next = await db
    .selectFrom('portfolio_traces')
    .select(['id', 'due_on'])
    .where('resident_id', '=', p.residentId)
    .where('programme_id', '=', p.programmeId)
    .where('due_on', '>=', today)
    .orderBy('due_on')
    .executeTakeFirst();
  if (next) {
    await version(
      db,
      next.id,
      1,
      (TEXTS[p.index % TEXTS.length] as string).split('\n\n').slice(0, 2).join('\n\n'),
      null,
      null,
      now.toISOString(),
    );
    await db.updateTable('portfolio_traces').set({ state: 'draft' }).where('id', '=', next.id).execute();
  }
}

function tracesBefore(db: Db, p: Pair, today: string, pastPeriods: boolean) {
  const q = db
    .selectFrom('portfolio_traces')
    .select(['id', 'due_on', 'period', 'type_id'])
    .where('resident_id', '=', p.residentId)
    .where('programme_id', '=', p.programmeId)
    .where('due_on', '<', today)
    .orderBy('due_on');
  return (
    pastPeriods ? q.where('period', '<', dayPeriod(today)) : q.where('period', '=', dayPeriod(today))
  ).execute();
}

const dayPeriod = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  if (m >= 11) return `${y}-${y + 1} S1`;
  if (m <= 4) return `${y - 1}-${y} S1`;
  return `${y - 1}-${y} S2`;
};

const at = (day: string) => morningOf(day, ZONE).toISOString();

async function version(
  db: Db,
  traceId: string,
  number: number,
  body: string,
  submittedOn: string | null,
  p: Pair | null,
  created: string,
) {
  await db
    .insertInto('portfolio_versions')
    .values({
      id: newId(),
      trace_id: traceId,
      number,
      body,
      created_at: created,
      updated_at: submittedOn ? at(submittedOn) : created,
      submitted_at: submittedOn ? at(submittedOn) : null,
      reviewer_id: submittedOn && p ? p.tutorId : null,
      review_week: submittedOn ? mondayOf(submittedOn) : null,
    })
    .execute();
}

async function message(
  db: Db,
  traceId: string,
  v: number,
  author: string,
  kind: TraceMessageKind,
  body: string,
  day: string,
) {
  await db
    .insertInto('portfolio_messages')
    .values({
      id: newId(),
      trace_id: traceId,
      version_number: v,
      author_id: author,
      kind,
      quote: null,
      body,
      created_at: at(day),
    })
    .execute();
}

/** Sent a few days before its due date, validated the next week with two competencies. */
async function validated(db: Db, p: Pair, t: { id: string; due_on: string }, i: number, desYear: number) {
  const sent = addDays(t.due_on, -3);
  const done = addDays(t.due_on, 5);
  await version(db, t.id, 1, TEXTS[(p.index + i) % TEXTS.length] as string, sent, p, at(addDays(sent, -10)));
  await message(db, t.id, 1, p.residentId, 'submission', '', sent);
  await message(
    db,
    t.id,
    1,
    p.tutorId,
    'validation',
    'Trace claire et bien documentée : on en reparle à notre prochain entretien.',
    done,
  );
  const levels = LEVELS[Math.min(3, Math.max(1, desYear))] as CompetencyLevel[];
  const competencies = desFramework.competencies
    .filter((_, k) => (k + i) % 3 === 0)
    .map((c, k) => ({ id: c.id, level: levels[(k + i) % levels.length] as CompetencyLevel }));
  await db
    .updateTable('portfolio_traces')
    .set({
      state: 'validated',
      submitted_at: at(sent),
      validated_at: at(done),
      reviewer_id: p.tutorId,
      review_week: mondayOf(sent),
      competencies: JSON.stringify(competencies),
    })
    .where('id', '=', t.id)
    .execute();
  for (const c of competencies)
    await db
      .insertInto('competency_ratings')
      .values({
        id: newId(),
        org_id: p.orgId,
        programme_id: p.programmeId,
        resident_id: p.residentId,
        competency_id: c.id,
        level: c.level,
        source: 'trace',
        source_id: t.id,
        rated_by: p.tutorId,
        rated_at: at(done),
      })
      .execute();
}

/** Sent and waiting for the tutor this week; or sent, and a revision asked. */
async function waiting(
  db: Db,
  p: Pair,
  t: { id: string; due_on: string },
  i: number,
  today: string,
  revision: boolean,
) {
  // biome-ignore lint/complexity/useMathMinMax: ISO days compared as text; Math.min would give NaN
  const sent = addDays(today, -2) < t.due_on ? addDays(today, -2) : t.due_on;
  await version(db, t.id, 1, TEXTS[(p.index + i) % TEXTS.length] as string, sent, p, at(addDays(sent, -7)));
  await message(db, t.id, 1, p.residentId, 'submission', '', sent);
  if (revision)
    await message(
      db,
      t.id,
      1,
      p.tutorId,
      'revision',
      'Développez ce que vous avez cherché et lu : quelles sources, quelles réponses ?',
      today,
    );
  await db
    .updateTable('portfolio_traces')
    .set({
      state: revision ? 'revision' : 'submitted',
      submitted_at: at(sent),
      reviewer_id: p.tutorId,
      review_week: mondayOf(sent),
      revision_due_on: revision ? addDays(today, 14) : null,
    })
    .where('id', '=', t.id)
    .execute();
}
