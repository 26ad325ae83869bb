import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { auditRead } from '../audit/reads.ts';
import { audit } from '../audit/service.ts';
import { tellEach } from '../difficulties/notices.ts';
import { coordinatorsOf } from '../programmes/queries.ts';
import { loadOrganisationFor } from '../programmes/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import { liveMemberIds, liveTeamOf } from '../teams/queries.ts';
import { caseAccessFor, mayBringCase } from './policy.ts';
import {
  type CaseRow,
  casesOfTeam,
  consultationsOf,
  findCase,
  meetingOfTeam,
  ownTutees,
  teamProgramme,
  threadOf,
} from './queries.ts';
import type { CaseBody, CaseItem, CaseKind, CaseView } from './schema.ts';
import { broughtNotice, caseReplyNotice, decidedNotice, sharedNotice } from './texts.ts';

const link = (id: string) => `/cas-equipe/${id}`;
/** What a teammate reads of a tutee a case names: the first name only. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

const programmeOf = (c: CaseRow) => ({
  id: c.programme_id,
  org_id: c.org_id,
  archived_at: c.programme_archived_at,
});

/** The actor's live team in an organisation, with its programme and members (null outside a team). */
async function teamOf(db: Db, orgId: string, userId: string) {
  const team = await liveTeamOf(db, orgId, userId);
  if (!team) return null;
  const [programme, members] = await Promise.all([
    teamProgramme(db, team.programme_id),
    liveMemberIds(db, team.id),
  ]);
  return { ...team, programme, members };
}

function presentItem(c: CaseRow, actor: UserActor, subject: 'full' | 'firstName' | 'none'): CaseItem {
  const name = c.subject_name ?? null;
  return {
    id: c.id,
    title: c.title,
    kind: c.kind as CaseKind,
    state: c.state as 'open' | 'closed',
    author: c.author_name ?? null,
    mine: c.author_id === actor.id,
    subject: !name || subject === 'none' ? null : subject === 'full' ? name : firstName(name),
    createdAt: c.created_at,
    decidedAt: c.decided_at,
    messages: Number(c.messages ?? 0),
  };
}

/** The cases of the actor's team, and the tutees they may link a new case to. */
export async function listCases(ctx: AppContext, actor: UserActor, orgId: string) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  const team = await teamOf(ctx.db, org.id, actor.id);
  if (!team) return { team: null, cases: [], tutees: [], actions: { create: false } };
  const [rows, tutees] = await Promise.all([
    casesOfTeam(ctx.db, scopeFor(actor), team.id),
    ownTutees(ctx.db, actor.id, team.programme_id),
  ]);
  return {
    team: { id: team.id, name: team.name },
    cases: rows.map((c) => presentItem(c, actor, c.author_id === actor.id ? 'full' : 'firstName')),
    tutees: tutees.map((t) => ({ id: t.id, name: t.name })),
    actions: { create: mayBringCase(actor, team.programme) },
  };
}

/** A tutor brings a case to their team; the other members are told (by its title only). */
export async function bringCase(ctx: AppContext, actor: UserActor, orgId: string, body: CaseBody) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  const team = await teamOf(ctx.db, org.id, actor.id);
  if (!team) throw refuse(403, 'case_no_team');
  if (!mayBringCase(actor, team.programme)) throw forbidden();
  if (body.subjectId) {
    const mine = await ownTutees(ctx.db, actor.id, team.programme_id);
    if (!mine.some((t) => t.id === body.subjectId))
      throw refuse(
        400,
        'case_subject_unknown',
        {},
        { fields: [{ path: 'subjectId', message: 'case_subject_unknown' }] },
      );
  }
  if (body.meetingId && !(await meetingOfTeam(ctx.db, body.meetingId, team.members)))
    throw refuse(
      400,
      'case_meeting_unknown',
      {},
      { fields: [{ path: 'meetingId', message: 'case_meeting_unknown' }] },
    );
  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('team_cases')
      .values({
        id,
        org_id: org.id,
        programme_id: team.programme_id,
        team_id: team.id,
        author_id: actor.id,
        title: body.title,
        situation: body.situation,
        kind: body.kind,
        subject_id: body.subjectId,
        meeting_id: body.meetingId,
        state: 'open',
        decision: null,
        decided_by: null,
        decided_at: null,
        shared_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await tellEach(
      trx,
      now,
      team.members.filter((m) => m !== actor.id),
      {
        orgId: org.id,
        kind: 'message',
        key: `team-case:${id}:brought`,
        link: link(id),
        content: broughtNotice({ author: actor.name, title: body.title, team: team.name }),
      },
    );
    await audit(trx, now, {
      orgId: org.id,
      actorId: actor.id,
      action: 'team_case.brought',
      subjectType: 'team_case',
      subjectId: id,
      meta: { anonymised: !body.subjectId },
    });
  });
  return { id };
}

