import { elide } from '../../domain/elision.ts';
import type { AlertRule } from './rules.ts';

type D = Record<string, number>;

// French counts 0 and 1 in the singular, English only 1.
const frCount = (n: number | undefined, one: string, many: string) => `${n} ${(n ?? 0) < 2 ? one : many}`;
const enCount = (n: number | undefined, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
interface Names {
  tutor: string;
  tutee: string;
  programme: string;
}

const what: Record<AlertRule, { fr: (d: D) => string; en: (d: D) => string }> = {
  'no-contact': {
    fr: (d) =>
      `aucun contact depuis ${d.days} jours (le programme prévoit un contact tous les ${d.limit} jours)`,
    en: (d) => `no contact for ${d.days} days (the programme expects one every ${d.limit} days)`,
  },
  'below-target': {
    fr: (d) =>
      `${frCount(d.held, 'rencontre', 'rencontres')} sur cette période, ${frCount(d.expected, 'attendue', 'attendues')} à ce stade`,
    en: (d) => `${enCount(d.held, 'meeting', 'meetings')} this period, ${d.expected} expected by now`,
  },
  unreachable: {
    fr: (d) => `${d.attempts} tentatives de contact sans réponse`,
    en: (d) => `${d.attempts} attempts to get in touch without an answer`,
  },
  stuck: {
    fr: (d) => `binôme sans aucune activité depuis ${d.days} jours`,
    en: (d) => `no activity at all for ${d.days} days`,
  },
  'report-missing': {
    fr: (d) => `compte rendu de rencontre manquant depuis ${d.days} jours`,
    en: (d) => `meeting report missing for ${d.days} days`,
  },
  'first-meeting': {
    fr: (d) => `première rencontre pas encore tenue, ${d.weeks} semaines après la formation du binôme`,
    en: (d) => `first meeting not held yet, ${d.weeks} weeks after the pair was formed`,
  },
};

export const describeAlert = (rule: AlertRule, detail: D, lang: 'fr' | 'en') => what[rule][lang](detail);

/** The notice a tutor receives: what is happening and what helps, no judgement. */
export function tutorNotice(rule: AlertRule, detail: D, n: Names) {
  return {
    fr: {
      title: `Suivi : ${n.tutee}`,
      body: `Avec ${n.tutee} (${n.programme}) : ${describeAlert(rule, detail, 'fr')}. Un court message ou un appel suffit souvent à renouer le contact ; vous pouvez le noter dans Compagnon.`,
    },
    en: {
      title: `Follow-up: ${n.tutee}`,
      body: `With ${n.tutee} (${n.programme}): ${describeAlert(rule, detail, 'en')}. A short message or a call is often enough to get back in touch; you can note it in Compagnon.`,
    },
  };
}

export function coordinatorNotice(rule: AlertRule, detail: D, n: Names) {
  return {
    fr: {
      title: `Alerte persistante : ${n.tutor} et ${n.tutee}`,
      body: `${n.programme} — ${describeAlert(rule, detail, 'fr')}. ${n.tutor} a été prévenu·e il y a une semaine.`,
    },
    en: {
      title: `Persisting alert: ${n.tutor} and ${n.tutee}`,
      body: `${n.programme} — ${describeAlert(rule, detail, 'en')}. ${n.tutor} was told a week ago.`,
    },
  };
}

export function coordinatorMessage(text: string, n: Names & { coordinator: string }) {
  return {
    fr: { title: `Message ${elide('de', n.coordinator)} au sujet ${elide('de', n.tutee)}`, body: text },
    en: { title: `Message from ${n.coordinator} about ${n.tutee}`, body: text },
  };
}
