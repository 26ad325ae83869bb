import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { pdfClass } from '../lib/heavy.ts';
import { defaultCharter } from '../modules/agreements/default-charter.ts';
import { charterPdf } from '../modules/agreements/document.ts';
import { agreementNotice, firstMeetingNotice } from '../modules/agreements/texts.ts';
import { announcementNotice, repliedNotice } from '../modules/announcements/texts.ts';
import { clock, Failure } from '../modules/availability/phrase-words.ts';
import { parsePhrase } from '../modules/availability/phrases.ts';
import { coachingNotice } from '../modules/coaching/texts.ts';
import * as consultations from '../modules/consultations/texts.ts';
import * as difficulties from '../modules/difficulties/texts.ts';
import { themeLines } from '../modules/difficulties/themes.ts';
import { noticeOf } from '../modules/followup/notices.ts';
import { reviewCsv, reviewPdf } from '../modules/followup/review-documents.ts';
import { describeRule, reviewTexts } from '../modules/followup/review-texts.ts';
import { alertRules } from '../modules/followup/rules.ts';
import * as followup from '../modules/followup/texts.ts';
import { defaultGuides, guideTopics } from '../modules/guides/defaults.ts';
import { decidedNotice, suggestedNotice } from '../modules/guides/texts.ts';
import * as imports from '../modules/imports/messages.ts';
import { acceptedRoleWords, roleNames } from '../modules/imports/roles.ts';
import { endedNotice } from '../modules/matching/ending.ts';
import { icsDescription } from '../modules/meetings/invitations.ts';
import { meetingNoticeTexts } from '../modules/meetings/notices.ts';
import { nudgeNoticeTexts } from '../modules/meetings/nudges.ts';
import * as meetings from '../modules/meetings/texts.ts';
import * as networks from '../modules/networks/texts.ts';
import { confirmationPage, unknownLinkPage, unsubscribedPage } from '../modules/notifications/pages.ts';
import { templateIds } from '../modules/programmes/templates.ts';
import { confidentialityNotice } from '../modules/programmes/texts.ts';
import * as requests from '../modules/requests/texts.ts';
import { questionSets, themeLabels } from '../modules/reviews/questions.ts';
import { endReviewNotice, questionnaireNotice } from '../modules/reviews/texts.ts';
import { qualitativeLines } from '../modules/reviews/yearly-documents.ts';
import { exportPdf } from '../modules/rights/document.ts';
import { fieldNames } from '../modules/rights/fields.ts';
import { rightsTexts, rightsTextsFor } from '../modules/rights/texts.ts';
import { newMessageNotice } from '../modules/threads/texts.ts';
import * as training from '../modules/training/texts.ts';
import { defaultQuestions, wordQuestion, workloadScale } from '../modules/wellbeing/questions.ts';
import { askTexts, tutorAlertTexts, yourTutor } from '../modules/wellbeing/texts.ts';
import { digestTexts, renderMail } from './templates.ts';

// Every server text, called with representative values (names that elide or not, counts 0, 1 and 2,
// both languages), against the committed record of what they said (texts.snapshot.json). A
// difference is a wording that changed: the record is the reference, not the code.

const langs = ['fr', 'en'] as const;
const counts = [0, 1, 2] as const;
// A consonant, a vowel, a mute h, an aspirated h and a y sounding as a consonant.
const names = ['Paul', 'Émilie', 'Hugo', 'Hollande', 'Yann'] as const;

type Out = Record<string, unknown>;

function flatten(value: unknown, path: string, out: Out) {
  if (Array.isArray(value) && value.length === 0) out[path] = '[]';
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flatten(v, `${path}.${k}`, out);
  else if (value === undefined) out[path] = '<undefined>';
  else out[path] = value;
}

/** Captures every string a PDF writes (pdfkit's text()), and its title. */
async function pdfTexts(write: () => Promise<Buffer>): Promise<string[]> {
  const written: string[] = [];
  const proto = pdfClass().prototype as unknown as {
    text: (...a: unknown[]) => unknown;
    end: () => unknown;
    info: { Title?: string };
  };
  const text = proto.text;
  const end = proto.end;
  proto.text = function (this: unknown, ...a: unknown[]) {
    written.push(String(a[0]));
    return text.apply(this, a);
  };
  proto.end = function (this: { info: { Title?: string } }) {
    written.push(`title: ${this.info.Title}`);
    return end.apply(this);
  };
  try {
    await write();
  } finally {
    proto.text = text;
    proto.end = end;
  }
  return written;
}

