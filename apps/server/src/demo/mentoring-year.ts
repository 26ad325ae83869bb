import { DateTime } from 'luxon';
import { newId } from '../lib/ids.ts';
import { visibilityColumns } from '../modules/meetings/reports.ts';
import { reportContent } from '../modules/meetings/schema.ts';
import { type MentoringDemo, sign, writeTerms } from './mentoring.ts';
import { demoEndReviews, type EndedPair } from './mentoring-reviews.ts';
import type { Person } from './seed.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Last year's six pairs: who, where, how many meetings they held. The sixth stopped in February. */
const PAIRS = [
  {
    mentor: {
      name: 'Dr Bertrand Leclercq',
      profession: 'Médecin généraliste',
      city: 'Abbeville',
      since: 2009,
    },
    mentee: { name: 'Pauline Delaporte', profession: 'Médecin généraliste', city: 'Saint-Valery-sur-Somme' },
    meetings: 8,
  },
  {
    mentor: { name: 'Sandrine Lemaire', profession: 'Infirmière', city: 'Friville-Escarbotin', since: 2012 },
    mentee: { name: 'Marine Dumoulin', profession: 'Infirmière', city: 'Gamaches' },
    meetings: 6,
  },
  {
    mentor: { name: 'Claire Dufour', profession: 'Sage-femme', city: 'Abbeville', since: 2014 },
    mentee: { name: 'Élodie Flament', profession: 'Sage-femme', city: 'Rue' },
    meetings: 10,
  },
  {
    mentor: {
      name: 'Olivier Poulain',
      profession: 'Masseur-kinésithérapeute',
      city: 'Doullens',
      since: 2008,
    },
    mentee: { name: 'Thibault Hénin', profession: 'Masseur-kinésithérapeute', city: 'Auxi-le-Château' },
    meetings: 5,
  },
  {
    mentor: {
      name: 'Dr Isabelle Carpentier',
      profession: 'Médecin généraliste',
      city: 'Albert',
      since: 2011,
    },
    mentee: { name: 'Maxence Wattebled', profession: 'Médecin généraliste', city: 'Corbie' },
    meetings: 7,
  },
  {
    mentor: { name: 'Dr Philippe Lecomte', profession: 'Pharmacien', city: 'Abbeville', since: 2010 },
    mentee: { name: 'Romain Desmarest', profession: 'Pharmacien', city: 'Ailly-le-Haut-Clocher' },
    meetings: 3,
  },
] as const;

const EARLY_REASON =
  'Le mentoré reprend une officine dans le Pas-de-Calais et quitte le territoire de la CPTS : fin ' +
  'd’un commun accord, avec ses remerciements.';

const TOPICS = [
  '- Premiers mois d’installation : agenda, secrétariat\n- Contacts utiles de la CPTS',
  '- Cotations et télétransmission\n- Relations avec la CPAM',
  '- Organisation des visites à domicile\n- Permanence des soins',
  '- Équilibre vie professionnelle et personnelle\n- Prendre des congés sans fermer le cabinet',
  '- Coordination avec les pharmacies et les infirmiers du secteur\n- Protocoles de la CPTS',
  '- Bilan des six mois : ce qui va, ce qui pèse',
  '- Comptabilité et URSSAF\n- Choix d’un expert-comptable',
  '- Patients complexes : à qui passer la main\n- Réunions pluriprofessionnelles',
  '- Projets de la deuxième année\n- Devenir maître de stage ?',
  '- Bilan de l’année et suite du lien',
];

/**
 * The previous programme year, in the same programme and in the cohort of that year (archived): six
 * new mentors and mentees (mentor-YYYY-N@cpts.demo, mentore-YYYY-N@cpts.demo), paired by the
 * matching published on 20 August, the charter signed by the three in the following days. Five
 * pairs completed their twelve months on 20 August of the next year after 5 to 10 meetings; one
 * ended early in February. Everyone left the programme at the end of August. Their end reviews and
 * the satisfaction questionnaire follow (mentoring-reviews.ts).
 */
