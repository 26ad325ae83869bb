import { elide } from '../../domain/elision.ts';
import { programmeWords } from '../programmes/words.ts';
import type { Lang } from './who5.ts';

/**
 * What the well-being capability says in messages, French and English. Nothing here names an
 * answer, a score or a state of mind: a message tells a person that something is waiting for
 * them, never what someone answered.
 */
export function askTexts(lang: Lang, n: { programme: string; template: string; days: number }) {
  const tutor = programmeWords(n.template, lang).tutor;
  return lang === 'en'
    ? {
        title: `How are you? A check-in from “${n.programme}”`,
        body: `Five short statements about the last two weeks and a few questions: less than a minute. You choose, answer by answer, what your ${tutor} may read. The link stays open ${n.days} days.`,
        sms: `Compagnon: how are you? A one-minute check-in from “${n.programme}”:`,
      }
    : {
        title: `Comment allez-vous ? Un point de « ${n.programme} »`,
        body: `Cinq courtes affirmations sur les deux dernières semaines et quelques questions : moins d’une minute. Vous choisissez, réponse par réponse, ce que votre ${tutor} peut lire. Le lien reste ouvert ${n.days} jours.`,
        sms: `Compagnon : comment allez-vous ? Un point d’une minute pour « ${n.programme} » :`,
      };
}

/** The tutor's alert after a tutee asked that they be told: who, and where the guide is. */
export function tutorAlertTexts(n: { tutee: string; programme: string; reminder: boolean }) {
  return {
    fr: {
      title: n.reminder
        ? `Rappel : prendre des nouvelles ${elide('de', n.tutee)}`
        : `Prendre des nouvelles ${elide('de', n.tutee)}`,
      body: `${n.tutee} (${n.programme}) traverse peut-être une période difficile et a souhaité que vous le sachiez. Prenez contact simplement, dans les jours qui viennent : le guide vous dit comment écouter et vers qui orienter.`,
    },
    en: {
      title: n.reminder ? `Reminder: check on ${n.tutee}` : `Check on ${n.tutee}`,
      body: `${n.tutee} (${n.programme}) may be going through a hard time and asked that you be told. Get in touch simply, in the coming days: the guide tells you how to listen and where to point them.`,
    },
  };
}

/** The tutor of a check-in not tied to a pair, as a question names them: "votre mentor·e". */
export function yourTutor(lang: Lang, template: string) {
  const words = programmeWords(template, lang).tutor;
  return lang === 'en' ? `your ${words}` : `votre ${words}`;
}
