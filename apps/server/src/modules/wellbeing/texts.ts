import { inBoth, moduleTexts } from '../../notify/i18n.ts';
import { programmeWords } from '../programmes/words.ts';
import type { Lang } from './who5.ts';

/**
 * What the well-being capability says, French and English: its messages and the wording of its
 * preset questions. Nothing in a message names an answer, a score or a state of mind: a message
 * tells a person that something is waiting for them, never what someone answered. (The WHO-5's
 * own wording is the published instrument's, in who5.ts.)
 */
export const wellbeingTexts = moduleTexts('wellbeing', {
  fr: {
    ask: {
      title: 'Comment allez-vous ? Un point de « {{programme}} »',
      body: 'Cinq courtes affirmations sur les deux dernières semaines et quelques questions : moins d’une minute. Vous choisissez, réponse par réponse, ce que votre {{tutor}} peut lire. Le lien reste ouvert {{days}} jours.',
      sms: 'Compagnon : comment allez-vous ? Un point d’une minute pour « {{programme}} » :',
    },
    tutorAlert: {
      title: 'Prendre des nouvelles {{tutee, de}}',
      title_reminder: 'Rappel : prendre des nouvelles {{tutee, de}}',
      body: '{{tutee}} ({{programme}}) traverse peut-être une période difficile et a souhaité que vous le sachiez. Prenez contact simplement, dans les jours qui viennent : le guide vous dit comment écouter et vers qui orienter.',
    },
    yourTutor: 'votre {{tutor}}',
    question: {
      workload: 'Ma charge de travail ces deux dernières semaines',
      nights: 'Nombre de gardes ou astreintes de nuit ces deux dernières semaines',
      note: 'Quelque chose que vous voulez {{tutor, que}} sache ?',
    },
    // The five steps of the workload scale, from 0 (light) to 4 (unbearable).
    workload: ['Légère', 'Normale', 'Lourde', 'Très lourde', 'Intenable'],
  },
  en: {
    ask: {
      title: 'How are you? A check-in from “{{programme}}”',
      body: 'Five short statements about the last two weeks and a few questions: less than a minute. You choose, answer by answer, what your {{tutor}} may read. The link stays open {{days}} days.',
      sms: 'Compagnon: how are you? A one-minute check-in from “{{programme}}”:',
    },
    tutorAlert: {
      title: 'Check on {{tutee}}',
      title_reminder: 'Reminder: check on {{tutee}}',
      body: '{{tutee}} ({{programme}}) may be going through a hard time and asked that you be told. Get in touch simply, in the coming days: the guide tells you how to listen and where to point them.',
    },
    yourTutor: 'your {{tutor}}',
    question: {
      workload: 'My workload over the last two weeks',
      nights: 'Nights on call over the last two weeks',
      note: 'Anything you want {{tutor}} to know?',
    },
    workload: ['Light', 'Normal', 'Heavy', 'Very heavy', 'Unbearable'],
  },
});

/** The check-in request: its e-mail or notice, and its text message. */
export function askTexts(lang: Lang, n: { programme: string; template: string; days: number }) {
  const t = wellbeingTexts(lang);
  const values = { programme: n.programme, days: n.days, tutor: programmeWords(n.template, lang).tutor };
  return { title: t('ask.title', values), body: t('ask.body', values), sms: t('ask.sms', values) };
}

/** The tutor's alert after a tutee asked that they be told: who, and where the guide is. */
export function tutorAlertTexts(n: { tutee: string; programme: string; reminder: boolean }) {
  const values = { tutee: n.tutee, programme: n.programme, context: n.reminder ? 'reminder' : undefined };
  return inBoth(wellbeingTexts, (t) => ({
    title: t('tutorAlert.title', values),
    body: t('tutorAlert.body', values),
  }));
}

/** The tutor of a check-in not tied to a pair, as a question names them: "votre mentor·e". */
export function yourTutor(lang: Lang, template: string) {
  return wellbeingTexts(lang)('yourTutor', { tutor: programmeWords(template, lang).tutor });
}