function mailTexts(r: (k: string, v: unknown) => void) {
  for (const lang of langs) {
    for (const name of ['Paul', 'Émilie']) {
      r(`renderMail.${lang}.${name}.full`, {
        ...renderMail({
          to: 'a@example.org',
          name,
          lang,
          subject: 'Sujet <important> & "cité"',
          paragraphs: ['Premier paragraphe.', 'Deux lignes\nici & là.'],
          link: '/rencontres/42',
          publicUrl: 'https://compagnon.example.org',
          unsubscribeToken: 'tok en/1',
          sections: [
            {
              heading: 'Suivi des binômes',
              items: [
                { title: 'Une alerte', body: 'Corps <b>', link: 'https://ailleurs.example.org/x' },
                { title: 'Sans lien', body: 'Rien', link: null },
              ],
            },
          ],
        }),
      });
      r(`renderMail.${lang}.${name}.bare`, {
        ...renderMail({
          to: 'b@example.org',
          name,
          lang,
          subject: 'S',
          paragraphs: [],
          publicUrl: 'https://compagnon.example.org',
          unsubscribeToken: 't',
        }),
      });
    }
    const d = digestTexts(lang);
    for (const n of [...counts, 3]) r(`digest.${lang}.subject.${n}`, d.digestSubject(n));
    r(`digest.${lang}.intro`, d.digestIntro);
    for (const k of ['alert', 'reminder', 'message', 'other']) r(`digest.${lang}.kinds.${k}`, d.kinds[k]);
    for (const k of ['open', 'footer', 'why', 'prefs', 'unsubscribe'] as const)
      r(`digest.${lang}.${k}`, d[k]);
    r(`digest.${lang}.hello`, d.hello('Émilie'));
    for (const known of [true, false]) r(`pages.confirm.${lang}.${known}`, confirmationPage(lang, known));
    r(`pages.unsubscribed.${lang}`, unsubscribedPage(lang));
  }
  r('pages.unknown', unknownLinkPage());
}

function consultationTexts(r: (k: string, v: unknown) => void) {
  for (const name of names) {
    r(`consultations.asked.${name}`, consultations.askedNotice({ asker: name, programme: 'DMG Lyon' }));
    r(
      `consultations.subject.${name}`,
      consultations.subjectNotice({ asker: 'Anne', expert: name, programme: 'DMG Lyon' }),
    );
    r(`consultations.reply.${name}`, consultations.replyNotice({ author: name }));
    r(`threads.newMessage.${name}`, newMessageNotice({ author: name, programme: 'DMG Lyon' }));
  }
}

function difficultyTexts(r: (k: string, v: unknown) => void) {
  const categories = ['harassment', 'internship', 'nights', 'workload', 'other', 'unheard-of'];
  const states = ['new', 'acknowledged', 'in_progress', 'closed', 'unheard-of'];
  for (const lang of langs) {
    for (const c of categories) r(`difficulties.category.${lang}.${c}`, difficulties.categoryLabel(c, lang));
    for (const s of states) r(`difficulties.state.${lang}.${s}`, difficulties.stateLabel(s, lang));
    r(
      `difficulties.themes.${lang}`,
      themeLines(
        {
          minimum: 5,
          themes: [
            { category: 'harassment', count: null },
            { category: 'workload', count: 7 },
          ],
        },
        lang,
      ),
    );
  }
  for (const category of ['nights', 'unheard-of']) {
    for (const author of [null, 'Émilie']) {
      const o = { category, programme: 'DMG Lyon', author };
      r(`difficulties.raised.${category}.${author}`, difficulties.raisedNotice(o));
      r(`difficulties.authorReply.${category}.${author}`, difficulties.authorReplyNotice(o));
    }
    r(
      `difficulties.coordinationReply.${category}`,
      difficulties.coordinationReplyNotice({ category, coordinator: 'Paul' }),
    );
    for (const to of states)
      r(`difficulties.state.${category}.${to}`, difficulties.stateNotice({ category, to }));
    r(
      `difficulties.forwarded.${category}`,
      difficulties.forwardedNotice({ category, organisation: 'ISNAR-IMG' }),
    );
    r(`difficulties.received.${category}`, difficulties.receivedNotice({ category, from: 'SRP-IMG' }));
  }
}

