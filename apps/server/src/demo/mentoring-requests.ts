import { DateTime } from 'luxon';
import { hashSecret, newId, newSecret } from '../lib/ids.ts';
import { checkEligibility } from '../modules/requests/eligibility.ts';
import { formColumns } from '../modules/requests/public.ts';
import { type JoinBody, joinBody } from '../modules/requests/schema.ts';
import type { MentoringDemo } from './mentoring.ts';

const MINUTE = 60_000;

type Outcome =
  | { state: 'unconfirmed' }
  | { state: 'pending' }
  | { state: 'accepted'; decidedDaysAgo: number; overrideReason: string | null; memberEmail: string }
  | { state: 'declined'; decidedDaysAgo: number; message: string };

interface DemoRequest {
  daysAgo: number;
  /** The form as the person filled it in; days are counted from the day they sent it. */
  form: Partial<JoinBody> & { installedInMonths?: number };
  outcome: Outcome;
}

/**
 * Requests to join from the programme's public page (open): two waiting for the coordination — a
 * midwife settling in Abbeville next month, and a physiotherapist settled 14 months ago, beyond the
 * rule, told so when she sent it — one accepted earlier with a reason (mentore6, now paired), one
 * declined with a message (a doctor practising for a year only), and one whose address is not confirmed yet.
 */
function waiting(d: MentoringDemo): DemoRequest[] {
  const nextMonth = DateTime.fromISO(d.now, { zone: d.zone }).startOf('month').plus({ months: 1 });
  return [
    {
      daysAgo: 3,
      form: {
        name: 'Louise Caron',
        email: 'louise.caron@courriel.demo',
        phone: '06 12 48 75 30',
        role: 'tutee',
        profession: 'Sage-femme',
        place: 'Abbeville',
        installedOn: nextMonth.toISODate() as string,
        needs:
          'Je m’installe en libéral le mois prochain, seule, après six ans en maternité au CH d’Abbeville. ' +
          'J’aimerais être accompagnée pour la cotation, la gestion du cabinet et le lien avec les médecins ' +
          'et les pharmacies du secteur.',
        availability: 'Plutôt en fin de journée, à partir de 18 h ; le mercredi midi est possible.',
        preferences: 'Une sage-femme libérale ou un·e médecin généraliste du Vimeu.',
      },
      outcome: { state: 'pending' },
    },
    {
      daysAgo: 6,
      form: {
        name: 'Justine Delcourt',
        email: 'justine.delcourt@courriel.demo',
        phone: null,
        role: 'tutee',
        profession: 'Masseuse-kinésithérapeute',
        place: 'Albert',
        installedInMonths: -14,
        needs:
          'Installée depuis un peu plus d’un an en reprise de patientèle, je suis débordée par les demandes ' +
          'de rendez-vous et je n’arrive pas à organiser les soins à domicile. Un regard extérieur m’aiderait.',
        availability: 'Le jeudi après-midi.',
        preferences: '',
      },
      outcome: { state: 'pending' },
    },
  ];
}

