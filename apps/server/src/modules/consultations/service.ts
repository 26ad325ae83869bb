import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { readJson } from '../../db/json.ts';
import { sortByName } from '../../domain/collate.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { auditRead } from '../audit/reads.ts';
import { audit } from '../audit/service.ts';
import { caseForConsultation } from '../cases/service.ts';
import { tellEach } from '../difficulties/notices.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { loadOrganisationFor, loadProgrammeFor } from '../programmes/service.ts';
import { consultationAccessFor, isExpertIn, mayAskIn } from './policy.ts';
import {
  type ConsultationRow,
  expertsOf,
  findConsultation,
  listFor,
  programmeOf,
  programmesOf,
  threadOf,
  tuteesOf,
  tuteesOfTutor,
} from './queries.ts';
import { type AskBody, attachment, type ConsultationItem, type ConsultationView } from './schema.ts';
import { askedNotice, replyNotice, subjectNotice } from './texts.ts';

const link = (id: string) => `/avis-experts/${id}`;

/** Where the actor may ask an expert in an organisation: programmes, experts, the tutees they may discuss. */
export async function askOptions(ctx: AppContext, actor: UserActor, orgId: string) {
  const scope = scopeFor(actor);
  const programmes = (await programmesOf(ctx.db, scope, orgId)).filter((p) => mayAskIn(actor, p));
  const managed = programmes.filter((p) => managesProgramme(actor, p, 'read')).map((p) => p.id);
  const tutored = programmes.filter((p) => !managed.includes(p.id)).map((p) => p.id);
  const [experts, all, own] = await Promise.all([
    expertsOf(ctx.db, orgId),
    managed.length ? tuteesOf(ctx.db, managed) : [],
    tutored.length ? tuteesOfTutor(ctx.db, actor.id, tutored) : [],
  ]);
  const subjects = [...all, ...own].map((s) => ({ id: s.id, name: s.name, programmeId: s.programme_id }));
  return {
    programmes: programmes.map((p) => ({ id: p.id, name: p.name })),
    experts: sortByName(
      experts.filter((e) => e.id !== actor.id),
      (e) => e.name,
    ),
    subjects: sortByName(subjects, (s) => s.name),
  };
}

/** The form's choices; a member who may not ask (a tutee, an expert) is refused. */
export async function optionsFor(ctx: AppContext, actor: UserActor, orgId: string) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  const options = await askOptions(ctx, actor, org.id);
  if (options.programmes.length === 0) throw refuse(403, 'not_an_asker');
  return options;
}

/**
 * A tutor or the coordination asks an expert about a case. The expert is told; the tutee it is
 * about too, unless the asker anonymised it — then who it is about is not stored at all.
 */
export async function ask(ctx: AppContext, actor: UserActor, orgId: string, body: AskBody) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  const p = await loadProgrammeFor(ctx, actor, body.programmeId);
  if (p.org_id !== org.id) throw notFound('programme');
  if (!mayAskIn(actor, p)) throw refuse(403, 'not_an_asker');
  const options = await askOptions(ctx, actor, org.id);
  const expert = options.experts.find((e) => e.id === body.expertId);
  if (!expert)
    throw refuse(
      400,
      'expert_unknown',
      {},
      { fields: [{ path: 'expertId', message: 'Expert·e inconnu·e' }] },
    );
  const subjectId = body.anonymised ? null : (body.subjectId ?? null);
  if (subjectId && !options.subjects.some((s) => s.id === subjectId && s.programmeId === p.id))
    throw refuse(400, 'subject_unknown', {}, { fields: [{ path: 'subjectId', message: 'field_subject' }] });
  const caseId = body.caseId ? (await caseForConsultation(ctx, actor, body.caseId, p.id)).id : null;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('consultations')
      .values({
        id,
        org_id: org.id,
        programme_id: p.id,
        asker_id: actor.id,
        expert_id: expert.id,
        subject_id: subjectId,
        anonymised: body.anonymised ? 1 : 0,
        question: body.question,
        attachments: JSON.stringify(body.attachments),
        state: 'open',
        created_at: at,
        updated_at: at,
        closed_at: null,
        case_id: caseId,
      })
      .execute();
    const notice = { orgId: org.id, kind: 'message' as const, link: link(id) };
    await tellEach(trx, now, [expert.id], {
      ...notice,
      key: `consultation:${id}:asked`,
      content: askedNotice({ asker: actor.name, programme: p.name }),
    });
    if (subjectId)
      await tellEach(trx, now, [subjectId], {
        ...notice,
        link: '/profil',
        key: `consultation:${id}:subject`,
        content: subjectNotice({ asker: actor.name, expert: expert.name, programme: p.name }),
      });
    await audit(trx, now, {
      orgId: org.id,
      actorId: actor.id,
      action: 'consultation.asked',
      subjectType: 'consultation',
      subjectId: id,
      meta: { anonymised: body.anonymised },
    });
  });
  return { id };
}

