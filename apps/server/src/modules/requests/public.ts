import type { AppContext } from '../../context.ts';
import { readJson } from '../../db/json.ts';
import { dayIn } from '../../domain/days.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { enqueue } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import type { Lang } from '../../notify/i18n.ts';
import { notify } from '../../notify/notify.ts';
import { audit } from '../audit/service.ts';
import { mailQuota } from '../auth/policy.ts';
import { coordinationOf } from '../difficulties/queries.ts';
import { normalisePhone } from '../people/phone.ts';
import { rulesOf } from '../programmes/templates.ts';
import { roleWord } from '../programmes/words.ts';
import { type CheckFacts, checkEligibility, eligibilityFacts } from './eligibility.ts';
import { confirmMail } from './mails.ts';
import { linkActions } from './policy.ts';
import { type LinkedRequest, openProgramme, requestByToken } from './queries.ts';
import { CONFIRM_DAYS, type JoinBody, type RequestState } from './schema.ts';
import { explainCheck, receivedNotice, ruleLines } from './texts.ts';

/**
 * The public side of a request to join: the programme's page (only while it takes requests: any
 * other programme id is a 404, so nobody learns which programmes exist), the form sent, and the
 * person's private link (confirm the address, see where the request stands, withdraw it).
 */

/** The checks of a request with their sentences in the reader's language. */
export function explained(checks: CheckFacts[], template: string, lang: Lang) {
  return {
    eligible: checks.every((c) => c.ok),
    checks: checks.map((c) => ({ rule: c.rule, ok: c.ok, explanation: explainCheck(c, template, lang) })),
  };
}

async function loadOpen(ctx: AppContext, programmeId: string) {
  const p = await openProgramme(ctx.db, programmeId);
  if (!p) throw notFound('programme');
  return p;
}

export async function joinPage(ctx: AppContext, programmeId: string, lang: Lang) {
  const p = await loadOpen(ctx, programmeId);
  const { eligibility } = rulesOf(p);
  return {
    programme: { id: p.id, name: p.name, template: p.template },
    organisation: { name: p.org_name },
    words: { tutor: roleWord(p.template, lang, 'tutor'), tutee: roleWord(p.template, lang, 'tutee') },
    eligibility,
    rules: ruleLines(eligibility, p.template, lang),
  };
}

const fieldError = (path: string, message: string) =>
  refuse(400, 'invalid_request', {}, { fields: [{ path, message }] });

/** What the programme's rules ask of a request beyond its shape: the answers they need, plausible. */
function checkAnswers(b: JoinBody, rules: ReturnType<typeof rulesOf>['eligibility'], day: string) {
  const year = Number(day.slice(0, 4));
  if (b.role === 'tutee' && rules.menteeInstalledMaxMonths !== null) {
    if (!b.installedOn) throw fieldError('installedOn', 'field_installed_on');
    if (!b.place) throw fieldError('place', 'field_required');
  }
  if (b.installedOn && Math.abs(Number(b.installedOn.slice(0, 4)) - year) > 60)
    throw fieldError('installedOn', 'field_installed_on');
  if (b.role === 'tutor' && rules.mentorMinYears !== null && b.practisingSince === null)
    throw fieldError('practisingSince', 'field_practising_since');
  if (b.practisingSince !== null && b.practisingSince > year)
    throw fieldError('practisingSince', 'field_practising_since');
}

/** What the form says, as the request's columns: a tutee's place and day of installation, a tutor's year. */
export function formColumns(b: JoinBody, verdict: ReturnType<typeof checkEligibility>) {
  const tutee = b.role === 'tutee';
  return {
    name: b.name,
    email: b.email,
    phone: b.phone ? normalisePhone(b.phone) : null,
    locale: b.locale,
    role: b.role,
    profession: b.profession,
    place: tutee ? b.place || null : null,
    installed_on: tutee ? b.installedOn : null,
    practising_since: tutee ? null : b.practisingSince,
    needs: b.needs,
    availability: b.availability,
    preferences: b.preferences,
    eligible: verdict.eligible ? 1 : 0,
    eligibility: JSON.stringify(verdict.checks),
  };
}

/**
 * Records a request and queues the e-mail with its private link. The eligibility is checked now,
 * on the organisation's calendar day, and told honestly: a request that does not fit is recorded
 * all the same, for the coordination to examine. At most a few e-mails an address per window
 * (mailQuota, as sign-in links): past it the request is kept, no e-mail goes.
 */