function followupTexts(r: (k: string, v: unknown) => void) {
  const names3 = { tutor: 'Paul', tutee: 'Émilie', programme: 'DMG Lyon' };
  for (const rule of alertRules) {
    for (const n of counts) {
      const detail = { days: n, limit: 14, held: n, expected: n, attempts: n, weeks: n };
      for (const lang of langs)
        r(`followup.describe.${rule}.${n}.${lang}`, followup.describeAlert(rule, detail, lang));
    }
    const detail = { days: 21, limit: 14, held: 1, expected: 3, attempts: 2, weeks: 6 };
    r(`followup.tutorNotice.${rule}`, followup.tutorNotice(rule, detail, names3));
    r(`followup.coordinatorNotice.${rule}`, followup.coordinatorNotice(rule, detail, names3));
    for (const lang of langs) r(`followup.rule.${rule}.${lang}`, describeRule(rule, lang));
  }
  for (const name of names)
    r(
      `followup.message.${name}`,
      followup.coordinatorMessage('Un mot.', { ...names3, tutee: name, coordinator: name }),
    );
  const alert = (level: string, rule: string, tutee: string) => ({
    level,
    rule,
    tutor: 'Paul',
    tutee,
    programme: 'DMG Lyon',
    detail: JSON.stringify({ days: 30, limit: 14, held: 0, expected: 2, attempts: 3, weeks: 6 }),
  });
  r('followup.notice.one', noticeOf([alert('tutor', 'no-contact', 'Émilie')] as never));
  r(
    'followup.notice.many',
    noticeOf([alert('tutor', 'stuck', 'Émilie'), alert('coordinator', 'below-target', 'Yann')] as never),
  );
}

function reviewTextsOf(r: (k: string, v: unknown) => void) {
  for (const lang of langs) {
    for (const template of [undefined, ...templateIds]) {
      const t = reviewTexts(lang, template);
      const { num, pairsWith, channel, hidden, confidentiality, ...words } = t;
      const k = `review.${lang}.${template}`;
      r(`${k}.words`, words);
      for (const v of [0, 1.95, 2.04, 1234.5]) r(`${k}.num.${v}`, num(v));
      for (const n of ['0', '1', '2', '3', '5+']) r(`${k}.pairsWith.${n}`, pairsWith(n));
      for (const c of ['in-person', 'video', 'phone', 'call', 'sms', 'email', 'inapp', 'digest', 'fax'])
        r(`${k}.channel.${c}`, channel(c));
      r(`${k}.hidden`, hidden(5));
      r(`${k}.confidentiality`, confidentiality(5));
    }
  }
}

const review = {
  programme: { id: 'p', name: 'DMG Lyon', organisation: 'Faculté de Lyon', template: 'des-tutoring' },
  year: 2025,
  period: { startMonth: 11, start: '2025-11-01', end: '2026-10-31' },
  participation: {
    tutors: 4,
    tutees: 9,
    pairs: 9,
    pairsWithMeeting: 7,
    pairsEndedEarly: 1,
    pairsCompleted: 2,
  },
  meetings: {
    total: 31,
    reports: 12,
    perPairMean: 3.4,
    perPairMedian: 3,
    distribution: ['0', '1', '2', '3', '4', '5+'].map((label, i) => ({ label, pairs: i })),
    byMonth: [
      { month: '2025-11', held: 4 },
      { month: '2025-12', held: 0 },
    ],
  },
  channels: {
    meetingsAndContacts: { 'in-person': 20, video: 6, call: 5 },
    unansweredAttempts: 2,
    messages: { email: 40, sms: 3, inapp: 51, digest: 8 },
  },
  alerts: {
    total: 6,
    escalated: 1,
    medianDaysToHandle: 4.5,
    byRule: [{ rule: 'no-contact', opened: 3, resolved: 2, closed: 1, open: 0 }],
  },
  endOfYearReviews: { answers: 3, shown: false, mean: null },
  difficultyThemes: {
    minimum: 5,
    themes: [
      { category: 'harassment', count: null },
      { category: 'nights', count: 6 },
    ],
  },
  minAggregate: 5,
};

// A review with its qualitative and pairs' sections: one mean shown, one withheld, a questionnaire
// with each kind of question.
const qualitative = {
  ...review,
  template: 'installation-mentoring',
  mentoring: {
    meetingsMinimum: 4,
    pairsAtMinimum: 6,
    pairsBelowMinimum: 3,
    completed: 2,
    endedEarly: 1,
    chartersSigned: 8,
    requests: { received: 12, accepted: 9, declined: 2, matched: 8, medianDaysToMatch: 16.5 },
  },
  qualitative: {
    endReviews: {
      invited: 12,
      submitted: 7,
      shared: 4,
      scales: [
        { id: 'relationship', answers: 7, mean: 4.3, shown: true },
        { id: 'installation', answers: 3, mean: null, shown: false },
      ],
    },
    themes: { themes: [{ id: 'premises', count: 3 }], suggestions: ['Parking'] },
    questionnaires: [
      {
        id: 'q',
        title: 'Satisfaction à six mois',
        answers: 6,
        questions: [
          {
            questionId: 'q1',
            kind: 'scale',
            label: 'Utile',
            answers: 6,
            shown: true,
            mean: 4.5,
            yesPercent: null,
          },
          {
            questionId: 'q2',
            kind: 'yesno',
            label: 'Recommanderiez-vous ?',
            answers: 6,
            shown: true,
            mean: null,
            yesPercent: 83,
          },
          {
            questionId: 'q3',
            kind: 'yesno',
            label: 'Trop court ?',
            answers: 4,
            shown: false,
            mean: null,
            yesPercent: null,
          },
          {
            questionId: 'q4',
            kind: 'text',
            label: 'Un mot',
            answers: 6,
            shown: true,
            mean: null,
            yesPercent: null,
          },
        ],
      },
    ],
  },
};

