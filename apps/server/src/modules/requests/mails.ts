import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { readJson } from '../../db/json.ts';
import { defineJob } from '../../jobs/registry.ts';
import { hashSecret, newSecret } from '../../lib/ids.ts';
import { deliverOnce } from '../../notify/deliver.ts';
import { messageIdFor } from '../../notify/notify.ts';
import { roleWord } from '../programmes/words.ts';
import { eligibilityFacts } from './eligibility.ts';
import { requestForMail } from './queries.ts';
import { explainCheck, requestTexts } from './texts.ts';

// The e-mails to the person who asked to join: they have no account (or are not signed in), so
// each goes to the address they typed, in the language they wrote in. The private link's secret is
// made when its e-mail is sent and stored hashed; the jobs table holds only the request's id.

const lang = (locale: string) => (locale === 'en' ? 'en' : 'fr');

/** What every e-mail about a request names: the person, the programme, its organisation, the role asked. */
function mailValues(r: MailRequest, l: 'fr' | 'en') {
  return {
    name: r.name,
    programme: r.programme_name,
    organisation: r.org_name,
    role: roleWord(r.template, l, r.role === 'tutor' ? 'tutor' : 'tutee'),
  };
}
type MailRequest = NonNullable<Awaited<ReturnType<typeof requestForMail>>>;

/** The link to confirm the address — the request reaches the coordination only then — and to withdraw it. */
export const confirmMail = defineJob(
  'requests.confirm-mail',
  z.object({ requestId: z.string() }),
  async ({ ctx, now, payload }) => {
    const r = await requestForMail(ctx.db, payload.requestId);
    if (r?.state !== 'unconfirmed') return;
    const key = `requests.confirm:${r.id}`;
    await deliverOnce(
      ctx.db,
      now,
      { key, orgId: r.org_id, channel: 'email', kind: 'requests.confirm' },
      async () => {
        const token = newSecret();
        await ctx.db
          .updateTable('join_requests')
          .set({ token_hash: hashSecret(token) })
          .where('id', '=', r.id)
          .execute();
        const l = lang(r.locale);
        const t = requestTexts(l);
        const values = { ...mailValues(r, l), link: linkFor(ctx, token) };
        const checks = readJson(eligibilityFacts, r.eligibility, 'join_requests.eligibility');
        const unmet = checks.filter((c) => !c.ok).map((c) => `• ${explainCheck(c, r.template, l)}`);
        const text = [
          t('confirm.body', values),
          ...(unmet.length ? [`${t('confirm.examined')}\n${unmet.join('\n')}`] : []),
        ];
        await ctx.mailer.send({
          to: r.email,
          subject: t('confirm.subject', values),
          text: text.join('\n\n'),
          headers: { 'Message-ID': messageIdFor(key) },
        });
        return 'sent';
      },
    );
  },
);

/** The person's page behind their link. */
export const linkFor = (ctx: AppContext, token: string) =>
  `${ctx.config.publicUrl}/rejoindre/demande/${token}`;

/** The coordination's answer to a declined request, with its message when it wrote one. */
export const declinedMail = defineJob(
  'requests.declined-mail',
  z.object({ requestId: z.string() }),
  async ({ ctx, now, payload }) => {
    const r = await requestForMail(ctx.db, payload.requestId);
    if (r?.state !== 'declined') return;
    const key = `requests.declined:${r.id}`;
    await deliverOnce(
      ctx.db,
      now,
      { key, orgId: r.org_id, channel: 'email', kind: 'requests.declined' },
      async () => {
        const l = lang(r.locale);
        const t = requestTexts(l);
        const values = mailValues(r, l);
        const text = [
          t('declined.body', values),
          ...(r.decline_message ? [`${t('declined.message')}\n${r.decline_message}`] : []),
          t('declined.end', values),
        ];
        await ctx.mailer.send({
          to: r.email,
          subject: t('declined.subject', values),
          text: text.join('\n\n'),
          headers: { 'Message-ID': messageIdFor(key) },
        });
        return 'sent';
      },
    );
  },
);
