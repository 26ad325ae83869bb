import { inBoth, type Lang, moduleTexts } from '../../notify/i18n.ts';
import type { AlertRule } from './rules.ts';

type D = Record<string, number>;

interface Names {
  tutor: string;
  tutee: string;
  programme: string;
}

// The follow-up's words, French first: what an alert says and the notices of tutors and
// coordinators (the yearly review's are in review-texts.ts). French counts 0 and 1 in the singular.
export const followupTexts = moduleTexts('followup', {
  fr: {
    alert: {
      'no-contact':
        'aucun contact depuis {{days}} jours (le programme prévoit un contact tous les {{limit}} jours)',
      'below-target': '{{held}} sur cette période, {{expected}} à ce stade',
      unreachable: '{{attempts}} tentatives de contact sans réponse',
      stuck: 'binôme sans aucune activité depuis {{days}} jours',
      'report-missing': 'compte rendu de rencontre manquant depuis {{days}} jours',
      'first-meeting': 'première rencontre pas encore tenue, {{weeks}} semaines après la formation du binôme',
    },
    held_one: '{{count}} rencontre',
    held_other: '{{count}} rencontres',
    expected_one: '{{count}} attendue',
    expected_other: '{{count}} attendues',
    tutorNotice: {
      title: 'Suivi : {{tutee}}',
      body: 'Avec {{tutee}} ({{programme}}) : {{what}}. Un court message ou un appel suffit souvent à renouer le contact ; vous pouvez le noter dans Compagnon.',
    },
    coordinatorNotice: {
      title: 'Alerte persistante : {{tutor}} et {{tutee}}',
      body: '{{programme}} — {{what}}. {{tutor}} a été prévenu·e il y a une semaine.',
    },
    coordinatorMessage: 'Message {{coordinator, de}} au sujet {{tutee, de}}',
    list: {
      title: 'Suivi : {{n}} alertes',
      line: '• {{who}} : {{what}}',
      who: '{{tutee}} ({{programme}})',
      who_coordinator: '{{tutor}} et {{tutee}} ({{programme}})',
    },
  },
  en: {
    alert: {
      'no-contact': 'no contact for {{days}} days (the programme expects one every {{limit}} days)',
      'below-target': '{{held}} this period, {{expected}} expected by now',
      unreachable: '{{attempts}} attempts to get in touch without an answer',
      stuck: 'no activity at all for {{days}} days',
      'report-missing': 'meeting report missing for {{days}} days',
      'first-meeting': 'first meeting not held yet, {{weeks}} weeks after the pair was formed',
    },
    held_one: '{{count}} meeting',
    held_other: '{{count}} meetings',
    // English says how many were expected without counting them as meetings: "2 expected by now".
    expected_one: '{{count}}',
    expected_other: '{{count}}',
    tutorNotice: {
      title: 'Follow-up: {{tutee}}',
      body: 'With {{tutee}} ({{programme}}): {{what}}. A short message or a call is often enough to get back in touch; you can note it in Compagnon.',
    },
    coordinatorNotice: {
      title: 'Persisting alert: {{tutor}} and {{tutee}}',
      body: '{{programme}} — {{what}}. {{tutor}} was told a week ago.',
    },
    coordinatorMessage: 'Message from {{coordinator}} about {{tutee}}',
    list: {
      title: 'Follow-up: {{n}} alerts',
      line: '• {{who}}: {{what}}',
      who: '{{tutee}} ({{programme}})',
      who_coordinator: '{{tutor}} and {{tutee}} ({{programme}})',
    },
  },
});

/** What an alert is about, inside a sentence: "aucun contact depuis 30 jours (…)". */
export function describeAlert(rule: AlertRule, detail: D, lang: Lang) {
  const t = followupTexts(lang);
  const counted =
    rule === 'below-target'
      ? { held: t('held', { count: detail.held }), expected: t('expected', { count: detail.expected }) }
      : {};
  return t(`alert.${rule}`, { ...detail, ...counted });
}

/** The notice a tutor receives: what is happening and what helps, no judgement. */
export function tutorNotice(rule: AlertRule, detail: D, n: Names) {
  return inBoth(followupTexts, (t, lang) => {
    const values = { ...n, what: describeAlert(rule, detail, lang) };
    return { title: t('tutorNotice.title', values), body: t('tutorNotice.body', values) };
  });
}

export function coordinatorNotice(rule: AlertRule, detail: D, n: Names) {
  return inBoth(followupTexts, (t, lang) => {
    const values = { ...n, what: describeAlert(rule, detail, lang) };
    return { title: t('coordinatorNotice.title', values), body: t('coordinatorNotice.body', values) };
  });
}

export function coordinatorMessage(text: string, n: Names & { coordinator: string }) {
  return inBoth(followupTexts, (t) => ({ title: t('coordinatorMessage', { ...n }), body: text }));
}