function endReviewTexts(r: (k: string, v: unknown) => void) {
  r('reviews.endReviewInvite', endReviewNotice({ programme: 'CPTS Somme' }));
  r(
    'reviews.questionnaireAsk',
    questionnaireNotice({ programme: 'CPTS Somme', title: 'Satisfaction', min: 5 }),
  );
  r('reviews.questionSets', questionSets);
  r('reviews.themes', themeLabels);
  for (const lang of langs)
    r(`reviews.yearly.${lang}`, qualitativeLines(qualitative as never, lang, 'withheld'));
  r(
    'reviews.yearly.none',
    qualitativeLines(
      { ...qualitative, qualitative: { ...qualitative.qualitative, questionnaires: [] } } as never,
      'fr',
      '—',
    ),
  );
}

async function documentTexts(r: (k: string, v: unknown) => void) {
  for (const lang of langs) {
    r(`review.csv.qualitative.${lang}`, reviewCsv(qualitative as never, lang));
    r(`review.pdf.qualitative.${lang}`, await pdfTexts(() => reviewPdf(qualitative as never, lang)));
  }
  for (const lang of langs) {
    r(`review.csv.${lang}`, reviewCsv(review as never, lang));
    const shown = { ...review, endOfYearReviews: { answers: 7, shown: true, mean: 4.25 } };
    r(`review.csv.shown.${lang}`, reviewCsv(shown as never, lang));
    r(`review.pdf.${lang}`, await pdfTexts(() => reviewPdf(review as never, lang)));
    r(`review.pdf.shown.${lang}`, await pdfTexts(() => reviewPdf(shown as never, lang)));
  }
  // One record with every field the document names, in either language, and one unnamed field.
  const every = Object.fromEntries(
    [...new Set([...Object.keys(fieldNames.fr), ...Object.keys(fieldNames.en)])].map((k) => [k, 'x']),
  );
  const record = {
    flag: true,
    off: false,
    at: '2026-03-05T13:30:00.000Z',
    list: ['a', 'b'],
    nested: { name: 'Émilie', deep: { a: 1 } },
    empty: null,
    unnamedField: 3,
  };
  const data = {
    account: {
      name: 'Émilie Durand',
      email: 'e@example.org',
      phone: null,
      language: 'fr',
      createdAt: '2025-09-01T08:00:00.000Z',
      lastSignInAt: null,
    },
    organisations: [every],
    placements: [record],
    memberships: [],
    pairings: [],
    matching: { constraintsYouDeclared: [], rankings: [] },
    availability: { rules: [], calendars: [] },
    meetings: [],
    contactLog: [],
    notifications: [],
    preferences: null,
    consents: [],
    phoneChoices: [],
    signIns: { sessions: [], attempts: [] },
    wellbeing: { consents: [], checkins: [] },
    pairMessages: [],
    difficulties: [],
    consultations: [],
    portfolio: {
      traces: [],
      ratings: [],
      syntheses: [],
      supervisorRequests: [],
      reviewsWritten: [],
      synthesesSigned: [],
    },
    agreements: { charterSignatures: [], pairTerms: [] },
    erasureRequests: [],
  };
  for (const locale of ['fr', 'en-GB']) {
    const now = new Date('2026-03-05T13:30:00.000Z');
    r(`rights.pdf.${locale}`, await pdfTexts(() => exportPdf(data as never, locale, 'Europe/Paris', now)));
    const joinRequests = [
      {
        programme: 'Mentorat CPTS',
        role: 'tutee',
        profession: 'Sage-femme',
        installedOn: '2026-09-01',
        needs: 'Organiser mon cabinet.',
        eligible: true,
        state: 'accepted',
        createdAt: '2026-02-01T08:00:00.000Z',
        confirmedAt: '2026-02-01T08:10:00.000Z',
        decidedAt: '2026-02-03T08:00:00.000Z',
      },
    ];
    r(
      `rights.pdf.joinRequests.${locale}`,
      await pdfTexts(() => exportPdf({ ...data, joinRequests } as never, locale, 'Europe/Paris', now)),
    );
  }
}

