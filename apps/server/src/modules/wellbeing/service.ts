import type { AppContext } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import { langOf } from '../../notify/templates.ts';
import type { UserActor } from '../../policy/actor.ts';
import { auditRead } from '../audit/reads.ts';
import { audit } from '../audit/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import { alertFor, markAlertSeen, tutorAlerts } from './alerts.ts';
import { answerCheckin, chooseTellTutor, presentCheckin } from './answer.ts';
import { guideOf, saveGuide } from './guide.ts';
import {
  checkinByToken,
  checkinReader,
  organisationForHelp,
  ownCheckin,
  programmeForCheckinSettings,
  programmeForConsent,
} from './policy.ts';
import { checkinSettingsOf, type Question, saveCheckinSettings } from './questions.ts';
import { checkinSummary, checkinsOf } from './reads.ts';
import { directory, type ResourceInput, saveDirectory } from './resources.ts';
import { openDueCheckins } from './schedule.ts';
import type { AnswerBody } from './schema.ts';
import type { Lang } from './who5.ts';

/** The check-in behind a private link or the signed-in page, as its tutee reads and answers it. */
export async function checkinByLink(ctx: AppContext, token: string) {
  const now = ctx.clock.now();
  const c = await checkinByToken(ctx.db, token, now);
  const user = await ctx.db
    .selectFrom('users')
    .select('locale')
    .where('id', '=', c.user_id)
    .executeTakeFirstOrThrow();
  return { c, lang: langOf(user.locale) };
}

export async function viewByLink(ctx: AppContext, token: string) {
  const { c, lang } = await checkinByLink(ctx, token);
  return presentCheckin(ctx.db, c, lang, ctx.clock.now());
}
export async function answerByLink(ctx: AppContext, token: string, body: AnswerBody) {
  const { c, lang } = await checkinByLink(ctx, token);
  return answerCheckin(ctx, c, body, lang);
}
export async function tellByLink(ctx: AppContext, token: string, tell: boolean) {
  const { c, lang } = await checkinByLink(ctx, token);
  return chooseTellTutor(ctx, c, tell, lang);
}

export async function viewMine(ctx: AppContext, actor: UserActor, id: string) {
  return presentCheckin(ctx.db, await ownCheckin(ctx.db, actor, id), langOf(actor.locale), ctx.clock.now());
}
export async function answerMine(ctx: AppContext, actor: UserActor, id: string, body: AnswerBody) {
  return answerCheckin(ctx, await ownCheckin(ctx.db, actor, id), body, langOf(actor.locale));
}
export async function tellMine(ctx: AppContext, actor: UserActor, id: string, tell: boolean) {
  return chooseTellTutor(ctx, await ownCheckin(ctx.db, actor, id), tell, langOf(actor.locale));
}

/**
 * Agreeing to check-ins or not, per programme; refusing keeps everything else. Agreeing opens the
 * first check-in at once; a refusal can be changed later from the same card.
 */
export async function setConsent(ctx: AppContext, actor: UserActor, programmeId: string, consent: boolean) {
  const p = await programmeForConsent(ctx, actor, programmeId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('checkin_consents')
      .set({ consent: consent ? 1 : 0, decided_at: now.toISOString() })
      .where('programme_id', '=', p.id)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0)
      await trx
        .insertInto('checkin_consents')
        .values({
          id: newId(),
          programme_id: p.id,
          user_id: actor.id,
          consent: consent ? 1 : 0,
          decided_at: now.toISOString(),
        })
        .execute();
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: consent ? 'wellbeing.consent_given' : 'wellbeing.consent_refused',
      subjectType: 'programme',
      subjectId: p.id,
    });
  });
  if (consent) await openDueCheckins(ctx.db, p.id, now, actor.id);
  return mine(ctx, actor);
}

/** What waits for the signed-in person: consents to give, check-ins to answer, alerts as a tutor. */
export async function mine(ctx: AppContext, actor: UserActor) {
  const now = ctx.clock.now();
  const tuteeIn = [...new Set(actor.memberships.filter((m) => m.role === 'tutee').map((m) => m.programmeId))];
  const [programmes, consents, open, alerts] = await Promise.all([
    tuteeIn.length
      ? ctx.db
          .selectFrom('programmes')
          .selectAll()
          .where('id', 'in', tuteeIn)
          .where('archived_at', 'is', null)
          .execute()
      : [],
    ctx.db
      .selectFrom('checkin_consents')
      .select(['programme_id', 'consent'])
      .where('user_id', '=', actor.id)
      .execute(),
    ctx.db
      .selectFrom('checkins')
      .innerJoin('programmes as p', 'p.id', 'checkins.programme_id')
      .select(['checkins.id', 'checkins.expires_at', 'p.name'])
      .where('checkins.user_id', '=', actor.id)
      .where('checkins.answered_at', 'is', null)
      .where('checkins.expires_at', '>', now.toISOString())
      .execute(),
    tutorAlerts(ctx.db, actor.id, now),
  ]);
  const decided = new Map(consents.map((c) => [c.programme_id, c.consent === 1]));
  return {
    consents: programmes
      .map((p) => ({ p, every: rulesOf(p).checkInEveryDays }))
      .filter((x) => x.every !== null)
      .map(({ p, every }) => ({
        programmeId: p.id,
        programme: p.name,
        everyDays: every as number,
        consent: decided.get(p.id) ?? null,
      })),
    open: open.map((o) => ({ id: o.id, programme: o.name, expiresAt: o.expires_at })),
    alerts,
  };
}

