import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { defineJob, enqueue } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import { deliverOnce } from '../../notify/deliver.ts';
import { roleName, translator } from '../../notify/i18n.ts';
import { messageIdFor, notify } from '../../notify/notify.ts';
import type { Role, UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { INVITE_DAYS } from '../auth/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import type { InvitationView } from './schema.ts';

/**
 * An account that already exists and is not in the organisation is never enrolled by a
 * coordinator: it is invited. Until the person accepts, no organisation membership, no programme
 * membership, and nothing of their account (name, phone, sign-ins) reaches the organisation; the
 * invitation keeps only what the coordinator typed. The person answers signed in, from their
 * invitations page: the e-mail carries no secret, so a forwarded e-mail lets nobody else join in
 * their name.
 */

/** Enrols a person in an organisation (an empty profile), unless they already are. */
export async function ensureOrgMember(db: Db, now: string, orgId: string, userId: string): Promise<void> {
  const member = await db
    .selectFrom('org_members')
    .select('id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (member) return;
  await db
    .insertInto('org_members')
    .values({
      id: newId(),
      org_id: orgId,
      user_id: userId,
      is_admin: 0,
      home_commune: null,
      professional_project: null,
      themes: '[]',
      languages: '[]',
      faculty: null,
      des_year: null,
      share_phone: 0,
      presentation: null,
      created_at: now,
    })
    .execute();
}

/**
 * Records the invitation and queues its e-mail and in-app notice, in the caller's transaction.
 * A second invitation to the same programme with the same role while one awaits an answer is a 409
 * (an import, which may be committed again, skips it instead); returns whether one was sent.
 */
export async function inviteExistingAccount(
  trx: Db,
  now: Date,
  actor: UserActor,
  p: Programme,
  userId: string,
  typed: { email: string; name: string; role: Role; capacity?: number | null },
  whenPending: 'refuse' | 'skip-if-pending' = 'refuse',
): Promise<boolean> {
  const iso = now.toISOString();
  const pending = await trx
    .selectFrom('programme_invitations')
    .select('id')
    .where('programme_id', '=', p.id)
    .where('user_id', '=', userId)
    .where('role', '=', typed.role)
    .where('answered_at', 'is', null)
    .where('expires_at', '>', iso)
    .executeTakeFirst();
  if (pending && whenPending === 'skip-if-pending') return false;
  if (pending) throw refuse(409, 'already_invited', { email: typed.email });
  const id = newId();
  await trx
    .insertInto('programme_invitations')
    .values({
      id,
      org_id: p.org_id,
      programme_id: p.id,
      user_id: userId,
      email: typed.email,
      name: typed.name,
      role: typed.role,
      capacity: typed.capacity ?? null,
      invited_by: actor.id,
      created_at: iso,
      expires_at: new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString(),
      answered_at: null,
      answer: null,
    })
    .execute();
  await audit(trx, now, {
    orgId: p.org_id,
    actorId: actor.id,
    action: 'membership.invited',
    subjectType: 'programme',
    subjectId: p.id,
    meta: { invitationId: id, role: typed.role },
  });
  await enqueue(trx, programmeInvitation, { invitationId: id }, { runAt: now, now });
  return true;
}

/** What an invitation says, read when its message is sent (the programme may have been renamed). */
async function invitationFacts(db: Db, invitationId: string) {
  return db
    .selectFrom('programme_invitations as i')
    .innerJoin('programmes', 'programmes.id', 'i.programme_id')
    .innerJoin('organisations', 'organisations.id', 'i.org_id')
    .leftJoin('users as inviter', 'inviter.id', 'i.invited_by')
    .select([
      'i.id',
      'i.user_id',
      'i.org_id',
      'i.programme_id',
      'i.role',
      'i.name as typed_name',
      'i.invited_by',
      'i.expires_at',
      'i.answered_at',
      'programmes.name as programme',
      'programmes.template',
      'organisations.name as organisation',
      'inviter.name as inviter',
    ])
    .where('i.id', '=', invitationId)
    .executeTakeFirst();
}

/** The invitation's e-mail (always: it is what the person answers) and its in-app notice. */
export const programmeInvitation = defineJob(
  'people.invitation',
  z.object({ invitationId: z.string() }),
  async ({ ctx, now, payload, job }) => {
    const inv = await invitationFacts(ctx.db, payload.invitationId);
    if (!inv || inv.answered_at || inv.expires_at <= now.toISOString()) return;
    const user = await ctx.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'locale', 'disabled_at'])
      .where('id', '=', inv.user_id)
      .executeTakeFirst();
    if (!user || user.disabled_at) return;
    const t = translator(user.locale);
    const texts = {
      inviter: inv.inviter ?? inv.organisation,
      programme: inv.programme,
      organisation: inv.organisation,
      role: roleName(user.locale, inv.role, inv.template),
    };
    const link = '/invitations';
    const key = `people.invitation:${job.id}`;
    const base = { orgId: inv.org_id, userId: user.id, kind: 'people.invitation' };
    await deliverOnce(ctx.db, now, { ...base, key: `${key}:inapp`, channel: 'inapp' }, async () => {
      await ctx.db
        .insertInto('notifications')
        .values({
          id: newId(),
          user_id: user.id,
          org_id: null,
          kind: 'message',
          title: t('mail.join.noticeTitle', texts),
          body: t('mail.join.noticeBody', texts),
          link,
          created_at: now.toISOString(),
          read_at: null,
        })
        .execute();
      return 'sent';
    });
    await deliverOnce(ctx.db, now, { ...base, key: `${key}:email`, channel: 'email' }, async () => {
      await ctx.mailer.send({
        to: user.email,
        subject: t('mail.join.subject', texts),
        text: t('mail.join.body', {
          ...texts,
          name: user.name,
          days: INVITE_DAYS,
          link: `${ctx.config.publicUrl}${link}`,
        }),
        headers: { 'Message-ID': messageIdFor(`${key}:email`) },
      });
      return 'sent';
    });
  },
);