function presentItem(c: ConsultationRow, standing: 'asker' | 'expert'): ConsultationItem {
  return {
    id: c.id,
    orgId: c.org_id,
    programme: { id: c.programme_id, name: c.programme_name },
    state: c.state as 'open' | 'closed',
    anonymised: c.anonymised === 1,
    standing,
    asker: { id: c.asker_id, name: c.asker_name },
    expert: { id: c.expert_id, name: c.expert_name },
    // The expert never learns whom the case is about from Compagnon: only from what is written.
    subject: standing === 'asker' && c.subject_id ? { id: c.subject_id, name: c.subject_name ?? '' } : null,
    createdAt: c.created_at,
    closedAt: c.closed_at,
    messages: Number(c.messages ?? 0),
  };
}

/** What the actor asked and what they were asked in an organisation (no question in the lists). */
export async function listConsultations(ctx: AppContext, actor: UserActor, orgId: string) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  const scope = scopeFor(actor);
  const [asked, received, options] = await Promise.all([
    listFor(ctx.db, scope, org.id, 'asker'),
    isExpertIn(actor, org.id) ? listFor(ctx.db, scope, org.id, 'expert') : [],
    askOptions(ctx, actor, org.id),
  ]);
  return {
    asked: asked.map((c) => presentItem(c, 'asker')),
    received: received.map((c) => presentItem(c, 'expert')),
    actions: { ask: options.programmes.length > 0 && options.experts.length > 0 },
  };
}

async function loadConsultation(ctx: AppContext, actor: UserActor, id: string) {
  const c = await findConsultation(ctx.db, scopeFor(actor), id);
  const a = c ? consultationAccessFor(actor, c, programmeOf(c)) : null;
  if (!c || !a) throw notFound('consultation');
  return { c, a };
}

/** One consultation; every read by the expert is audited, naming the tutee it is about when known. */
export async function readConsultation(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  ip: string | null,
): Promise<ConsultationView> {
  const { c, a } = await loadConsultation(ctx, actor, id);
  const thread = await threadOf(ctx.db, c.id);
  if (a.standing === 'expert')
    await auditRead(ctx.db, ctx.clock.now(), {
      orgId: c.org_id,
      actor,
      subjectPersonIds: c.subject_id ? [c.subject_id] : [],
      unnamed: !c.subject_id,
      kind: 'consultation',
      recordType: 'consultation',
      recordId: c.id,
      programmeId: c.programme_id,
      ip,
    });
  return {
    ...presentItem(c, a.standing),
    question: c.question,
    attachments: readJson(z.array(attachment), c.attachments, 'consultations.attachments'),
    thread: thread.map((m) => ({
      id: m.id,
      author: m.author_name ?? null,
      mine: m.author_id === actor.id,
      body: m.body,
      at: m.created_at,
    })),
    actions: a.actions,
  };
}

/** A message between the asker and the expert; the other one is told. */
export async function replyTo(ctx: AppContext, actor: UserActor, id: string, body: string) {
  const { c, a } = await loadConsultation(ctx, actor, id);
  if (c.state !== 'open') throw refuse(409, 'consultation_closed');
  if (!a.actions.reply) throw forbidden();
  const now = ctx.clock.now();
  const messageId = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('consultation_messages')
      .values({
        id: messageId,
        consultation_id: c.id,
        author_id: actor.id,
        body,
        created_at: now.toISOString(),
        erased_at: null,
      })
      .execute();
    await trx
      .updateTable('consultations')
      .set({ updated_at: now.toISOString() })
      .where('id', '=', c.id)
      .execute();
    await tellEach(trx, now, [a.standing === 'asker' ? c.expert_id : c.asker_id], {
      orgId: c.org_id,
      kind: 'message',
      key: `consultation:${c.id}:reply:${messageId}`,
      link: link(c.id),
      content: replyNotice({ author: actor.name }),
    });
  });
  return { id: messageId };
}

/** The asker closes the consultation: nothing more is written on it. */
export async function closeConsultation(ctx: AppContext, actor: UserActor, id: string) {
  const { c, a } = await loadConsultation(ctx, actor, id);
  if (c.state !== 'open') throw refuse(409, 'consultation_closed');
  if (!a.actions.close) throw forbidden();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('consultations')
      .set({ state: 'closed', closed_at: now, updated_at: now })
      .where('id', '=', c.id)
      .execute();
    await audit(trx, ctx.clock.now(), {
      orgId: c.org_id,
      actorId: actor.id,
      action: 'consultation.closed',
      subjectType: 'consultation',
      subjectId: c.id,
    });
  });
  return { state: 'closed' as const };
}
