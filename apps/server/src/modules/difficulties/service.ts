import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { pairHelpTarget } from '../agreements/help.ts';
import { auditRead } from '../audit/reads.ts';
import { audit } from '../audit/service.ts';
import { coordinatesOrganisation } from '../programmes/policy.ts';
import { loadOrganisationFor, loadProgrammeFor } from '../programmes/service.ts';
import { anonymousNoticeTime, tellEach } from './notices.ts';
import { difficultyAccess, mayRaiseIn } from './policy.ts';
import { presentDifficulty, presentItem } from './present.ts';
import {
  coordinationOf,
  copiesOf,
  type DifficultyRow,
  eventsOf,
  findDifficulty,
  forwardTargets,
  listInbox,
  listRaisedBy,
  managedProgrammes,
  memberProgrammes,
  programmeOf,
  threadOf,
} from './queries.ts';
import type { DifficultyState, RaiseBody } from './schema.ts';
import { authorReplyNotice, coordinationReplyNotice, raisedNotice, stateNotice } from './texts.ts';

const link = (id: string) => `/difficultes/${id}`;

/** A difficulty the actor may see, with what they may read and do (404 when it is not theirs to see). */
export async function loadDifficulty(ctx: AppContext, actor: UserActor, id: string) {
  const d = await findDifficulty(ctx.db, scopeFor(actor), id);
  const a = d ? difficultyAccess(actor, d, programmeOf(d)) : null;
  if (!d || !a) throw notFound('difficulty');
  return { d, a };
}

/**
 * Tells the coordination of something the author did. When the author is anonymous, the notice
 * neither names them nor arrives at the moment they acted (notices.ts): it comes the next morning,
 * one for the day.
 */
async function tellCoordination(
  trx: Db,
  now: Date,
  actor: UserActor,
  d: Pick<DifficultyRow, 'id' | 'org_id' | 'programme_id' | 'anonymised' | 'time_zone'>,
  what: 'raised' | 'reply',
  content: Parameters<typeof tellEach>[3]['content'],
) {
  if (!d.programme_id) return;
  const to = (await coordinationOf(trx, d.programme_id, d.org_id)).filter((id) => id !== actor.id);
  const later = d.anonymised === 1 ? anonymousNoticeTime(now, d.time_zone) : null;
  const key = `difficulty:${d.id}:${what}:${later ? later.day : newId()}`;
  await tellEach(
    trx,
    now,
    to,
    { orgId: d.org_id, kind: 'message', key, link: link(d.id), content },
    later?.runAt,
  );
}

/** A member raises a difficulty to their programme's coordination, named or anonymous. */
export async function raise(ctx: AppContext, actor: UserActor, programmeId: string, body: RaiseBody) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (p.archived_at) throw refuse(409, 'programme_archived');
  if (!mayRaiseIn(actor, p)) throw refuse(403, 'not_a_member');
  const pairingId = await pairHelpTarget(ctx, actor, p.id, body);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = newId();
  const anonymised = body.anonymised ? 1 : 0;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('difficulties')
      .values({
        id,
        org_id: p.org_id,
        programme_id: p.id,
        author_id: actor.id,
        anonymised,
        category: body.category,
        scope: pairingId ? 'individual' : body.scope,
        description: body.description,
        description_erased_at: null,
        state: 'new',
        created_at: at,
        updated_at: at,
        closed_at: null,
        closing_note: null,
        source_id: null,
        source_org_id: null,
        pairing_id: pairingId,
      })
      .execute();
    await trx
      .insertInto('difficulty_events')
      .values({
        id: newId(),
        difficulty_id: id,
        at,
        actor_id: anonymised ? null : actor.id,
        kind: 'raised',
        from_state: null,
        to_state: 'new',
        target_org_id: null,
      })
      .execute();
    const { time_zone } = await trx
      .selectFrom('organisations')
      .select('time_zone')
      .where('id', '=', p.org_id)
      .executeTakeFirstOrThrow();
    const d = { id, org_id: p.org_id, programme_id: p.id, anonymised, time_zone };
    const author = anonymised ? null : actor.name;
    await tellCoordination(
      trx,
      now,
      actor,
      d,
      'raised',
      raisedNotice({ ...body, programme: p.name, author }),
    );
    // An anonymous author's doings are not audited: the log's actor and instant would name them.
    if (!anonymised)
      await audit(trx, now, {
        orgId: p.org_id,
        actorId: actor.id,
        action: 'difficulty.raised',
        subjectType: 'difficulty',
        subjectId: id,
      });
  });
  return { id };
}

/** The difficulties the actor raised in an organisation, and where they may raise one. */
export async function myDifficulties(ctx: AppContext, actor: UserActor, orgId: string) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  const scope = scopeFor(actor);
  const [rows, programmes, handled] = await Promise.all([
    listRaisedBy(ctx.db, scope, org.id),
    memberProgrammes(ctx.db, scope, org.id),
    managedProgrammes(ctx.db, scope, org.id),
  ]);
  const items = rows.flatMap((d) => {
    const a = difficultyAccess(actor, d, programmeOf(d));
    return a ? [presentItem(d, a, actor.id)] : [];
  });
  return { items, programmes, inbox: handled.length > 0 || coordinatesOrganisation(actor, org.id) };
}