/** The actor's own invitations that still await an answer, newest first. */
export async function myInvitations(ctx: AppContext, actor: UserActor): Promise<InvitationView[]> {
  const rows = await ctx.db
    .selectFrom('programme_invitations as i')
    .innerJoin('programmes', 'programmes.id', 'i.programme_id')
    .innerJoin('organisations', 'organisations.id', 'i.org_id')
    .leftJoin('users as inviter', 'inviter.id', 'i.invited_by')
    .select([
      'i.id',
      'i.role',
      'i.expires_at',
      'i.created_at',
      'programmes.id as programme_id',
      'programmes.name as programme_name',
      'programmes.template',
      'programmes.rules',
      'organisations.id as org_id',
      'organisations.name as org_name',
      'inviter.name as inviter',
    ])
    .where('i.user_id', '=', actor.id)
    .where('i.answered_at', 'is', null)
    .where('i.expires_at', '>', ctx.clock.now().toISOString())
    .where('programmes.archived_at', 'is', null)
    .orderBy('i.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    programme: { id: r.programme_id, name: r.programme_name, template: r.template },
    organisation: { id: r.org_id, name: r.org_name },
    invitedBy: r.inviter ?? null,
    expiresAt: r.expires_at,
    phoneShared: rulesOf(r).phoneSharedByDefault,
  }));
}

/** An invitation to this person that is still open (not answered, not expired), with its programme. */
function openInvitation(db: Db, invitationId: string, userId: string, iso: string) {
  return db
    .selectFrom('programme_invitations as i')
    .innerJoin('programmes', 'programmes.id', 'i.programme_id')
    .select([
      'i.id',
      'i.org_id',
      'i.programme_id',
      'i.role',
      'i.capacity',
      'i.name',
      'i.invited_by',
      'programmes.name as programme',
      'programmes.template',
      'programmes.archived_at',
    ])
    .where('i.id', '=', invitationId)
    .where('i.user_id', '=', userId)
    .where('i.answered_at', 'is', null)
    .where('i.expires_at', '>', iso)
    .executeTakeFirst();
}

