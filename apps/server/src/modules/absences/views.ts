import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { forbidden } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { access, contactFor } from '../../policy/confidentiality.ts';
import { auditRead } from '../audit/reads.ts';
import { phoneSharing } from '../people/phone-sharing.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { liveTeamOf } from '../teams/queries.ts';
import {
  absenceActions,
  answersCover,
  declaresAbsence,
  namesBackups,
  readsCoordination,
  statusOf,
} from './policy.ts';
import { teamCandidates } from './propose.ts';
import {
  type AbsenceRow,
  absencesOf,
  type CoverRow,
  coversOf,
  declinedOf,
  runningCovers,
  tutorsOf,
} from './queries.ts';
import type { CoverView, MemberView } from './schema.ts';
import { today } from './service.ts';

// What each person reads of leave and replacement: the tutor their own absences (with the reason
// they wrote) and the requests addressed to them; the tutee whom to contact while their tutor is
// away, with that person's contact details as their tutor's would show; the coordination every
// absence not over, with its reason, and the tutees without a backup.

const coverView = (c: CoverRow): CoverView => ({
  id: c.id,
  tutee: { id: c.tutee_user_id, name: c.tutee_name },
  backup: c.backup_user_id ? { id: c.backup_user_id, name: c.backup_name ?? '' } : null,
  state: c.state as CoverView['state'],
  declined: declinedOf(c).length,
});

async function ownAbsences(db: Db, actor: UserActor, p: Programme, day: string) {
  const rows = (await absencesOf(db, p.id, { userId: actor.id })).reverse().slice(0, 50);
  const covers = await coversOf(
    db,
    rows.map((a) => a.id),
  );
  return Promise.all(
    rows.map(async (a) => {
      const actions = absenceActions(actor, p, a, day);
      const candidates = actions.send ? (await teamCandidates(db, p, a)).candidates : [];
      return {
        id: a.id,
        startOn: a.start_on,
        endOn: a.end_on,
        reason: access('absenceReason', 'self') === 'full' ? a.reason : null,
        status: statusOf(a, day),
        sent: a.sent_at !== null,
        covers: covers.filter((c) => c.absence_id === a.id).map(coverView),
        candidates: candidates.map(({ id, name, load, capacity }) => ({ id, name, load, capacity })),
        actions,
      };
    }),
  );
}

/** The requests to stand in addressed to the actor, asked or accepted, whose absence is not over. */
async function requestsTo(db: Db, actor: UserActor, p: Programme, day: string) {
  const rows = await db
    .selectFrom('absence_covers as c')
    .innerJoin('absences as a', 'a.id', 'c.absence_id')
    .innerJoin('users as tutor', 'tutor.id', 'a.user_id')
    .innerJoin('users as tutee', 'tutee.id', 'c.tutee_user_id')
    .select([
      'c.id',
      'c.state',
      'c.backup_user_id',
      'a.user_id',
      'a.start_on',
      'a.end_on',
      'a.cancelled_at',
      'tutor.name as tutor_name',
      'tutee.id as tutee_id',
      'tutee.name as tutee_name',
    ])
    .where('c.programme_id', '=', p.id)
    .where('c.backup_user_id', '=', actor.id)
    .where('c.state', 'in', ['asked', 'accepted'])
    .where('a.cancelled_at', 'is', null)
    .where('a.end_on', '>=', day)
    .orderBy('a.start_on')
    .execute();
  return rows.map((r) => {
    const open = answersCover(actor, r, r, day);
    return {
      id: r.id,
      tutor: { id: r.user_id, name: r.tutor_name },
      tutee: { id: r.tutee_id, name: r.tutee_name },
      startOn: r.start_on,
      endOn: r.end_on,
      state: r.state as CoverView['state'],
      running: r.state === 'accepted' && r.start_on <= day,
      actions: { accept: open, decline: open },
    };
  });
}

/** For a tutee: each backup standing in now, with their contact details as their tutor's would show. */
async function contactsOf(ctx: AppContext, actor: UserActor, p: Programme) {
  const covers = await runningCovers(ctx.db, p, ctx.clock.now(), { tuteeId: actor.id });
  const ids = [...new Set(covers.flatMap((c) => [c.tutor_id, c.backup_user_id as string]))];
  if (ids.length === 0) return [];
  const people = await ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'phone'])
    .where('id', 'in', ids)
    .execute();
  const shares = await phoneSharing(ctx.db, p, ids);
  const byId = new Map(people.map((x) => [x.id, x]));
  return covers.map((c) => {
    const b = byId.get(c.backup_user_id as string);
    const contact = contactFor('ownTutor', {
      email: b?.email ?? null,
      phone: b?.phone ?? null,
      sharePhone: shares.get(c.backup_user_id as string) ?? false,
    });
    return {
      tutor: { id: c.tutor_id, name: byId.get(c.tutor_id)?.name ?? '' },
      endOn: c.end_on,
      backup: { id: c.backup_user_id as string, name: b?.name ?? '', ...contact },
    };
  });
}

export async function memberView(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
): Promise<MemberView> {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  const day = await today(ctx, p.org_id);
  const contacts = await contactsOf(ctx, actor, p);
  await auditRead(ctx.db, ctx.clock.now(), {
    orgId: p.org_id,
    actor,
    subjectPersonIds: contacts.map((c) => c.backup.id),
    kind: 'contact',
    recordType: 'programme',
    recordId: p.id,
    programmeId: p.id,
  });
  return {
    today: day,
    inTeam: (await liveTeamOf(ctx.db, p.org_id, actor.id)) !== undefined,
    absences: await ownAbsences(ctx.db, actor, p, day),
    requests: await requestsTo(ctx.db, actor, p, day),
    contacts,
    actions: { declare: declaresAbsence(actor, p) },
  };
}

export async function coordinationView(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!readsCoordination(actor, p)) throw forbidden();
  const day = await today(ctx, p.org_id);
  const rows: AbsenceRow[] = await absencesOf(ctx.db, p.id, { fromDay: day });
  const covers = await coversOf(
    ctx.db,
    rows.map((a) => a.id),
  );
  const tutors = await tutorsOf(ctx.db, p.id);
  const absences = await Promise.all(
    rows.map(async (a) => ({
      id: a.id,
      tutor: { id: a.user_id, name: a.user_name },
      startOn: a.start_on,
      endOn: a.end_on,
      reason: access('absenceReason', 'coordinator') === 'full' ? a.reason : null,
      status: statusOf(a, day),
      inTeam: (await liveTeamOf(ctx.db, p.org_id, a.user_id)) !== undefined,
      covers: covers.filter((c) => c.absence_id === a.id).map(coverView),
    })),
  );
  const unique = new Map(tutors.map((t) => [t.id, { id: t.id, name: t.name }]));
  return { today: day, absences, tutors: [...unique.values()], actions: { assign: namesBackups(actor, p) } };
}
