import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { dayIn, dayWords } from '../../domain/days.ts';
import { refuse } from '../../http/errors.ts';
import { defineJob } from '../../jobs/registry.ts';
import { hashSecret, newSecret } from '../../lib/ids.ts';
import { deliverOnce } from '../../notify/deliver.ts';
import { messageIdFor } from '../../notify/notify.ts';
import { langOf } from '../../notify/templates.ts';
import { traceForReviewer } from './access.ts';
import { loadFramework, loadTrace, versionsOf } from './queries.ts';
import { portfolioTexts } from './texts.ts';

// The tutor who lives in their mailbox: on the morning of the week a trace is theirs to review,
// it comes by e-mail, whole, with a private link to comment, ask for a revision or validate without
// signing in. The link's secret is made when the e-mail is sent, stored hashed, and stops working
// once the trace is reviewed, sent again, or its tutor changes.

const DAY = 86_400_000;

/** The e-mail of one sent version to its reviewer, once. */
export const reviewMail = defineJob(
  'portfolio.review-mail',
  z.object({ traceId: z.string(), version: z.number().int() }),
  async ({ ctx, now, payload }) => {
    const key = `portfolio.review:${payload.traceId}:${payload.version}`;
    const trace = await loadTrace(ctx.db, payload.traceId);
    if (trace?.state !== 'submitted' || !trace.reviewer_id) return;
    const version = (await versionsOf(ctx.db, trace.id)).find((v) => v.number === payload.version);
    if (!version?.submitted_at || version.reviewer_id !== trace.reviewer_id) return;
    await deliverOnce(
      ctx.db,
      now,
      { key, orgId: trace.org_id, userId: trace.reviewer_id, channel: 'email', kind: 'portfolio.review' },
      () => sendReviewMail(ctx, now, trace.id, version, key),
    );
  },
);

async function sendReviewMail(
  ctx: AppContext,
  now: Date,
  traceId: string,
  version: { id: string; number: number; body: string; submitted_at: string | null },
  key: string,
): Promise<'sent' | 'skipped'> {
  const { programme, resident, trace } = await traceForReviewer(ctx, traceId);
  const reviewer = await ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale', 'disabled_at'])
    .where('id', '=', trace.reviewer_id as string)
    .executeTakeFirst();
  if (!reviewer || reviewer.disabled_at) return 'skipped';
  const framework = await loadFramework(ctx.db, programme.id);
  const files = await ctx.db
    .selectFrom('portfolio_attachments')
    .select('id')
    .where('version_id', '=', version.id)
    .execute();
  const token = newSecret();
  const expires = new Date(now.getTime() + framework.reviewLinkDays * DAY);
  await ctx.db
    .updateTable('portfolio_traces')
    .set({ review_token_hash: hashSecret(token), review_token_expires_at: expires.toISOString() })
    .where('id', '=', trace.id)
    .execute();
  const lang = langOf(reviewer.locale);
  const t = portfolioTexts(lang);
  const type = framework.traceTypes.find((x) => x.id === trace.type_id)?.label ?? trace.type_id;
  const sentOn = dayWords(dayIn(new Date(version.submitted_at as string), programme.time_zone), lang);
  const until = dayWords(dayIn(expires, programme.time_zone), lang);
  const link = `${ctx.config.publicUrl}/relecture/${token}`;
  const text = [
    t('reviewMail.intro', { resident: resident.name, type, programme: programme.name }),
    t('reviewMail.version', { number: version.number, date: sentOn }),
    `— ${trace.title} —`,
    version.body.trim(),
    files.length > 0 ? t('reviewMail.attachments', { count: files.length }) : '',
    `${t('reviewMail.link', { until })}\n${link}`,
    t('reviewMail.cap', { count: framework.weeklyReviewCap }),
  ]
    .filter((p) => p !== '')
    .join('\n\n');
  await ctx.mailer.send({
    to: reviewer.email,
    subject: t('reviewMail.subject', { title: trace.title, resident: resident.name }),
    text,
    headers: { 'Message-ID': messageIdFor(key) },
  });
  return 'sent';
}

/** The trace a private review link opens, while it is valid; its reviewer must still be the tutor. */
export async function traceByToken(ctx: AppContext, token: string) {
  const row = await ctx.db
    .selectFrom('portfolio_traces')
    .select(['id', 'review_token_expires_at'])
    .where('review_token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row?.review_token_expires_at || row.review_token_expires_at <= ctx.clock.now().toISOString())
    throw refuse(404, 'review_link_stale');
  const found = await traceForReviewer(ctx, row.id);
  if (!found.trace.reviewer_id || found.resident.tutor?.id !== found.trace.reviewer_id)
    throw refuse(404, 'review_link_stale');
  return { ...found, relation: 'tutor' as const };
}