export async function demoLastYear(d: MentoringDemo, year: number) {
  const local = (month: number, day: number, hour: number, y = year) =>
    DateTime.fromObject({ year: y, month, day, hour }, { zone: d.zone });
  const published = local(8, 20, 18);
  const completed = local(8, 20, 0, year + 1).plus({ minutes: 5 });
  const earlyEnd = local(2, 12, 11, year + 1);
  const left = local(8, 28, 10, year + 1)
    .toUTC()
    .toISO() as string;
  const cohortId = newId();
  await d.db
    .insertInto('cohorts')
    .values({
      id: cohortId,
      org_id: d.programme.orgId,
      programme_id: d.programme.id,
      name: `${year}-${year + 1}`,
      kind: 'academic-year',
      starts_on: `${year}-09-01`,
      ends_on: `${year + 1}-08-31`,
      created_at: local(6, 2, 9).toUTC().toISO() as string,
      archived_at: local(8, 31, 17, year + 1)
        .toUTC()
        .toISO() as string,
    })
    .execute();
  const ended: EndedPair[] = [];
  for (const [k, spec] of PAIRS.entries()) {
    const n = k + 1;
    const early = k === PAIRS.length - 1;
    const mentor = await d.people.person(
      d.programme.orgId,
      `mentor-${year}-${n}@cpts.demo`,
      spec.mentor.name,
      {
        commune: spec.mentor.city,
        project: `${spec.mentor.profession}, en exercice depuis ${spec.mentor.since}`,
        presentation: `${spec.mentor.profession} à ${spec.mentor.city}, mentor·e de la CPTS en ${year}-${year + 1}.`,
      },
    );
    const mentee = await d.people.person(
      d.programme.orgId,
      `mentore-${year}-${n}@cpts.demo`,
      spec.mentee.name,
      {
        commune: spec.mentee.city,
        project: `${spec.mentee.profession} — installation à ${spec.mentee.city}`,
      },
    );
    const endedAt = (early ? earlyEnd : completed).toUTC().toISO() as string;
    const joined = published
      .minus({ days: 40 - k })
      .toUTC()
      .toISO() as string;
    await membership(d, mentor, 'tutor', null, joined, left);
    await membership(d, mentee, 'tutee', cohortId, joined, early ? plusDays(endedAt, 1) : left);
    const pairing = await pastPair(d, cohortId, mentor, mentee, published.toUTC().toISO() as string, {
      endedAt,
      early,
    });
    const at = (days: number, hours: number) => published.plus({ days, hours }).toUTC().toISO() as string;
    await sign(d, pairing, 'mentor', mentor, at(1, k % 3));
    await sign(d, pairing, 'mentee', mentee, at(2 + (k % 3), 4));
    await sign(d, pairing, 'organisation', d.coordination, at(6, 16));
    await writeTerms(d, pairing, published.toUTC().toISO() as string, {
      endedAt,
      early,
      remindedAt: early ? null : completed.minus({ days: 30 }).plus({ hours: 9 }).toUTC().toISO(),
    });
    const first = local(9, 8 + k, 18);
    const last = early ? earlyEnd.minus({ days: 10 }) : local(8, 6, 18, year + 1);
    const step = last.diff(first, 'days').days / Math.max(1, spec.meetings - 1);
    for (let m = 0; m < spec.meetings; m++) {
      const startsAt = first.plus({ days: Math.round(m * step) }).set({ hour: 18 + (m % 2), minute: 30 });
      await pastMeeting(d, mentor, mentee, startsAt.toUTC().toISO() as string, m);
    }
    ended.push({ pairing, mentor, mentee, endedAt, early, n });
  }
  await demoEndReviews(d, ended, published.minus({ days: 10 }).toUTC().toISO() as string);
}

const plusDays = (at: string, days: number) => new Date(Date.parse(at) + days * DAY).toISOString();

