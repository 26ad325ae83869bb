import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { newId } from '../lib/ids.ts';
import { unitKey } from '../modules/reviews/invite.ts';
import { type EndReviewBody, endReviewBody, storedQuestions } from '../modules/reviews/schema.ts';
import type { MentoringDemo } from './mentoring.ts';
import type { Person } from './seed.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface EndedPair {
  pairing: { id: string; org_id: string; programme_id: string };
  mentor: Person;
  mentee: Person;
  endedAt: string;
  early: boolean;
  /** 1 … 6, as in mentoring-year.ts. */
  n: number;
}

type Review = Omit<Partial<EndReviewBody>, 'scales'> & { scales: [number, number, number, number] };

/**
 * What each party wrote at the end, as the review form submits it (reviews/schema.ts endReviewBody):
 * four free answers, the four scales (relationship, programme, goals, help with the installation),
 * themes, and whether it is shared with the coordination. Null: invited, not written.
 */
const MENTEES: Review[] = [
  {
    texts: {
      achieved:
        'Je voulais m’installer sereinement en cabinet de groupe : c’est fait, avec une patientèle stable depuis le printemps.',
      relationship:
        'Très disponible, toujours un retour dans la journée. Voir son organisation au cabinet m’a beaucoup appris.',
      programme: 'La charte a posé le cadre dès le départ ; la coordination a relancé au bon moment.',
      suggestions: 'Une rencontre de tous les binômes à mi-parcours.',
    },
    scales: [5, 4, 4, 5],
    themes: ['installation', 'patients', 'network'],
    shared: true,
  },
  {
    texts: {
      achieved: 'Mon cabinet tourne, les tournées sont organisées et j’ai trouvé une remplaçante pour l’été.',
      relationship: 'Des échanges simples et concrets, souvent par téléphone entre deux tournées.',
      programme: 'Utile, même si la prise de contact a tardé les premières semaines.',
      suggestions: 'Remettre l’annuaire des professionnels de la CPTS dès l’entrée dans le programme.',
    },
    scales: [5, 4, 4, 4],
    themes: ['administrative', 'network', 'balance'],
    otherTheme: 'Trouver une remplaçante',
    shared: true,
  },
  {
    texts: {
      achieved: 'Les démarches sont faites, mais je reste seule le week-end et c’est lourd.',
      relationship: 'Bienveillante, mais nos agendas se sont rarement croisés.',
      programme: 'Le cadre est clair ; j’aurais aimé plus de rencontres collectives.',
    },
    scales: [4, 3, 3, 4],
    themes: ['administrative', 'finances'],
    shared: false,
  },
  {
    texts: {
      achieved: 'Reprise de patientèle réussie ; j’ai renégocié le loyer du local grâce à ses conseils.',
      relationship: 'Des rencontres un peu espacées l’hiver, toujours utiles.',
      programme: 'Simple à suivre ; les rappels avant les rencontres aident.',
      suggestions: 'Une fiche sur la reprise de patientèle (contrat, valorisation).',
    },
    scales: [4, 4, 5, 4],
    themes: ['premises', 'finances', 'patients'],
    shared: true,
  },
  {
    texts: {
      achieved: 'Installé, associé depuis juin, et je commence à accueillir des externes.',
      relationship: 'Une vraie confiance ; on continuera à se voir.',
      programme: 'La charte et le suivi sont légers, c’est ce qu’il faut.',
      suggestions: 'Proposer aux mentorés de devenir mentors quelques années plus tard.',
    },
    scales: [5, 5, 4, 5],
    themes: ['installation', 'balance', 'training'],
    otherTheme: 'Devenir maître de stage',
    shared: true,
  },
  {
    texts: {
      achieved: 'Mon projet a changé : je reprends une officine hors du territoire.',
      relationship: 'Bonne, mais trop courte pour en tirer beaucoup.',
    },
    scales: [3, 3, 2, 3],
    themes: ['network'],
    shared: false,
  },
];

const MENTORS: (Review | null)[] = [
  {
    texts: {
      achieved:
        'Accompagner une jeune consœur jusqu’à une installation stable ; j’ai revu ma propre organisation au passage.',
      relationship: 'Une confiance rapide, des échanges francs.',
      programme: 'La charte évite les malentendus sur la disponibilité de chacun.',
      suggestions: 'Un temps d’échange entre mentors deux fois par an.',
    },
    scales: [5, 5, 4, 5],
    themes: ['installation', 'patients'],
    shared: true,
  },
  {
    texts: {
      achieved: 'Elle est autonome, et le réseau infirmier du Vimeu s’est agrandi.',
      relationship: 'Très agréable.',
    },
    scales: [4, 4, 4, 4],
    themes: ['network'],
    shared: false,
  },
  {
    texts: {
      achieved: 'Les démarches administratives sont derrière elle ; il reste la question des gardes.',
      relationship: 'Nous avons eu du mal à caler des rendez-vous, mais chaque rencontre a compté.',
      programme: 'Bon suivi de la coordination, sans lourdeur.',
      suggestions: 'Des créneaux de rencontre proposés par la CPTS, en visio le soir.',
    },
    scales: [5, 4, 4, 4],
    themes: ['administrative', 'training', 'wellbeing'],
    shared: true,
  },
  null,
  {
    texts: {
      achieved: 'Il s’est associé, accueille des externes et veut devenir mentor à son tour.',
      relationship: 'Excellente.',
      programme: 'Rien à redire ; les comptes rendus courts suffisent.',
    },
    scales: [5, 4, 5, 5],
    themes: ['installation', 'network', 'balance'],
    shared: true,
  },
  {
    texts: {
      achieved: 'Peu de choses : son projet a changé à l’automne.',
      relationship: 'Cordiale.',
      programme: 'La fin anticipée s’est faite simplement.',
    },
    scales: [3, 4, 2, 2],
    themes: ['network'],
    otherTheme: 'Départ du territoire',
    shared: true,
  },
];