function rightsTextsOf(r: (k: string, v: unknown) => void) {
  for (const locale of ['fr', 'en', 'en-GB', null]) {
    const t = rightsTextsFor(locale);
    const { generated, zone, requestNotice, declinedNotice, ...words } = t;
    const k = `rights.${locale}`;
    r(`${k}.words`, words);
    r(`${k}.generated`, generated('5 mars 2026'));
    r(`${k}.zone`, zone('Europe/Paris'));
    r(`${k}.request`, { title: requestNotice.title('Émilie'), body: requestNotice.body });
    r(`${k}.declined`, { title: declinedNotice.title, body: declinedNotice.body('Une raison.') });
  }
  for (const lang of langs) {
    r(`rights.table.${lang}.title`, rightsTexts[lang].documentTitle);
    r(`rights.table.${lang}.request`, rightsTexts[lang].requestNotice.title('Paul'));
  }
}

function meetingTexts(r: (k: string, v: unknown) => void) {
  const iso = '2026-03-05T13:30:00.000Z';
  const places = [
    { place: 'Salle 3', videoUrl: 'https://visio.example.org/x' },
    { place: null, videoUrl: null },
    { place: 'Café', videoUrl: null },
    { place: null, videoUrl: 'https://visio.example.org/y' },
  ];
  for (const locale of ['fr', 'en', 'en-US']) {
    r(`meetings.when.${locale}`, meetings.when(iso, 'Europe/Paris', locale));
    for (const mode of ['in-person', 'video', 'phone', 'carrier-pigeon']) {
      r(`meetings.mode.${locale}.${mode}`, meetings.modeWords(mode, locale));
      r(`meetings.ics.${mode}`, icsDescription({ mode, video_url: null }, null));
    }
    const base = { locale, name: 'Émilie', title: 'Point de mi-stage', organiser: 'Paul' };
    for (const kind of ['invite', 'reminder', 'nudge'] as const)
      places.forEach((w, i) => {
        r(
          `meetings.poll.${locale}.${kind}.${i}`,
          meetings.pollMail({
            ...base,
            ...w,
            mode: 'video',
            link: 'https://x/p/1',
            options: ['lundi', 'mardi'],
            kind,
          }),
        );
      });
    for (const kind of ['new', 'update', 'cancel', 'reminder'] as const)
      places.forEach((w, i) => {
        r(
          `meetings.invitation.${locale}.${kind}.${i}`,
          meetings.invitationMail({ ...base, ...w, mode: 'phone', kind, at: 'jeudi 5 mars' }),
        );
      });
    for (const title of ['Court', 'Un titre très long '.repeat(6)])
      r(
        `meetings.sms.${locale}.${title.length}`,
        meetings.pollSms({ locale, organiser: 'Paul', title, link: 'https://x/p/1' }),
      );
    r(`meetings.nudge.${locale}`, nudgeNoticeTexts(locale, 'Émilie', 'Point de mi-stage'));
  }
  r(
    'meetings.ics.guide',
    icsDescription(
      { mode: 'video', video_url: 'https://visio.example.org/x' },
      { title: 'Première rencontre', themes: guideTopics(defaultGuides('fr', 'org')[0]?.body ?? '') },
    ),
  );
  for (const kind of ['poll', 'new', 'update', 'cancel'] as const)
    for (const en of [false, true])
      for (const at of [null, 'jeudi 5 mars'])
        r(`meetings.notice.${kind}.${en}.${at}`, meetingNoticeTexts(kind, 'Point', at, en));
}

function programmeTexts(r: (k: string, v: unknown) => void) {
  for (const template of [...templateIds, 'unknown']) {
    for (const [tutee, coordinator] of [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ] as const)
      r(
        `programmes.confidentiality.${template}.${tutee}.${coordinator}`,
        confidentialityNotice({
          programme: 'DMG Lyon',
          template,
          by: 'Anne',
          reports: { tutee, coordinator },
        }),
      );
    for (const lang of langs) {
      r(`wellbeing.ask.${template}.${lang}`, askTexts(lang, { programme: 'DMG Lyon', template, days: 7 }));
      r(`wellbeing.yourTutor.${template}.${lang}`, yourTutor(lang, template));
    }
  }
  for (const completed of [true, false])
    for (const n of counts)
      r(`matching.ended.${completed}.${n}`, endedNotice('DMG Lyon', 'Émilie', completed, n));
}

function wellbeingTexts(r: (k: string, v: unknown) => void) {
  for (const name of names)
    for (const reminder of [false, true])
      r(
        `wellbeing.tutorAlert.${name}.${reminder}`,
        tutorAlertTexts({ tutee: name, programme: 'DMG Lyon', reminder }),
      );
  const own = {
    id: 'own',
    preset: null,
    kind: 'yesno' as const,
    label: 'Une question à nous',
    distressAnswer: null,
  };
  for (const lang of langs) {
    for (const q of [...defaultQuestions, own])
      for (const tutor of ['Arthur', 'Paul', 'votre mentor·e', 'tuteur·rice'])
        r(`wellbeing.question.${lang}.${q.id}.${tutor}`, wordQuestion(q, lang, tutor));
    r(`wellbeing.scale.${lang}`, workloadScale[lang]);
  }
}

