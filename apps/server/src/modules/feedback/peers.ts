import type { AppContext } from '../../context.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { nonEmpty, scopeFor } from '../../policy/scope.ts';
import { tellEach } from '../difficulties/notices.ts';
import { teammatesOf } from '../teams/queries.ts';
import { peerStanding } from './policy.ts';
import {
  academicYearAt,
  findPeerRequest,
  type PeerRow,
  peerRequestsOf,
  usersNamed,
  yearLabel,
} from './queries.ts';
import type { PeerAnswerBody, PeerFeedbackView } from './schema.ts';
import { complete, loadTutorOrg, readRatings } from './service.ts';
import { peerAnsweredNotice, peerAskedNotice } from './texts.ts';

// Feedback a tutor asks of chosen teammates, on the self-evaluation's grid: each teammate is told,
// answers once, signed; the answer is read by the asking tutor only (the confidentiality table's
// peerFeedback row) — not the team, not the coordination.

const link = (id: string) => `/retours-pairs/${id}`;

const item = (r: PeerRow) => ({
  id: r.id,
  asker: r.asker_name,
  peer: r.peer_name,
  askedAt: r.asked_at,
  answeredAt: r.answered_at,
});

/** The tutor's teammates (who may be asked), what they asked and what they were asked. */
export async function listPeerFeedback(ctx: AppContext, actor: UserActor, orgId: string) {
  const org = await loadTutorOrg(ctx, actor, orgId);
  const year = academicYearAt(ctx.clock.now(), org.time_zone);
  const [mates, asked, toAnswer] = await Promise.all([
    teammatesOf(ctx.db, org.id, actor.id).then((ids) => usersNamed(ctx.db, ids)),
    peerRequestsOf(ctx.db, org.id, actor.id, 'asker'),
    peerRequestsOf(ctx.db, org.id, actor.id, 'peer'),
  ]);
  const askedNow = new Set(asked.filter((r) => r.year === year).map((r) => r.peer_id));
  return {
    year: yearLabel(year),
    teammates: mates
      .map((m) => ({ id: m.id, name: m.name, asked: askedNow.has(m.id) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    asked: asked.map(item),
    toAnswer: toAnswer.map(item),
  };
}

/** Asks teammates for feedback this year; each is asked once a year, and told. */
export async function askPeers(ctx: AppContext, actor: UserActor, orgId: string, peerIds: string[]) {
  const org = await loadTutorOrg(ctx, actor, orgId);
  const mates = new Set(await teammatesOf(ctx.db, org.id, actor.id));
  const wanted = [...new Set(peerIds)];
  if (wanted.some((id) => !mates.has(id)))
    throw refuse(
      400,
      'feedback_not_teammate',
      {},
      { fields: [{ path: 'peerIds', message: 'feedback_not_teammate' }] },
    );
  const now = ctx.clock.now();
  const year = academicYearAt(now, org.time_zone);
  const ids: string[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    const already = await trx
      .selectFrom('peer_feedback')
      .select('peer_id')
      .where('asker_id', '=', actor.id)
      .where('year', '=', year)
      .where('peer_id', 'in', nonEmpty(wanted))
      .execute();
    if (already.length > 0) throw refuse(409, 'feedback_peer_asked');
    for (const peerId of wanted) {
      const id = newId();
      ids.push(id);
      await trx
        .insertInto('peer_feedback')
        .values({
          id,
          org_id: org.id,
          asker_id: actor.id,
          peer_id: peerId,
          year,
          asked_at: now.toISOString(),
          ratings: null,
          comment: null,
          answered_at: null,
        })
        .execute();
      await tellEach(trx, now, [peerId], {
        orgId: org.id,
        kind: 'message',
        key: `peer-feedback:${id}:asked`,
        link: link(id),
        content: peerAskedNotice({ asker: actor.name }),
      });
    }
  });
  return { ids };
}

async function loadRequest(ctx: AppContext, actor: UserActor, id: string) {
  const scope = scopeFor(actor);
  const r = await findPeerRequest(ctx.db, nonEmpty([...scope.orgIds, ...scope.adminOrgIds]), id);
  const s = r ? peerStanding(actor, r) : null;
  if (!r || !s) throw notFound();
  return { r, s };
}

/** A request: the teammate asked reads it (and their answer); the asker reads the answer, named. */
export async function readPeerFeedback(
  ctx: AppContext,
  actor: UserActor,
  id: string,
): Promise<PeerFeedbackView> {
  const { r, s } = await loadRequest(ctx, actor, id);
  return {
    ...item(r),
    standing: s.standing,
    ratings: r.answered_at ? readRatings(r.ratings) : null,
    comment: r.answered_at ? r.comment : null,
    actions: s.actions,
  };
}

/** The teammate asked answers, once, every skill rated; the asker is told. */
export async function answerPeer(ctx: AppContext, actor: UserActor, id: string, body: PeerAnswerBody) {
  const { r, s } = await loadRequest(ctx, actor, id);
  if (s.standing !== 'peer') throw refuse(403, 'forbidden');
  if (r.answered_at) throw refuse(409, 'feedback_answered');
  if (!complete(body.ratings)) throw refuse(400, 'feedback_grid_incomplete');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('peer_feedback')
      .set({
        ratings: JSON.stringify(body.ratings),
        comment: body.comment || null,
        answered_at: now.toISOString(),
      })
      .where('id', '=', r.id)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw refuse(409, 'feedback_answered');
    await tellEach(trx, now, [r.asker_id], {
      orgId: r.org_id,
      kind: 'message',
      key: `peer-feedback:${r.id}:answered`,
      link: link(r.id),
      content: peerAnsweredNotice({ peer: actor.name }),
    });
  });
  return readPeerFeedback(ctx, actor, id);
}