const SCALE_IDS = ['relationship', 'programme', 'goals', 'installation'] as const;

/** Questions of the coordination's satisfaction questionnaire, as reviews/questionnaires.ts stores them. */
const QUESTIONS = storedQuestions.parse([
  { id: 'q1', kind: 'scale', label: 'Dans l’ensemble, êtes-vous satisfait·e de cette année de mentorat ?' },
  {
    id: 'q2',
    kind: 'yesno',
    label: 'Recommanderiez-vous le mentorat de la CPTS à un·e collègue qui s’installe ?',
  },
  { id: 'q3', kind: 'scale', label: 'Les rencontres étaient-elles assez fréquentes ?' },
  { id: 'q4', kind: 'text', label: 'Un mot pour la coordination' },
]);

const ANSWERS: (Record<string, number | boolean | string> | null)[] = [
  { q1: 5, q2: true, q3: 4, q4: 'Merci pour l’organisation, simple et efficace.' },
  { q1: 4, q2: true, q3: 4 },
  { q1: 5, q2: true, q3: 5, q4: 'Continuez les soirées de la CPTS !' },
  { q1: 4, q2: true, q3: 3 },
  null,
  { q1: 3, q2: true, q3: 3, q4: 'Plus de rencontres collectives.' },
  { q1: 4, q2: true, q3: 4 },
  null,
  { q1: 5, q2: true, q3: 5 },
  { q1: 5, q2: true, q3: 4, q4: 'À refaire.' },
  { q1: 3, q2: false, q3: 2 },
  null,
];

/**
 * The end reviews of last year's pairs — each party invited by the end-review sweep once the end was
 * final, most submitting within days, some sharing theirs with the coordination — and the
 * coordination's anonymous satisfaction questionnaire, sent at each pair's end.
 */
export async function demoEndReviews(d: MentoringDemo, pairs: EndedPair[], questionnaireAt: string) {
  for (const x of pairs) {
    const invitedAt = new Date(Date.parse(x.endedAt) + 20 * MINUTE).toISOString();
    const sides = [
      { person: x.mentee, role: 'tutee' as const, review: MENTEES[x.n - 1] ?? null, after: 2 + x.n },
      { person: x.mentor, role: 'tutor' as const, review: MENTORS[x.n - 1] ?? null, after: 1 + x.n },
    ];
    for (const s of sides) {
      const body = endReviewBody.parse({
        ...s.review,
        scales: s.review ? Object.fromEntries(SCALE_IDS.map((id, i) => [id, s.review?.scales[i]])) : {},
      });
      const submittedAt = s.review ? new Date(Date.parse(invitedAt) + s.after * DAY).toISOString() : null;
      await d.db
        .insertInto('end_reviews')
        .values({
          id: newId(),
          org_id: x.pairing.org_id,
          programme_id: x.pairing.programme_id,
          user_id: s.person.id,
          role: s.role,
          unit_key: unitKey({ ...x.pairing, group_key: null }),
          pairing_id: x.pairing.id,
          question_set: 'installation-mentoring',
          pair_ended_at: x.endedAt,
          invited_at: invitedAt,
          updated_at: submittedAt ?? invitedAt,
          submitted_at: submittedAt,
          texts: JSON.stringify(body.texts),
          scales: JSON.stringify(body.scales),
          themes: JSON.stringify([...new Set(body.themes)]),
          other_theme: body.otherTheme || null,
          shared: body.shared ? 1 : 0,
          erased_at: null,
        })
        .execute();
    }
  }
  await satisfactionQuestionnaire(d, pairs, questionnaireAt);
}

async function satisfactionQuestionnaire(d: MentoringDemo, pairs: EndedPair[], createdAt: string) {
  const id = newId();
  await d.db
    .insertInto('questionnaires')
    .values({
      id,
      org_id: d.programme.orgId,
      programme_id: d.programme.id,
      title: 'Satisfaction en fin de mentorat',
      audience: 'both',
      questions: JSON.stringify(QUESTIONS),
      moment: 'at-end',
      months: null,
      send_on: null,
      active: 1,
      created_by: d.coordination.id,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .execute();
  const people = pairs.flatMap((x) => [
    { user: x.mentee, endedAt: x.endedAt },
    { user: x.mentor, endedAt: x.endedAt },
  ]);
  for (const [i, p] of people.entries()) {
    const askedAt = new Date(Date.parse(p.endedAt) + 25 * MINUTE).toISOString();
    const answers = ANSWERS[i] ?? null;
    await d.db
      .insertInto('questionnaire_asks')
      .values({
        id: newId(),
        questionnaire_id: id,
        user_id: p.user.id,
        asked_at: askedAt,
        answered: answers ? 1 : 0,
      })
      .execute();
    if (!answers) continue;
    // Anonymous: a random id and the month only, as reviews/questionnaires.ts answerAsk writes them.
    await d.db
      .insertInto('questionnaire_answers')
      .values({
        id: randomUUID(),
        questionnaire_id: id,
        month: DateTime.fromISO(askedAt, { zone: d.zone }).plus({ days: 3 }).toFormat('yyyy-MM'),
        answers: JSON.stringify(answers),
      })
      .execute();
  }
}
