import type { TFunction } from 'i18next';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import type { Programme } from '../../db/types.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { contactFor } from '../../policy/confidentiality.ts';
import { pairsStarted } from '../agreements/terms.ts';
import { audit } from '../audit/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import { programmeWords } from '../programmes/words.ts';
import { facts, pairCost, reasonsOf, type Weights } from './criteria.ts';
import { explain, matchingTexts } from './i18n.ts';
import { loadSnapshot, peopleOf, type Snapshot, withProposals } from './queries.ts';
import { weightsSchema } from './schema.ts';
import { event } from './service.ts';

// Publishing the draft: its proposals become active pairings, and everyone is told once.

/** A refusal in both languages: the web app shows the one of the reader. */
/** Explanation of one pair as it stands in a cohort: reasons, warnings and its cost. */
export function explainPair(
  s: Snapshot,
  cohortTutors: ReturnType<typeof withProposals>,
  tutorId: string,
  tuteeId: string,
  weights: Weights,
) {
  const tutor = cohortTutors.tutors.find((t) => t.userId === tutorId);
  const tutee = s.cohort.tutees.find((t) => t.userId === tuteeId);
  if (!tutor || !tutee) return null;
  const f = facts(s.cohort, tutor, tutee);
  return { ...reasonsOf(f, tutor), km: f.km, cost: pairCost(f, weights) };
}

/**
 * Publishes the draft: every proposal becomes an active pairing, once. The status change is a
 * conditional write, so a second publish (or a second coordinator) finds nothing to publish and
 * nobody is notified twice. Capacities are checked again inside the transaction.
 */
export async function publishDraft(ctx: AppContext, actor: UserActor, p: Programme) {
  const now = ctx.clock.now().toISOString();
  const published = await ctx.db.transaction().execute(async (trx) => {
    const s = await loadSnapshot(trx, p, ctx.clock.now());
    if (!s.draft) throw notFound('draft');
    const claimed = await trx
      .updateTable('matching_runs')
      .set({ status: 'published', published_at: now, published_by: actor.id, updated_at: now })
      .where('id', '=', s.draft.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw refuse(409, 'already_published');
    const weights = readJson(weightsSchema, s.draft.weights, 'matching_runs.weights');
    const cohort = withProposals(s);
    for (const t of cohort.tutors) {
      if (t.load > t.capacity) {
        throw refuse(409, 'capacity_reached', {
          variant: 'would_exceed',
          tutor: t.name,
          taken: t.load,
          capacity: t.capacity,
        });
      }
    }
    const out = await activateProposals(trx, actor, p, s, s.draft.mode, weights, now);
    await notifyPublished(trx, p, s.draft.id, ctx.clock.now(), out);
    // Programmes with a duration: each pair's term starts, and the mentor is asked to organise the first meeting.
    await pairsStarted(trx, p, out, ctx.clock.now());
    await audit(trx, ctx.clock.now(), {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'matching.published',
      subjectType: 'programme',
      subjectId: p.id,
      meta: { pairs: out.length },
    });
    return out;
  });
  return published.length;
}

type Published = {
  pairingId: string;
  tutorId: string;
  tuteeId: string;
  reasons: ReturnType<typeof reasonsOf>['reasons'];
};

/**
 * Every proposal of the draft becomes an active pairing of the newest live cohort, with its
 * explanation and its event; someone paired since the run refuses the whole publication.
 */
async function activateProposals(
  trx: Db,
  actor: UserActor,
  p: Programme,
  s: Snapshot,
  mode: string,
  weights: Weights,
  now: string,
): Promise<Published[]> {
  const rules = rulesOf(p);
  const cohort = withProposals(s);
  const cohortRow = await trx
    .selectFrom('cohorts')
    .select('id')
    .where('programme_id', '=', p.id)
    .where('archived_at', 'is', null)
    .orderBy('starts_on', 'desc')
    .executeTakeFirst();
  const out: Published[] = [];
  for (const x of s.proposals) {
    if (!s.cohort.tutees.some((t) => t.userId === x.tutee_user_id)) {
      throw refuse(409, 'already_paired');
    }
    const e = explainPair(s, cohort, x.tutor_user_id, x.tutee_user_id, weights);
    await trx
      .updateTable('pairings')
      .set({
        state: 'active',
        cohort_id: cohortRow?.id ?? null,
        group_key: rules.unit === 'group' ? `groupe-${x.tutor_user_id}` : null,
        explanation: JSON.stringify(e ? { reasons: e.reasons, km: e.km } : null),
      })
      .where('id', '=', x.id)
      .execute();
    await event(trx, now, x, {
      actorId: actor.id,
      kind: 'published',
      from: 'proposed',
      to: 'active',
      reason: mode,
    });
    out.push({
      pairingId: x.id,
      tutorId: x.tutor_user_id,
      tuteeId: x.tutee_user_id,
      reasons: e?.reasons ?? [],
    });
  }
  return out;
}

/**
 * One notice per person through the notification layer (in-app, then e-mail or SMS as they chose,
 * after their quiet hours): each tutee learns their tutor, how to reach them and why; each tutor
 * learns the people they will accompany. Enqueued in the publishing transaction, one job per
 * recipient, keyed by the draft and the person: a retried publish enqueues nothing new, and a job
 * that runs again delivers nothing twice.
 */
async function notifyPublished(
  trx: Db,
  p: Programme,
  runId: string,
  now: Date,
  pairs: { tutorId: string; tuteeId: string; reasons: ReturnType<typeof reasonsOf>['reasons'] }[],
) {
  if (pairs.length === 0) return;
  const ids = [...new Set(pairs.flatMap((x) => [x.tutorId, x.tuteeId]))];
  const people = await peopleOf(trx, p, ids);
  const link = `/programmes/${p.id}/appariement`;
  const both = (render: (t: TFunction, lang: 'fr' | 'en') => { title: string; body: string }) => ({
    fr: render(matchingTexts('fr'), 'fr'),
    en: render(matchingTexts('en'), 'en'),
  });
  const byTutor = new Map<string, string[]>();
  for (const x of pairs) {
    const tutor = people.get(x.tutorId);
    const tutee = people.get(x.tuteeId);
    if (!tutor || !tutee) continue;
    byTutor.set(x.tutorId, [...(byTutor.get(x.tutorId) ?? []), x.tuteeId]);
    const content = both((t, lang) => {
      const vars = {
        tutor: tutor.name,
        programme: p.name,
        role: programmeWords(p.template, lang).tutor,
        contact: [tutor.email, contactFor('ownTutor', tutor).phone ?? t('noPhone')].join(' · '),
        why: explain(t, x.reasons, tutor.name),
      };
      return { title: t('tutee.subject', vars), body: t('notice.tutee', vars) };
    });
    await notify(
      trx,
      {
        userId: tutee.userId,
        orgId: p.org_id,
        kind: 'message',
        key: `matching.published:${runId}:${tutee.userId}`,
        link,
        content,
      },
      now,
    );
  }
  for (const [tutorId, tutees] of byTutor) {
    const tutor = people.get(tutorId);
    if (!tutor) continue;
    const list = tutees.map((id) => `• ${people.get(id)?.name} <${people.get(id)?.email}>`).join('\n');
    const content = both((t) => {
      const vars = { programme: p.name, count: tutees.length, list };
      return { title: t('tutor.subject', vars), body: t('notice.tutor', vars) };
    });
    await notify(
      trx,
      {
        userId: tutorId,
        orgId: p.org_id,
        kind: 'message',
        key: `matching.published:${runId}:${tutorId}`,
        link,
        content,
      },
      now,
    );
  }
}