async function loadCase(ctx: AppContext, actor: UserActor, id: string) {
  const c = await findCase(ctx.db, scopeFor(actor), id);
  if (!c) throw notFound();
  const members = await liveMemberIds(ctx.db, c.team_id);
  const a = caseAccessFor(actor, c, programmeOf(c), members.includes(actor.id));
  if (!a) throw notFound();
  return { c, a, members };
}

/** Whether the programme asks an expert's answer before a decision on this case, and whether one came. */
async function expertGate(db: Db, c: CaseRow) {
  const rules = rulesOf({ rules: c.programme_rules, template: c.programme_template });
  const required = rules.caseReview.expertRequiredKinds.includes(c.kind as CaseKind);
  const consultations = await consultationsOf(db, c.id);
  return { required, answered: consultations.some((k) => !!k.answered), consultations };
}

/** One case, its thread and its expert consultations; a read by the coordination is audited. */
export async function readCase(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  ip: string | null,
): Promise<CaseView> {
  const { c, a } = await loadCase(ctx, actor, id);
  const [thread, gate] = await Promise.all([threadOf(ctx.db, c.id), expertGate(ctx.db, c)]);
  if (a.standing === 'coordination')
    await auditRead(ctx.db, ctx.clock.now(), {
      orgId: c.org_id,
      actor,
      subjectPersonIds: [c.author_id, c.subject_id].filter((x): x is string => !!x),
      kind: 'teamCase',
      recordType: 'team_case',
      recordId: c.id,
      programmeId: c.programme_id,
      ip,
    });
  return {
    ...presentItem(c, actor, a.subject),
    orgId: c.org_id,
    programme: { id: c.programme_id, name: c.programme_name },
    team: { id: c.team_id, name: c.team_name },
    situation: c.situation,
    subjectId: a.subject === 'full' ? c.subject_id : null,
    meetingId: a.standing === 'coordination' ? null : c.meeting_id,
    decision: c.decision,
    decidedBy: c.decider_name ?? null,
    shared: !!c.shared_at,
    expertRequired: gate.required,
    expertAnswered: gate.answered,
    consultations: gate.consultations.map((k) => ({
      id: k.id,
      asker: k.asker_name ?? null,
      state: k.state as 'open' | 'closed',
      answered: !!k.answered,
      mine: k.asker_id === actor.id,
    })),
    thread: thread.map((m) => ({
      id: m.id,
      author: m.author_name ?? null,
      mine: m.author_id === actor.id,
      body: m.body,
      at: m.created_at,
    })),
    standing: a.standing,
    actions: a.actions,
  };
}

/** A message on the case's thread; the other members are told. */
export async function replyOnCase(ctx: AppContext, actor: UserActor, id: string, body: string) {
  const { c, a, members } = await loadCase(ctx, actor, id);
  if (c.state !== 'open') throw refuse(409, 'case_closed');
  if (!a.actions.reply) throw forbidden();
  const now = ctx.clock.now();
  const messageId = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('team_case_messages')
      .values({ id: messageId, case_id: c.id, author_id: actor.id, body, created_at: now.toISOString() })
      .execute();
    await trx
      .updateTable('team_cases')
      .set({ updated_at: now.toISOString() })
      .where('id', '=', c.id)
      .execute();
    await tellEach(
      trx,
      now,
      members.filter((m) => m !== actor.id),
      {
        orgId: c.org_id,
        kind: 'message',
        key: `team-case:${c.id}:reply:${messageId}`,
        link: link(c.id),
        content: caseReplyNotice({ author: actor.name, title: c.title }),
      },
    );
  });
  return { id: messageId };
}