type OpenInvitation = NonNullable<Awaited<ReturnType<typeof openInvitation>>>;

/** The accepted invitation's memberships: the organisation's, and the programme role unless held. */
async function joinInvitedProgramme(trx: Db, iso: string, inv: OpenInvitation, userId: string) {
  await ensureOrgMember(trx, iso, inv.org_id, userId);
  const live = await trx
    .selectFrom('memberships')
    .select('id')
    .where('programme_id', '=', inv.programme_id)
    .where('user_id', '=', userId)
    .where('role', '=', inv.role)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (live) return;
  await trx
    .insertInto('memberships')
    .values({
      id: newId(),
      org_id: inv.org_id,
      programme_id: inv.programme_id,
      cohort_id: null,
      user_id: userId,
      role: inv.role,
      capacity: inv.capacity,
      created_at: iso,
      ended_at: null,
      invited_at: iso,
    })
    .execute();
}

/** The inviter hears the answer in the app, under the name they typed. */
async function tellInviter(trx: Db, now: Date, inv: OpenInvitation, answer: 'accepted' | 'declined') {
  const said = (lang: 'fr' | 'en') => {
    const t = translator(lang);
    const params = {
      name: inv.name,
      programme: inv.programme,
      role: roleName(lang, inv.role, inv.template),
    };
    return {
      title: t(`mail.join.${answer}Title`, params),
      body: t(`mail.join.${answer}Body`, params),
    };
  };
  await notify(
    trx,
    {
      userId: inv.invited_by,
      orgId: inv.org_id,
      kind: 'message',
      key: `people.invitation-answer:${inv.id}`,
      link: `/programmes/${inv.programme_id}`,
      content: { fr: said('fr'), en: said('en') },
    },
    now,
  );
}

/**
 * The invitee accepts (joining the organisation and the programme) or declines (nothing is
 * enrolled). Only the invited person can answer, once, before it expires; anyone else is told it
 * does not exist. The inviter hears the answer in the app, under the name they typed.
 */
export async function answerInvitation(
  ctx: AppContext,
  actor: UserActor,
  invitationId: string,
  answer: 'accepted' | 'declined',
): Promise<{ programmeId: string }> {
  const now = ctx.clock.now();
  const iso = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const inv = await openInvitation(trx, invitationId, actor.id, iso);
    if (!inv || inv.archived_at) throw notFound('invitation');
    // Claimed once, even if the person clicks twice at the same moment.
    const claimed = await trx
      .updateTable('programme_invitations')
      .set({ answered_at: iso, answer })
      .where('id', '=', inv.id)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw notFound('invitation');
    if (answer === 'accepted') await joinInvitedProgramme(trx, iso, inv, actor.id);
    await audit(trx, now, {
      orgId: inv.org_id,
      actorId: actor.id,
      action: answer === 'accepted' ? 'membership.invitation_accepted' : 'membership.invitation_declined',
      subjectType: 'programme',
      subjectId: inv.programme_id,
      meta: { invitationId: inv.id, role: inv.role },
    });
    await tellInviter(trx, now, inv, answer);
    return { programmeId: inv.programme_id };
  });
}

/**
 * Ends a person's enrolment in an organisation when their last live programme membership there
 * has ended: nobody stays in an organisation only because a coordinator once added them. Its
 * admins stay (their enrolment is not a programme's).
 */
export async function leaveOrganisationIfNoProgramme(
  db: Db,
  orgId: string,
  userId: string,
): Promise<boolean> {
  const [live, member] = await Promise.all([
    db
      .selectFrom('memberships')
      .select('id')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('org_members')
      .select(['id', 'is_admin'])
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  ]);
  if (live || !member || member.is_admin === 1) return false;
  await db.deleteFrom('placements').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  await db.deleteFrom('org_members').where('id', '=', member.id).execute();
  return true;
}