function importTexts(r: (k: string, v: unknown) => void) {
  const f = imports.fileIssues;
  r('imports.file.tooLarge', [f.tooLarge(5 * 1024 * 1024 + 1), f.tooLarge(12_345_678)]);
  r('imports.file.plain', [
    f.empty(),
    f.unsupported(),
    f.xlsLegacy(),
    f.ods(),
    f.unreadableXlsx(),
    f.noRows(),
  ]);
  r('imports.file.unclosedQuote', f.unclosedQuote(7));
  r('imports.file.noHeader', f.noHeader(1, ['Jean', 'Dupont', 'x'.repeat(50), 'a', 'b']));
  const m = imports.missingLabels;
  r('imports.file.missing.one', f.missingColumns([m.email], []));
  r('imports.file.missing.many', f.missingColumns([m.email, m.bothNames, m.role], ['Nom', 'Ville']));
  r('imports.file.missing.labels', [m.lastName, m.firstName]);
  r('imports.file.tooMany', f.tooManyRows(12345));
  const w = imports.rowIssues;
  for (const template of templateIds) {
    r(`imports.row.roles.${template}`, [
      w.missingRole(3, 'Rôle', template),
      w.unknownRole(3, 'Rôle', 'chef', template),
      w.managementRole(3, 'Rôle', 'Coordinateur', template),
      w.ambiguousRole(3, 'Rôle', 'tutore', roleNames(['tutor', 'tutee'], template), template),
    ]);
    r(`imports.accepted.${template}`, acceptedRoleWords(template));
    r(`imports.roleNames.${template}`, roleNames(['tutor', 'tutee', 'expert'], template));
  }
  r('imports.row.other', [
    w.missingEmail(2, 'E-mail'),
    w.invalidEmail(2, 'E-mail', 'pas-une-adresse'),
    ...(['lastName', 'firstName', 'fullName'] as const).map((which) => w.missingName(4, 'Nom', which)),
    w.invalidName(4, 'Nom'),
    w.invalidPhone(5, 'Tél', '12'),
    w.invalidDesYear(5, 'DES', '7'),
    w.invalidCapacity(5, 'Capacité', '-1'),
    w.duplicateEmail(9, 'E-mail', 'a@example.org', 3),
    w.duplicateRow(9, 3),
    w.badQuotes(10),
  ]);
  const v = imports.warnings;
  r('imports.warnings', [
    v.rowsBeforeHeader(2),
    v.rowsBeforeHeader(4),
    v.duplicateColumn('Mail', 'E-mail'),
    v.capacityIgnored(6, 'Capacité'),
  ]);
  const row = (line: number) => w.missingEmail(line, 'E-mail');
  r('imports.rowsInvalid', [
    imports.rowsInvalid([]),
    imports.rowsInvalid([row(3)]),
    imports.rowsInvalid([row(3), row(3)]),
    imports.rowsInvalid([row(4), row(3)]),
    imports.rowsInvalid(Array.from({ length: 1200 }, (_, i) => row(i + 2))),
  ]);
  r('imports.commit', [
    imports.commitIssues.columnsUnresolved(['Ville']),
    imports.commitIssues.columnsUnresolved(['Ville', 'Lieu']),
  ]);
}

function availabilityTexts(r: (k: string, v: unknown) => void) {
  const phrases = [
    '',
    'x'.repeat(301),
    'garde tous les mardis avec les copains zorg',
    'cours tous les 15 jours',
    'garde un mardi sur deux le 1er mardi du mois',
    'garde',
    'stage 8h-8h le lundi',
    'stage 25h-26h le lundi',
    'absente le 31 février',
    'stage tous les lundis du 10/03/2027 au 02/03/2026',
  ];
  for (const p of phrases)
    r(`availability.phrase.${p.slice(0, 30)}`, parsePhrase(p, { today: '2026-03-01' }));
  try {
    clock('zz', 'zz h');
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    r('availability.clock', { code: e.code, message: e.message, messageEn: e.messageEn, part: e.part });
  }
}