/**
 * A member records the team's decision, which closes the case; refused while the programme asks an
 * expert's answer for this kind of case and no consultation about it was answered.
 */
export async function recordDecision(ctx: AppContext, actor: UserActor, id: string, decision: string) {
  const { c, a, members } = await loadCase(ctx, actor, id);
  if (c.state !== 'open') throw refuse(409, 'case_closed');
  if (!a.actions.decide) throw forbidden();
  const gate = await expertGate(ctx.db, c);
  if (gate.required && !gate.answered) throw refuse(409, 'case_expert_required');
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('team_cases')
      .set({ state: 'closed', decision, decided_by: actor.id, decided_at: at, updated_at: at })
      .where('id', '=', c.id)
      .execute();
    await tellEach(
      trx,
      now,
      members.filter((m) => m !== actor.id),
      {
        orgId: c.org_id,
        kind: 'message',
        key: `team-case:${c.id}:decided:${at}`,
        link: link(c.id),
        content: decidedNotice({ author: actor.name, title: c.title }),
      },
    );
    await audit(trx, now, {
      orgId: c.org_id,
      actorId: actor.id,
      action: 'team_case.decided',
      subjectType: 'team_case',
      subjectId: c.id,
      meta: { expertConsulted: gate.answered },
    });
  });
  return { state: 'closed' as const };
}

/** A member reopens a closed case: its decision stays on record until a new one replaces it. */
export async function reopenCase(ctx: AppContext, actor: UserActor, id: string) {
  const { c, a } = await loadCase(ctx, actor, id);
  if (c.state === 'open') throw refuse(409, 'case_open');
  if (!a.actions.reopen) throw forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('team_cases')
      .set({ state: 'open', updated_at: now.toISOString() })
      .where('id', '=', c.id)
      .execute();
    await audit(trx, now, {
      orgId: c.org_id,
      actorId: actor.id,
      action: 'team_case.reopened',
      subjectType: 'team_case',
      subjectId: c.id,
    });
  });
  return { state: 'open' as const };
}

/** The author shares the case with the programme's coordination (told, each read audited), or stops. */
export async function shareCase(ctx: AppContext, actor: UserActor, id: string, shared: boolean) {
  const { c, a } = await loadCase(ctx, actor, id);
  if (!a.actions.share) throw forbidden();
  if (shared === !!c.shared_at) return { shared };
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('team_cases')
      .set({ shared_at: shared ? now.toISOString() : null, updated_at: now.toISOString() })
      .where('id', '=', c.id)
      .execute();
    if (shared)
      await tellEach(trx, now, await coordinatorsOf(trx, c.programme_id), {
        orgId: c.org_id,
        kind: 'message',
        key: `team-case:${c.id}:shared:${now.toISOString()}`,
        link: link(c.id),
        content: sharedNotice({ author: actor.name, team: c.team_name, programme: c.programme_name }),
      });
    await audit(trx, now, {
      orgId: c.org_id,
      actorId: actor.id,
      action: shared ? 'team_case.shared' : 'team_case.unshared',
      subjectType: 'team_case',
      subjectId: c.id,
    });
  });
  return { shared };
}

/**
 * The case an expert consultation is asked about (consultations' `ask`): an open case of the actor's
 * team, in the consultation's programme; anything else is a 404 of the case.
 */
export async function caseForConsultation(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  programmeId: string,
) {
  const { c, a } = await loadCase(ctx, actor, caseId);
  if (!a.actions.askExpert || c.programme_id !== programmeId) throw notFound();
  return { id: c.id };
}