async function membership(
  d: MentoringDemo,
  person: Person,
  role: 'tutor' | 'tutee',
  cohortId: string | null,
  joined: string,
  left: string,
) {
  await d.db
    .insertInto('memberships')
    .values({
      id: newId(),
      org_id: d.programme.orgId,
      programme_id: d.programme.id,
      cohort_id: cohortId,
      user_id: person.id,
      role,
      capacity: role === 'tutor' ? 1 : null,
      created_at: joined,
      ended_at: left,
      invited_at: joined,
    })
    .execute();
}

/** A pair of last year: published by the coordination, then completed by the agreements' sweep or ended early by its mentee. */
async function pastPair(
  d: MentoringDemo,
  cohortId: string,
  mentor: Person,
  mentee: Person,
  publishedAt: string,
  end: { endedAt: string; early: boolean },
) {
  const pairing = {
    id: newId(),
    org_id: d.programme.orgId,
    programme_id: d.programme.id,
  };
  await d.db
    .insertInto('pairings')
    .values({
      ...pairing,
      cohort_id: cohortId,
      tutor_user_id: mentor.id,
      tutee_user_id: mentee.id,
      group_key: null,
      state: end.early ? 'ended' : 'completed',
      created_at: publishedAt,
      ended_at: end.endedAt,
      end_reason: end.early ? EARLY_REASON : null,
    })
    .execute();
  const event = (
    at: string,
    actor: string | null,
    kind: string,
    from: string,
    to: string,
    reason: string | null,
  ) =>
    d.db
      .insertInto('pairing_events')
      .values({
        id: newId(),
        ...{ org_id: pairing.org_id, programme_id: pairing.programme_id, pairing_id: pairing.id },
        at,
        actor_id: actor,
        kind,
        from_state: from,
        to_state: to,
        reason,
      })
      .execute();
  await event(publishedAt, d.coordination.id, 'published', 'proposed', 'active', 'manual');
  if (end.early) await event(end.endedAt, mentee.id, 'ended', 'active', 'ended', EARLY_REASON);
  else await event(end.endedAt, null, 'completed', 'active', 'completed', null);
  return pairing;
}

/** A meeting held: confirmed, both present, its report filed by the mentor the next day. */
async function pastMeeting(d: MentoringDemo, mentor: Person, mentee: Person, startsAt: string, m: number) {
  const id = newId();
  const at = (minutes: number) => new Date(Date.parse(startsAt) + minutes * MINUTE).toISOString();
  await d.db
    .insertInto('meetings')
    .values({
      id,
      org_id: d.programme.orgId,
      programme_id: d.programme.id,
      organiser_id: mentor.id,
      kind: 'meeting',
      title: m === 0 ? 'Première rencontre de mentorat' : 'Rencontre de mentorat',
      mode: ['in-person', 'video', 'in-person', 'phone'][m % 4] as string,
      place: null,
      video_url: null,
      guide_id: null,
      duration_minutes: 60,
      status: 'confirmed',
      starts_at: startsAt,
      ends_at: at(60),
      ical_uid: `${id}@compagnon`,
      sequence: 0,
      poll_expires_at: null,
      reminded_at: at(-24 * 60),
      created_at: at(-12 * 24 * 60),
      updated_at: at(-12 * 24 * 60),
    })
    .execute();
  for (const user of [mentor.id, mentee.id])
    await d.db
      .insertInto('meeting_participants')
      .values({
        id: newId(),
        meeting_id: id,
        user_id: user,
        required: user === mentor.id ? 1 : 0,
        poll_token_hash: null,
        answered_at: null,
        poll_reminded_at: null,
        attendance: 'present',
      })
      .execute();
  const filed = at(20 * 60);
  await d.db
    .insertInto('meeting_reports')
    .values({
      meeting_id: id,
      author_id: mentor.id,
      status: 'filed',
      duration_minutes: 60,
      content: JSON.stringify(
        reportContent.parse({
          themes: TOPICS[m % TOPICS.length],
          conclusions: 'On se revoit dans un mois et demi ; d’ici là, un SMS si besoin.',
        }),
      ),
      updated_at: filed,
      filed_at: filed,
      ...visibilityColumns(d.rules.reportVisibility),
    })
    .execute();
}