/** A person's check-ins for themselves or their tutor; the tutor's read is audited. */
export async function personCheckins(ctx: AppContext, actor: UserActor, programmeId: string, userId: string) {
  const { programme, relation } = await checkinReader(ctx, actor, programmeId, userId);
  const out = await checkinsOf(ctx.db, programme, userId, { relation, id: actor.id }, langOf(actor.locale));
  if (relation === 'tutor' && out.checkins.length > 0)
    await auditRead(ctx.db, ctx.clock.now(), {
      orgId: programme.org_id,
      actor,
      subjectPersonIds: [userId],
      kind: 'checkin',
      recordType: 'person',
      recordId: userId,
      programmeId: programme.id,
    });
  return out;
}

export async function summary(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await programmeForCheckinSettings(ctx, actor, programmeId, 'read');
  return checkinSummary(ctx.db, p.id, ctx.clock.now());
}

export async function settings(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await programmeForCheckinSettings(ctx, actor, programmeId, 'read');
  return { ...(await checkinSettingsOf(ctx.db, p.id)), checkInEveryDays: rulesOf(p).checkInEveryDays };
}

export async function updateSettings(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: { questions: Question[]; news: string | null },
) {
  const p = await programmeForCheckinSettings(ctx, actor, programmeId, 'write');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await saveCheckinSettings(trx, p.id, body, actor.id, now);
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'wellbeing.questions_changed',
      subjectType: 'programme',
      subjectId: p.id,
    });
  });
  return settings(ctx, actor, programmeId);
}

export async function readDirectory(ctx: AppContext, actor: UserActor, orgId: string) {
  const { org, canEdit } = await organisationForHelp(ctx, actor, orgId, 'read');
  const resources = await ctx.db
    .transaction()
    .execute((trx) => directory(trx, org.id, langOf(actor.locale), ctx.clock.now()));
  return { organisation: org.name, resources, canEdit };
}

export async function writeDirectory(
  ctx: AppContext,
  actor: UserActor,
  orgId: string,
  entries: (ResourceInput & { id: string | null })[],
) {
  const { org } = await organisationForHelp(ctx, actor, orgId, 'edit');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await saveDirectory(trx, org.id, entries, langOf(actor.locale), now);
    await audit(trx, now, {
      orgId: org.id,
      actorId: actor.id,
      action: 'wellbeing.directory_changed',
      subjectType: 'organisation',
      subjectId: org.id,
    });
  });
  return readDirectory(ctx, actor, orgId);
}

export async function readGuide(ctx: AppContext, actor: UserActor, orgId: string, lang?: Lang) {
  const { org, canEdit } = await organisationForHelp(ctx, actor, orgId, 'read');
  return {
    organisation: org.name,
    canEdit,
    ...(await guideOf(ctx.db, org.id, lang ?? langOf(actor.locale))),
  };
}

export async function writeGuide(
  ctx: AppContext,
  actor: UserActor,
  orgId: string,
  body: { lang: Lang; sections: { title: string; body: string }[] | null },
) {
  const { org } = await organisationForHelp(ctx, actor, orgId, 'edit');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await saveGuide(trx, org.id, body.lang, body.sections, actor.id, now);
    await audit(trx, now, {
      orgId: org.id,
      actorId: actor.id,
      action: 'wellbeing.guide_changed',
      subjectType: 'organisation',
      subjectId: org.id,
    });
  });
  return readGuide(ctx, actor, orgId, body.lang);
}

/** A well-being alert as its tutor opens it: who and when, nothing of the answers. */
export async function alert(ctx: AppContext, actor: UserActor, checkinId: string) {
  const c = await alertFor(ctx.db, actor, checkinId);
  const tutee = await ctx.db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', '=', c.user_id)
    .executeTakeFirstOrThrow();
  return {
    checkinId: c.id,
    orgId: c.org_id,
    programmeId: c.programme_id,
    tutee,
    toldAt: c.tutor_told_at as string,
    seenAt: c.tutor_seen_at,
  };
}

export async function alertSeen(ctx: AppContext, actor: UserActor, checkinId: string) {
  await markAlertSeen(ctx.db, actor, checkinId, ctx.clock.now());
  return { ok: true as const };
}