/** The coordination's inbox: the difficulties of the programmes they handle and the copies received. */
export async function inbox(ctx: AppContext, actor: UserActor, orgId: string, state?: DifficultyState) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  const scope = scopeFor(actor);
  const programmes = await managedProgrammes(ctx.db, scope, org.id);
  const copies = coordinatesOrganisation(actor, org.id);
  if (programmes.length === 0 && !copies) throw forbidden();
  const rows = await listInbox(ctx.db, scope, org.id, {
    programmeIds: programmes.map((p) => p.id),
    copies,
    state,
  });
  const items = rows.flatMap((d) => {
    const a = difficultyAccess(actor, d, programmeOf(d));
    return a ? [presentItem(d, a, actor.id)] : [];
  });
  // The list names the authors who did not ask for anonymity: a read of their difficulties.
  await auditRead(ctx.db, ctx.clock.now(), {
    orgId: org.id,
    actor,
    subjectPersonIds: items.flatMap((i) => (i.author && !i.mine ? [i.author.id] : [])),
    kind: 'difficulty',
    recordType: 'organisation',
    recordId: org.id,
  });
  return { items };
}

/** One difficulty with its thread and history; a read by the coordination is audited. */
export async function readDifficulty(ctx: AppContext, actor: UserActor, id: string, ip: string | null) {
  const { d, a } = await loadDifficulty(ctx, actor, id);
  const [thread, events, copies, targets] = await Promise.all([
    threadOf(ctx.db, d.id),
    eventsOf(ctx.db, d.id),
    a.handles ? copiesOf(ctx.db, d.id) : [],
    a.actions.forward ? forwardTargets(ctx.db, d) : [],
  ]);
  if (a.relation !== 'self') {
    const named = a.authorNamed && d.author_id !== null;
    await auditRead(ctx.db, ctx.clock.now(), {
      orgId: d.org_id,
      actor,
      subjectPersonIds: named ? [d.author_id as string] : [],
      unnamed: !named,
      kind: 'difficulty',
      recordType: 'difficulty',
      recordId: d.id,
      programmeId: d.programme_id ?? undefined,
      ip,
    });
  }
  return presentDifficulty(d, a, actor.id, { thread, events, copies, targets });
}

/** A message on the thread, from the author or the coordination; the other side is told. */
export async function reply(ctx: AppContext, actor: UserActor, id: string, body: string) {
  const { d, a } = await loadDifficulty(ctx, actor, id);
  if (d.state === 'closed') throw refuse(409, 'difficulty_closed');
  if (!a.actions.reply) throw forbidden();
  const now = ctx.clock.now();
  const side = a.relation === 'self' ? 'author' : 'coordination';
  const messageId = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('difficulty_messages')
      .values({
        id: messageId,
        difficulty_id: d.id,
        side,
        author_id: side === 'author' ? null : actor.id,
        body,
        created_at: now.toISOString(),
        erased_at: null,
      })
      .execute();
    await trx
      .updateTable('difficulties')
      .set({ updated_at: now.toISOString() })
      .where('id', '=', d.id)
      .execute();
    if (side === 'author') {
      const author = d.anonymised ? null : actor.name;
      await tellCoordination(
        trx,
        now,
        actor,
        d,
        'reply',
        authorReplyNotice({ category: d.category, programme: d.programme_name ?? '', author }),
      );
    } else if (d.author_id) {
      await tellEach(trx, now, [d.author_id], {
        orgId: d.org_id,
        kind: 'message',
        key: `difficulty:${d.id}:reply:${messageId}`,
        link: link(d.id),
        content: coordinationReplyNotice({ category: d.category, coordinator: actor.name }),
      });
    }
    if (side === 'coordination' || !d.anonymised)
      await audit(trx, now, {
        orgId: d.org_id,
        actorId: actor.id,
        action: 'difficulty.replied',
        subjectType: 'difficulty',
        subjectId: d.id,
      });
  });
  return { id: messageId };
}

/** The coordination moves a difficulty on (never back); closing takes a note the author reads. */
export async function moveState(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  to: DifficultyState,
  note: string | undefined,
) {
  const { d, a } = await loadDifficulty(ctx, actor, id);
  if (!a.handles) throw forbidden();
  if (d.state === 'closed') throw refuse(409, 'difficulty_closed');
  if (!a.actions.moveTo.includes(to)) throw refuse(409, 'state_backwards');
  if (to === 'closed' && !note)
    throw refuse(400, 'closing_note_required', {}, { fields: [{ path: 'note', message: 'Note requise' }] });
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('difficulties')
      .set({
        state: to,
        updated_at: at,
        ...(to === 'closed' ? { closed_at: at, closing_note: note ?? null } : {}),
      })
      .where('id', '=', d.id)
      .execute();
    await trx
      .insertInto('difficulty_events')
      .values({
        id: newId(),
        difficulty_id: d.id,
        at,
        actor_id: actor.id,
        kind: 'state',
        from_state: d.state,
        to_state: to,
        target_org_id: null,
      })
      .execute();
    if (d.author_id && d.author_id !== actor.id && d.programme_id)
      await tellEach(trx, now, [d.author_id], {
        orgId: d.org_id,
        kind: 'message',
        key: `difficulty:${d.id}:state:${to}`,
        link: link(d.id),
        content: stateNotice({ category: d.category, to }),
      });
    await audit(trx, now, {
      orgId: d.org_id,
      actorId: actor.id,
      action: 'difficulty.state_changed',
      subjectType: 'difficulty',
      subjectId: d.id,
      meta: { from: d.state, to },
    });
  });
  return { state: to };
}
