import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { dayIn } from '../../domain/days.ts';
import { forbidden, refuse } from '../../http/errors.ts';
import { enqueue } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { ResidentContext } from './access.ts';
import type { Framework } from './framework.ts';
import { reviewMail } from './link.ts';
import { traceSummary } from './present.ts';
import { loadTrace, reviewsAsked, type TraceRow, versionsOf } from './queries.ts';
import { mondayOf, morningOf, reviewWeekFor } from './schedule.ts';
import { portfolioNotice, wordedDay } from './texts.ts';
import { actionsFor } from './traces.ts';

/**
 * The week the reviewer is asked to read a trace sent now: the first week from this one with room
 * under the programme's weekly cap. On PostgreSQL the reviewer's row is locked until the
 * transaction ends, so twelve traces sent at the same moment still take turns.
 */
async function takeReviewWeek(trx: Db, ctx: AppContext, reviewerId: string, today: string, cap: number) {
  const lock = trx.selectFrom('users').select('id').where('id', '=', reviewerId);
  await (ctx.dbKind === 'postgres' ? lock.forUpdate() : lock).execute();
  const thisWeek = mondayOf(today);
  const asked = await reviewsAsked(trx, reviewerId, thisWeek);
  return { week: reviewWeekFor(asked, thisWeek, cap), thisWeek };
}

/**
 * The resident sends the draft to their tutor. The version is kept as sent; the tutor is told at
 * once in the app, and receives the trace by e-mail on the morning of the week it is theirs to
 * review (at once when that is this week).
 */
export async function submitTrace(
  ctx: AppContext,
  rc: ResidentContext,
  trace: TraceRow,
  framework: Framework,
) {
  const { programme, resident } = rc;
  if (rc.relation !== 'self') throw forbidden();
  if (
    !actionsFor({ relation: rc.relation, userId: resident.id }, trace, programme.archived_at !== null).submit
  )
    throw refuse(409, 'trace_not_editable');
  const draft = (await versionsOf(ctx.db, trace.id)).find((v) => v.submitted_at === null);
  const files = draft
    ? await ctx.db
        .selectFrom('portfolio_attachments')
        .select('id')
        .where('version_id', '=', draft.id)
        .execute()
    : [];
  if (!draft || (draft.body.trim() === '' && files.length === 0)) throw refuse(400, 'trace_empty');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = dayIn(now, programme.time_zone);
  const reviewer = resident.tutor;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const slot = reviewer
      ? await takeReviewWeek(trx, ctx, reviewer.id, today, framework.weeklyReviewCap)
      : null;
    await trx
      .updateTable('portfolio_versions')
      .set({ submitted_at: at, reviewer_id: reviewer?.id ?? null, review_week: slot?.week ?? null })
      .where('id', '=', draft.id)
      .execute();
    await trx
      .updateTable('portfolio_traces')
      .set({
        state: 'submitted',
        submitted_at: at,
        reviewer_id: reviewer?.id ?? null,
        review_week: slot?.week ?? null,
        revision_due_on: null,
        review_token_hash: null,
        review_token_expires_at: null,
      })
      .where('id', '=', trace.id)
      .execute();
    await recordSubmission(trx, trace.id, draft.number, resident.id, at);
    if (reviewer && slot)
      await tellReviewer(
        trx,
        {
          programme,
          resident,
          trace,
          reviewer,
          week: slot.week,
          thisWeek: slot.thisWeek,
          version: draft.number,
        },
        now,
      );
    return slot;
  });
  const fresh = (await loadTrace(ctx.db, trace.id)) as TraceRow;
  return {
    trace: traceSummary({ ...fresh, versions: draft.number }, framework, today, programme.time_zone),
    reviewWeek: result?.week ?? null,
    deferred: result ? result.week > result.thisWeek : false,
  };
}

async function recordSubmission(trx: Db, traceId: string, version: number, residentId: string, at: string) {
  await trx
    .insertInto('portfolio_messages')
    .values({
      id: newId(),
      trace_id: traceId,
      version_number: version,
      author_id: residentId,
      kind: 'submission',
      quote: null,
      body: '',
      created_at: at,
    })
    .execute();
}

/** The reviewer is told in the app now, and gets the trace by e-mail on their review week's morning. */
async function tellReviewer(
  trx: Db,
  s: {
    programme: ResidentContext['programme'];
    resident: ResidentContext['resident'];
    trace: TraceRow;
    reviewer: { id: string };
    week: string;
    thisWeek: string;
    version: number;
  },
  now: Date,
) {
  const { programme, resident, trace, reviewer } = s;
  const draft = { number: s.version };
  const slot = { week: s.week };
  await notify(
    trx,
    {
      userId: reviewer.id,
      orgId: programme.org_id,
      kind: 'message',
      key: `portfolio:submitted:${trace.id}:${draft.number}`,
      link: `/portfolio/traces/${trace.id}`,
      content: portfolioNotice('submitted', {
        resident: resident.name,
        title: trace.title,
        week: wordedDay(slot.week),
      }),
    },
    now,
  );
  // This week's review goes at once (even on a Monday before 9:00); a later week's on its morning.
  const morning = s.week > s.thisWeek ? morningOf(slot.week, programme.time_zone) : now;
  await enqueue(
    trx,
    reviewMail,
    { traceId: trace.id, version: draft.number },
    {
      runAt: morning > now ? morning : now,
      dedupeKey: `portfolio.review:${trace.id}:${draft.number}`,
      now,
    },
  );
}
