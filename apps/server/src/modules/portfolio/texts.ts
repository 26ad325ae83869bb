import { dayWords } from '../../domain/days.ts';
import { moduleTexts } from '../../notify/i18n.ts';

// The portfolio's notices and e-mails, French first. A notice names the trace and who acted, never
// its text: that is read in Compagnon (or, for the tutor, from the e-mail that brings the trace).

const resources = {
  fr: {
    submitted: {
      title: '{{resident}} vous envoie « {{title}} »',
      body: 'À relire la semaine du {{week}}. Vous recevrez la trace par e-mail ce jour-là, avec un lien pour la relire sans vous connecter.',
    },
    comment: {
      title: 'Nouveau commentaire sur « {{title}} »',
      body: '{{author}} a commenté votre trace. Lisez-le dans Compagnon.',
    },
    commentTutor: {
      title: '{{author}} a répondu sur « {{title}} »',
      body: 'Lisez sa réponse dans Compagnon.',
    },
    revision: {
      title: 'Une reprise demandée pour « {{title}} »',
      body: '{{author}} vous demande de reprendre votre trace d’ici le {{due}}. Ses remarques sont dans le fil de la trace.',
    },
    validated: {
      title: '« {{title}} » est validée',
      body: '{{author}} a validé votre trace.',
    },
    nudge: {
      title: '« {{title}} » est attendue le {{due}}',
      body: 'Votre trace « {{title}} » est attendue le {{due}}. Écrivez-la au fil de votre stage : votre tuteur·rice la relira sans attendre la fin du semestre.',
    },
    nudgeRevision: {
      title: 'La reprise de « {{title}} » est attendue le {{due}}',
      body: 'Votre tuteur·rice attend la reprise de « {{title}} » le {{due}}.',
    },
    reviewMail: {
      subject: 'À relire : « {{title}} », de {{resident}}',
      intro: '{{resident}} vous a envoyé une trace de son portfolio ({{type}}, {{programme}}).',
      version: 'Version {{number}}, envoyée le {{date}}.',
      attachments_one: 'Avec {{count}} pièce jointe, lisible depuis le lien.',
      attachments_other: 'Avec {{count}} pièces jointes, lisibles depuis le lien.',
      link: 'Pour commenter, demander une reprise ou valider, sans vous connecter (lien personnel, valable jusqu’au {{until}}) :',
      cap_one:
        'Votre programme ne vous demande pas plus de {{count}} relecture par semaine : les suivantes vous arriveront les semaines d’après.',
      cap_other:
        'Votre programme ne vous demande pas plus de {{count}} relectures par semaine : les suivantes vous arriveront les semaines d’après.',
    },
    validation: 'Trace validée.',
    submission_one: 'Version {{count}} envoyée.',
    submission_other: 'Version {{count}} envoyée.',
    supervisorFeedback: {
      title: '{{supervisor}} a donné son retour sur le stage de {{resident}}',
      body: 'Son retour ({{period}}) est dans le portfolio, section « Maître de stage » ; ses niveaux sont sur la carte des compétences.',
    },
    supervisorMail: {
      subject: 'Votre avis sur le stage de {{resident}}',
      greeting: 'Bonjour {{name}},',
      intro:
        '{{inviter}} vous demande un court retour sur le stage de {{resident}} ({{period}}{{site}}), dans le cadre de son portfolio ({{programme}}).',
      what: 'Pour chacune des six compétences, un niveau (novice, intermédiaire, compétent) et un commentaire si vous le souhaitez ; puis ses points forts et ce qui reste à travailler. Cinq minutes suffisent, sans créer de compte.',
      link: 'Votre lien personnel, valable jusqu’au {{until}} :',
      traces:
        'Vous ne voyez des traces de son portfolio que celles que {{resident}} choisit de vous montrer.',
    },
  },
  en: {
    submitted: {
      title: '{{resident}} sends you “{{title}}”',
      body: 'To review in the week of {{week}}. You will receive the trace by e-mail that day, with a link to review it without signing in.',
    },
    comment: {
      title: 'New comment on “{{title}}”',
      body: '{{author}} commented on your trace. Read it in Compagnon.',
    },
    commentTutor: {
      title: '{{author}} answered on “{{title}}”',
      body: 'Read their answer in Compagnon.',
    },
    revision: {
      title: 'A revision asked for “{{title}}”',
      body: '{{author}} asks you to revise your trace by {{due}}. Their remarks are in the trace’s thread.',
    },
    validated: {
      title: '“{{title}}” is validated',
      body: '{{author}} validated your trace.',
    },
    nudge: {
      title: '“{{title}}” is due on {{due}}',
      body: 'Your trace “{{title}}” is due on {{due}}. Write it as your internship goes: your tutor will review it without waiting for the end of the semester.',
    },
    nudgeRevision: {
      title: 'The revision of “{{title}}” is due on {{due}}',
      body: 'Your tutor expects the revision of “{{title}}” on {{due}}.',
    },
    reviewMail: {
      subject: 'To review: “{{title}}”, from {{resident}}',
      intro: '{{resident}} sent you a trace of their portfolio ({{type}}, {{programme}}).',
      version: 'Version {{number}}, sent on {{date}}.',
      attachments_one: 'With {{count}} attachment, readable from the link.',
      attachments_other: 'With {{count}} attachments, readable from the link.',
      link: 'To comment, ask for a revision or validate, without signing in (a personal link, valid until {{until}}):',
      cap_one:
        'Your programme asks you for no more than {{count}} review a week: the next ones will come the following weeks.',
      cap_other:
        'Your programme asks you for no more than {{count}} reviews a week: the next ones will come the following weeks.',
    },
    validation: 'Trace validated.',
    submission_one: 'Version {{count}} sent.',
    submission_other: 'Version {{count}} sent.',
    supervisorFeedback: {
      title: '{{supervisor}} gave their feedback on {{resident}}’s internship',
      body: 'Their feedback ({{period}}) is in the portfolio, “Internship supervisor” section; its levels are on the competency map.',
    },
    supervisorMail: {
      subject: 'Your view on {{resident}}’s internship',
      greeting: 'Hello {{name}},',
      intro:
        '{{inviter}} asks you for a short feedback on {{resident}}’s internship ({{period}}{{site}}), for their portfolio ({{programme}}).',
      what: 'For each of the six competencies, a level (novice, intermediate, competent) and a comment if you wish; then their strengths and what is left to work on. Five minutes are enough, with no account to create.',
      link: 'Your personal link, valid until {{until}}:',
      traces: 'You see only the traces of their portfolio that {{resident}} chooses to show you.',
    },
  },
};

export const portfolioTexts = moduleTexts('portfolio', resources);

type NoticeKey =
  | 'submitted'
  | 'comment'
  | 'commentTutor'
  | 'revision'
  | 'validated'
  | 'nudge'
  | 'nudgeRevision'
  | 'supervisorFeedback';

/** A notice in both languages, for notify(): each recipient reads it in theirs. */
export function portfolioNotice(
  key: NoticeKey,
  params: Record<string, string | ((lang: 'fr' | 'en') => string)>,
) {
  const content = (lang: 'fr' | 'en') => {
    const t = portfolioTexts(lang);
    const values = Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, typeof v === 'function' ? v(lang) : v]),
    );
    return { title: t(`${key}.title`, values), body: t(`${key}.body`, values) };
  };
  return { fr: content('fr'), en: content('en') };
}

/** A calendar day as a notice value, worded in each reader's language (`portfolioNotice`). */
export const wordedDay = (day: string) => (lang: 'fr' | 'en') => dayWords(day, lang);