/** The requests the coordination decided, and one that never reached it. */
function handled(d: MentoringDemo): DemoRequest[] {
  const mentee6 = d.mentees[5];
  const thisYear = DateTime.fromISO(d.now, { zone: d.zone }).year;
  return [
    ...(mentee6
      ? [
          {
            daysAgo: d.formed + 9,
            form: {
              name: mentee6.name,
              email: mentee6.email,
              phone: null,
              role: 'tutee' as const,
              profession: 'Infirmière',
              place: 'Roye',
              installedInMonths: -13,
              needs:
                'J’ai repris seule un cabinet infirmier à Roye il y a un an : tournées longues, cotations, ' +
                'coordination avec les médecins du secteur. Je voudrais échanger avec une consœur expérimentée.',
              availability: 'En début d’après-midi, entre deux tournées.',
              preferences: 'Une infirmière libérale.',
            },
            outcome: {
              state: 'accepted' as const,
              decidedDaysAgo: d.formed + 1,
              memberEmail: mentee6.email,
              overrideReason:
                'Installée depuis 13 mois, mais seule sur un secteur sans autre cabinet infirmier : la ' +
                'commission mentorat de la CPTS a jugé l’accompagnement prioritaire.',
            },
          },
        ]
      : []),
    {
      daysAgo: 30,
      form: {
        name: 'Dr Sophie Maréchal',
        email: 'sophie.marechal@courriel.demo',
        phone: '06 71 22 09 84',
        role: 'tutor',
        profession: 'Médecin généraliste',
        practisingSince: thisYear - 1,
        needs:
          'Installée à Doullens l’an dernier, j’ai moi-même beaucoup appris des collègues : j’aimerais à mon ' +
          'tour accompagner un·e nouvel·le installé·e.',
        availability: 'Un soir par mois.',
        preferences: '',
      },
      outcome: {
        state: 'declined',
        decidedDaysAgo: 25,
        message:
          'Merci beaucoup pour votre proposition ! Le mentorat demande trois ans d’exercice : nous vous ' +
          'recontacterons avec plaisir d’ici là. En attendant, vous êtes la bienvenue aux soirées ' +
          'd’échange de pratiques de la CPTS, le premier jeudi du mois à Abbeville.',
      },
    },
    {
      daysAgo: 1,
      form: {
        name: 'Nadia Benali',
        email: 'nadia.benali@courriel.demo',
        phone: '07 58 33 16 42',
        role: 'tutee',
        profession: 'Infirmière',
        place: 'Doullens',
        installedInMonths: 2,
        needs: 'Création d’un cabinet infirmier en association avec une collègue : par où commencer ?',
        availability: 'Le week-end ou le soir.',
        preferences: '',
      },
      outcome: { state: 'unconfirmed' },
    },
  ];
}

/** The page opened months ago, and the requests written as requests/public.ts and service.ts write them. */
export async function demoJoinRequests(d: MentoringDemo) {
  await d.db
    .insertInto('join_request_pages')
    .values({ programme_id: d.programme.id, open: 1, updated_at: d.ago(200), updated_by: d.coordination.id })
    .execute();
  for (const r of [...waiting(d), ...handled(d)]) {
    const sent = d.ago(r.daysAgo);
    const day = DateTime.fromISO(sent, { zone: d.zone });
    const { installedInMonths, ...form } = r.form;
    const installedOn =
      installedInMonths === undefined
        ? (form.installedOn ?? null)
        : (day.plus({ months: installedInMonths }).toISODate() as string);
    const b = joinBody.parse({ ...form, installedOn });
    const verdict = checkEligibility(d.rules.eligibility, b, day.toISODate() as string);
    const o = r.outcome;
    const decided = o.state === 'accepted' || o.state === 'declined' ? d.ago(o.decidedDaysAgo) : null;
    const member = o.state === 'accepted' ? await membershipOf(d, o.memberEmail) : null;
    await d.db
      .insertInto('join_requests')
      .values({
        id: newId(),
        org_id: d.programme.orgId,
        programme_id: d.programme.id,
        ...formColumns(b, verdict),
        state: o.state,
        // The confirmation e-mail went, with its link's secret stored hashed.
        token_hash: hashSecret(newSecret()),
        created_at: sent,
        confirmed_at:
          o.state === 'unconfirmed' ? null : new Date(Date.parse(sent) + 12 * MINUTE).toISOString(),
        decided_at: decided,
        decision: o.state === 'accepted' || o.state === 'declined' ? o.state : null,
        decided_by: decided ? d.coordination.id : null,
        override_reason: o.state === 'accepted' && !verdict.eligible ? o.overrideReason : null,
        decline_message: o.state === 'declined' ? o.message : null,
        withdrawn_at: null,
        user_id: member?.user_id ?? null,
        membership_id: member?.id ?? null,
      })
      .execute();
    // The accepted person became a member the day the coordination said yes.
    if (member && decided)
      await d.db
        .updateTable('memberships')
        .set({ created_at: decided, invited_at: decided })
        .where('id', '=', member.id)
        .execute();
  }
}

async function membershipOf(d: MentoringDemo, email: string) {
  return d.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.user_id'])
    .where('m.programme_id', '=', d.programme.id)
    .where('m.role', '=', 'tutee')
    .where('u.email', '=', email)
    .executeTakeFirstOrThrow();
}
