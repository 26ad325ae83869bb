import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { User } from '../../db/types.ts';
import { defineJob, enqueue } from '../../jobs/registry.ts';
import { deliverOnce } from '../../notify/deliver.ts';
import { roleName, translator } from '../../notify/i18n.ts';
import { messageIdFor } from '../../notify/notify.ts';
import { returnPathSchema } from './schema.ts';
import { createToken, INVITE_DAYS, MAGIC_MINUTES, RESET_MINUTES } from './service.ts';

/**
 * Sign-in links, password resets and programme invitations are jobs (`auth.mail`, one per e-mail),
 * enqueued where they are asked for — in the import's or the invitation's own transaction — so a
 * mail server that is down delays them instead of losing them. The link's secret is created when
 * the job runs and exists only in the e-mail (the jobs table holds ids, never a secret); the
 * deliveries ledger sends each one once.
 */
const payload = z.discriminatedUnion('kind', [
  // requestedAt: when it was asked for (absent from jobs queued before it was recorded).
  // next: the page of the app the link lands on once used.
  z.object({
    kind: z.literal('magic'),
    userId: z.string(),
    requestedAt: z.string().optional(),
    next: returnPathSchema.optional(),
  }),
  z.object({ kind: z.literal('reset'), userId: z.string(), requestedAt: z.string().optional() }),
  z.object({
    kind: z.literal('invite'),
    userId: z.string(),
    orgId: z.string(),
    programmeId: z.string(),
    role: z.string(),
    inviterId: z.string(),
  }),
]);
type AuthMail = z.infer<typeof payload>;

export const authMail = defineJob('auth.mail', payload, async ({ ctx, now, payload: p, job }) => {
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', p.userId).executeTakeFirst();
  if (!user || user.disabled_at) return;
  // A new password since the request cancels the links the old one could reach, these included.
  if (
    p.kind !== 'invite' &&
    p.requestedAt &&
    user.password_changed_at &&
    user.password_changed_at >= p.requestedAt
  ) {
    return;
  }
  const key = `auth.mail:${job.id}`;
  await deliverOnce(
    ctx.db,
    now,
    {
      key,
      orgId: p.kind === 'invite' ? p.orgId : undefined,
      userId: user.id,
      channel: 'email',
      kind: `auth.${p.kind}`,
    },
    async () => {
      const t = translator(user.locale);
      const mail =
        p.kind === 'magic'
          ? await magicMail(ctx, user, p, t)
          : p.kind === 'reset'
            ? await resetMail(ctx, user, t)
            : await inviteMail(ctx, user, p, t);
      await ctx.mailer.send({ to: user.email, ...mail, headers: { 'Message-ID': messageIdFor(key) } });
      return 'sent';
    },
  );
});

type Recipient = Pick<User, 'id' | 'email' | 'name' | 'locale'>;
type Translate = ReturnType<typeof translator>;

/** A sign-in link, landing on the page it was asked from. */
async function magicMail(
  ctx: AppContext,
  user: Recipient,
  p: Extract<AuthMail, { kind: 'magic' }>,
  t: Translate,
) {
  const token = await createToken(ctx, {
    kind: 'magic',
    email: user.email,
    userId: user.id,
    minutes: MAGIC_MINUTES,
  });
  const query = new URLSearchParams({ token });
  if (p.next) query.set('suite', p.next);
  const link = `${ctx.config.publicUrl}/connexion/lien?${query}`;
  return {
    subject: t('mail.magic.subject'),
    text: t('mail.magic.body', { name: user.name, minutes: MAGIC_MINUTES, link }),
  };
}

/** A link to choose a new password. */
async function resetMail(ctx: AppContext, user: Recipient, t: Translate) {
  const token = await createToken(ctx, {
    kind: 'reset',
    email: user.email,
    userId: user.id,
    minutes: RESET_MINUTES,
  });
  const link = `${ctx.config.publicUrl}/connexion/nouveau-mot-de-passe?token=${token}`;
  return {
    subject: t('mail.reset.subject'),
    text: t('mail.reset.body', { name: user.name, minutes: RESET_MINUTES, link }),
  };
}

/** An invitation to a programme, naming who invites (or the organisation) and the role. */
async function inviteMail(
  ctx: AppContext,
  user: Recipient,
  p: Extract<AuthMail, { kind: 'invite' }>,
  t: Translate,
) {
  const [org, programme, inviter] = await Promise.all([
    ctx.db.selectFrom('organisations').select('name').where('id', '=', p.orgId).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('programmes')
      .select(['name', 'template'])
      .where('id', '=', p.programmeId)
      .executeTakeFirstOrThrow(),
    ctx.db.selectFrom('users').select('name').where('id', '=', p.inviterId).executeTakeFirst(),
  ]);
  const token = await createToken(ctx, {
    kind: 'invite',
    email: user.email,
    userId: user.id,
    minutes: INVITE_DAYS * 24 * 60,
    orgId: p.orgId,
    programmeId: p.programmeId,
    role: p.role,
    createdBy: p.inviterId,
  });
  const inviterName = inviter?.name ?? org.name;
  return {
    subject: t('mail.invite.subject', { inviter: inviterName, programme: programme.name }),
    text: t('mail.invite.body', {
      name: user.name,
      inviter: inviterName,
      programme: programme.name,
      organisation: org.name,
      role: roleName(user.locale, p.role, programme.template),
      days: INVITE_DAYS,
      link: `${ctx.config.publicUrl}/invitation?token=${token}`,
    }),
  };
}

/** Queues one of these e-mails, in the caller's transaction when it has one. */
export async function enqueueAuthMail(db: Db, mail: AuthMail, now: Date): Promise<void> {
  await enqueue(db, authMail, mail, { runAt: now, now });
}