function requestTextsOf(r: (k: string, v: unknown) => void) {
  const rules = { mentorMinYears: 3, menteeInstalledMaxMonths: 12 };
  for (const lang of langs) {
    for (const template of ['installation-mentoring', 'member-tutoring'])
      r(`requests.rules.${lang}.${template}`, requests.ruleLines(rules, template, lang));
    for (const n of [1, 2, 3])
      r(
        `requests.rules.${lang}.${n}`,
        requests.ruleLines(
          { mentorMinYears: n, menteeInstalledMaxMonths: n },
          'installation-mentoring',
          lang,
        ),
      );
    for (const years of counts)
      r(
        `requests.check.mentor.${lang}.${years}`,
        requests.explainCheck(
          { rule: 'mentorMinYears', ok: years >= 3, years, min: 3 },
          'installation-mentoring',
          lang,
        ),
      );
    for (const [months, planned] of [
      [0, true],
      [1, false],
      [14, false],
    ] as const)
      r(
        `requests.check.mentee.${lang}.${months}`,
        requests.explainCheck(
          {
            rule: 'menteeInstalledMaxMonths',
            ok: months < 12,
            months,
            max: 12,
            planned,
            installedOn: '2027-01-15',
          },
          'installation-mentoring',
          lang,
        ),
      );
    const t = requests.requestTexts(lang);
    const values = {
      name: 'Émilie',
      programme: 'Mentorat CPTS',
      organisation: 'CPTS du Val',
      role: 'mentoré·e',
      link: 'https://x/l',
    };
    for (const k of [
      'confirm.subject',
      'confirm.body',
      'confirm.examined',
      'declined.subject',
      'declined.body',
      'declined.message',
      'declined.end',
    ])
      r(`requests.${k}.${lang}`, t(k, values));
  }
  for (const name of names)
    for (const eligible of [true, false])
      r(
        `requests.received.${name}.${eligible}`,
        requests.receivedNotice({
          name,
          programme: 'Mentorat CPTS',
          template: 'installation-mentoring',
          role: 'tutee',
          eligible,
        }),
      );
  for (const role of ['tutor', 'tutee'] as const)
    r(
      `requests.accepted.${role}`,
      requests.acceptedNotice({ programme: 'Mentorat CPTS', template: 'installation-mentoring', role }),
    );
}

/** Every text, as flat "path": value pairs. */
async function agreementTextsOf(r: (k: string, v: unknown) => void) {
  const pair = { programme: 'Mentorat', tutor: 'Émilie', tutee: 'Hugo' };
  r('agreements.endNear', agreementNotice('endNear', { ...pair, day: '2027-11-16' }));
  r('agreements.endMoved', agreementNotice('endMoved', { ...pair, day: '2028-01-31', before: '2027-11-16' }));
  r('agreements.endedEarly', agreementNotice('endedEarly', { ...pair, who: 'Yann' }));
  r('agreements.charterSigned', agreementNotice('charterSigned', pair));
  r('agreements.resign', agreementNotice('resign', { programme: 'Mentorat', version: '2' }));
  for (const charter of [true, false])
    r(
      `agreements.firstMeeting.${charter}`,
      firstMeetingNotice({ tutee: 'Hugo', programme: 'Mentorat' }, charter),
    );
  for (const lang of langs) {
    r(
      `agreements.default.${lang}`,
      defaultCharter(lang, { organisation: 'CPTS du Val', months: 12, minimum: 4 }),
    );
    const at = '2026-11-16T09:00:00.000Z';
    const doc = {
      programme: 'Mentorat',
      organisation: 'CPTS du Val',
      pair: 'Émilie – Hugo',
      version: { version: 1, body: '# Charte\n\nTexte **signé**.', body_hash: 'abc', created_at: at },
      signatures: (['mentor', 'mentee', 'organisation'] as const).map((party) => ({
        party,
        name: 'Yann',
        at,
      })),
      code: 'ABCD-EFGH-JKMN',
      url: 'https://compagnon.example/verification',
      zone: 'Europe/Paris',
    };
    r(`agreements.pdf.${lang}`, await pdfTexts(() => charterPdf(doc, lang, new Date(at))));
  }
}

function guideTextsOf(r: (k: string, v: unknown) => void) {
  for (const change of [false, true])
    r(`guides.suggested.${change}`, suggestedNotice({ author: 'Yann', title: 'Écrire un RSCA', change }));
  r('guides.accepted', decidedNotice('accepted', { title: 'Écrire un RSCA' }));
  r('guides.declined', decidedNotice('declined', { title: 'Écrire un RSCA', note: 'Déjà publié.' }));
  for (const lang of ['fr', 'en'] as const) r(`guides.defaults.${lang}`, defaultGuides(lang, 'org'));
  for (const link of [null, 'https://example.org/inscription'])
    r(
      `announcements.sent.${!!link}`,
      announcementNotice({ author: 'Yann', programme: 'DMG', title: 'Soirée', body: 'Le 3 avril.', link }),
    );
  r('announcements.replied', repliedNotice({ name: 'Yann', title: 'Soirée', programme: 'DMG' }));
}