export async function submit(ctx: AppContext, programmeId: string, b: JoinBody, lang: Lang) {
  const p = await loadOpen(ctx, programmeId);
  const now = ctx.clock.now();
  const day = dayIn(now, p.time_zone);
  const { eligibility } = rulesOf(p);
  checkAnswers(b, eligibility, day);
  const verdict = checkEligibility(eligibility, b, day);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('join_requests')
      .values({
        id,
        org_id: p.org_id,
        programme_id: p.id,
        ...formColumns(b, verdict),
        state: 'unconfirmed',
        token_hash: null,
        created_at: now.toISOString(),
        confirmed_at: null,
        decided_at: null,
        decision: null,
        decided_by: null,
        override_reason: null,
        decline_message: null,
        withdrawn_at: null,
        user_id: null,
        membership_id: null,
      })
      .execute();
    if (await mailQuota(trx, ctx.config, `join:${b.email}`, now))
      await enqueue(trx, confirmMail, { requestId: id }, { runAt: now, now });
  });
  return { email: b.email, eligibility: explained(verdict.checks, p.template, lang) };
}

/** The request behind a link, while it can still be used: 404 for an unknown or stale link. */
async function loadLinked(ctx: AppContext, token: string): Promise<LinkedRequest> {
  const r = await requestByToken(ctx.db, token);
  const expired =
    r?.state === 'unconfirmed' &&
    Date.parse(r.created_at) + CONFIRM_DAYS * 86_400_000 <= ctx.clock.now().getTime();
  if (!r || expired) throw refuse(404, 'join_link_stale');
  return r;
}

function presentLinked(r: LinkedRequest, lang: Lang) {
  const state = r.state as RequestState;
  const role = r.role === 'tutor' ? 'tutor' : 'tutee';
  return {
    state,
    programme: { name: r.programme_name },
    organisation: { name: r.org_name },
    name: r.name,
    role: role as 'tutor' | 'tutee',
    roleWord: roleWord(r.template, lang, role),
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    decidedAt: r.decided_at,
    eligibility: explained(
      readJson(eligibilityFacts, r.eligibility, 'join_requests.eligibility'),
      r.template,
      lang,
    ),
    declineMessage: state === 'declined' ? r.decline_message : null,
    actions: linkActions(state),
  };
}

export async function linkPage(ctx: AppContext, token: string, lang: Lang) {
  return presentLinked(await loadLinked(ctx, token), lang);
}

/**
 * The person confirms their address: the request reaches the coordination, who is told (one
 * notice each, through notify()). Confirming again changes nothing.
 */
export async function confirm(ctx: AppContext, token: string, lang: Lang) {
  const r = await loadLinked(ctx, token);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('join_requests')
      .set({ state: 'pending', confirmed_at: now.toISOString() })
      .where('id', '=', r.id)
      .where('state', '=', 'unconfirmed')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return;
    const content = receivedNotice({
      name: r.name,
      programme: r.programme_name,
      template: r.template,
      role: r.role === 'tutor' ? 'tutor' : 'tutee',
      eligible: r.eligible === 1,
    });
    for (const userId of await coordinationOf(trx, r.programme_id, r.org_id))
      await notify(
        trx,
        {
          userId,
          orgId: r.org_id,
          kind: 'message',
          key: `requests.received:${r.id}:${userId}`,
          link: `/programmes/${r.programme_id}/demandes`,
          content,
        },
        now,
      );
    await audit(trx, now, {
      orgId: r.org_id,
      action: 'join_request.confirmed',
      subjectType: 'join_request',
      subjectId: r.id,
      meta: { programmeId: r.programme_id, role: r.role, eligible: r.eligible === 1 },
    });
  });
  return linkPage(ctx, token, lang);
}

/** The person withdraws their request, until it is decided. */
export async function withdraw(ctx: AppContext, token: string, lang: Lang) {
  const r = await loadLinked(ctx, token);
  if (!linkActions(r.state as RequestState).withdraw) throw refuse(409, 'join_request_decided');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('join_requests')
      .set({ state: 'withdrawn', withdrawn_at: now.toISOString() })
      .where('id', '=', r.id)
      .where('state', 'in', ['unconfirmed', 'pending'])
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw refuse(409, 'join_request_decided');
    await audit(trx, now, {
      orgId: r.org_id,
      action: 'join_request.withdrawn',
      subjectType: 'join_request',
      subjectId: r.id,
      meta: { programmeId: r.programme_id },
    });
  });
  return linkPage(ctx, token, lang);
}