async function allTexts(): Promise<Out> {
  const out: Out = {};
  const r = (k: string, v: unknown) => flatten(v, k, out);
  mailTexts(r);
  consultationTexts(r);
  difficultyTexts(r);
  followupTexts(r);
  reviewTextsOf(r);
  endReviewTexts(r);
  await documentTexts(r);
  rightsTextsOf(r);
  meetingTexts(r);
  programmeTexts(r);
  wellbeingTexts(r);
  importTexts(r);
  availabilityTexts(r);
  requestTextsOf(r);
  await agreementTextsOf(r);
  guideTextsOf(r);
  trainingTextsOf(r);
  networkTextsOf(r);
  coachingTextsOf(r);
  return out;
}

/** Training sessions: each e-mail of each kind of session, in person and by video; the notices. */
function trainingTextsOf(r: (k: string, v: unknown) => void) {
  const base = {
    title: 'Formation initiale',
    starts_at: '2027-03-28T13:00:00.000Z',
    description: 'Le rôle du tuteur.',
  };
  const where = [
    { place: 'Faculté, salle 2', video_url: null },
    { place: null, video_url: 'https://visio.example.org/t' },
  ] as const;
  for (const lang of langs)
    for (const kind of ['registered', 'promoted', 'update', 'cancel', 'reminder'] as const)
      for (const [i, w] of where.entries())
        for (const sessionKind of ['initial', 'refresher', 'exchange'])
          r(
            `training.mail.${lang}.${kind}.${sessionKind}.${i}`,
            training.sessionMail(
              { ...base, ...w, kind: sessionKind },
              kind,
              { name: 'Émilie', locale: lang },
              'Europe/Paris',
            ),
          );
  for (const k of ['promoted', 'updated', 'cancelled'] as const)
    r(
      `training.notice.${k}`,
      training.sessionNotice(k, { ...base, ...where[0], kind: 'initial' }, 'Europe/Paris'),
    );
  r('training.ics', training.icsDescription({ ...base, ...where[1], kind: 'exchange' }));
}

/** Network sessions: each e-mail, in the reader's zone and in another; the notices; the calendar text. */
function networkTextsOf(r: (k: string, v: unknown) => void) {
  const s = {
    title: 'Soirée d’échanges',
    starts_at: '2027-03-28T17:00:00.000Z',
    place: null,
    video_url: 'https://visio.example.org/r',
    network: 'Réseau régional',
    organisation: 'DMG Amiens',
    time_zone: 'Europe/Paris',
    description: 'Cas difficiles.',
  };
  for (const lang of langs)
    for (const kind of ['registered', 'promoted', 'cancel', 'reminder'] as const)
      for (const zone of ['Europe/Paris', 'America/Martinique'])
        r(
          `networks.mail.${lang}.${kind}.${zone}`,
          networks.networkSessionMail(s, kind, { name: 'Émilie', locale: lang, zone }),
        );
  for (const k of ['promoted', 'cancelled'] as const)
    r(`networks.notice.${k}`, networks.networkSessionNotice(k, s, 'Europe/Paris'));
  r('networks.ics', networks.networkIcsDescription(s));
}

/** Coaching of new tutors: the notices of its start (to each tutor), an early end with a note, its term. */
function coachingTextsOf(r: (k: string, v: unknown) => void) {
  const values = {
    coach: 'Dr Martin',
    newTutor: 'Dr Roux',
    programme: 'Tutorat DES',
    by: 'Dr Roux',
    other: 'Dr Martin',
  };
  const until = { until: '2027-11-16T09:00:00Z' };
  r('coaching.startedNew', coachingNotice('startedNew', values, 'Europe/Paris', until));
  r('coaching.startedCoach', coachingNotice('startedCoach', values, 'Europe/Paris', until));
  r('coaching.ended', coachingNotice('ended', values, 'Europe/Paris', { note: 'Je change de région.' }));
  r('coaching.completed', coachingNotice('completed', values, 'Europe/Paris'));
}

const record = new URL('./texts.snapshot.json', import.meta.url);

test('every server text says what the record says, in French and in English', async () => {
  const now = await allTexts();
  // A deliberate change of wording: UPDATE_TEXTS=1 rewrites the record, whose diff is then reviewed.
  if (process.env.UPDATE_TEXTS === '1') writeFileSync(record, `${JSON.stringify(now, null, 2)}\n`);
  const recorded = JSON.parse(readFileSync(record, 'utf8'));
  for (const key of Object.keys(recorded)) assert.deepEqual(now[key], recorded[key], key);
  assert.deepEqual(Object.keys(now).sort(), Object.keys(recorded).sort());
});
