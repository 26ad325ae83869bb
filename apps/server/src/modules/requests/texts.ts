import type { TFunction } from 'i18next';
import { dayWords } from '../../domain/days.ts';
import { inBoth, type Lang, moduleTexts } from '../../notify/i18n.ts';
import { capital, roleWord } from '../programmes/words.ts';
import type { CheckFacts } from './eligibility.ts';

// The words of requests to join a programme, French first: the eligibility rules and their
// verdicts, the e-mails to the person (who has no account yet: in the language they wrote in) and
// the notices to the coordination. No e-mail repeats what the person wrote about themselves.

export const requestTexts = moduleTexts('requests', {
  fr: {
    rule: {
      mentor_one: '{{Role}} : au moins {{count}} an d’exercice.',
      mentor_other: '{{Role}} : au moins {{count}} ans d’exercice.',
      mentee_one: '{{Role}} : en cours d’installation, ou installé·e depuis moins de {{count}} mois.',
      mentee_other: '{{Role}} : en cours d’installation, ou installé·e depuis moins de {{count}} mois.',
    },
    check: {
      mentor_one:
        'En exercice depuis {{count}} an : le programme demande au moins {{min}} ans d’exercice aux {{roles}}.',
      mentor_other:
        'En exercice depuis {{count}} ans : le programme demande au moins {{min}} ans d’exercice aux {{roles}}.',
      menteePlanned:
        'Installation prévue le {{date}} : le programme accueille les professionnel·les qui s’installent.',
      mentee_one:
        'Installé·e depuis {{count}} mois : le programme accueille jusqu’à {{max}} mois après l’installation.',
      mentee_other:
        'Installé·e depuis {{count}} mois : le programme accueille jusqu’à {{max}} mois après l’installation.',
    },
    confirm: {
      subject: 'Confirmez votre demande : « {{programme}} »',
      body: 'Bonjour {{name}},\n\nVous avez demandé à rejoindre « {{programme}} » ({{organisation}}) en tant {{role, que}}. Pour que votre demande parvienne à la coordination, confirmez votre adresse en ouvrant ce lien :\n{{link}}\n\nLa même page vous dit où en est votre demande, et vous permet de la retirer à tout moment.\n\nSi vous n’avez rien demandé, ignorez ce message : sans confirmation, la demande est effacée.',
      examined:
        'Votre demande ne correspond pas entièrement aux règles du programme ; elle sera tout de même examinée par la coordination :',
    },
    received: {
      title: 'Nouvelle demande : « {{programme}} »',
      body: '{{name}} demande à rejoindre « {{programme}} » en tant {{role, que}}. Examinez la demande dans Compagnon.',
      body_ineligible:
        '{{name}} demande à rejoindre « {{programme}} » en tant {{role, que}} ; la demande ne correspond pas entièrement aux règles du programme. Examinez-la dans Compagnon.',
    },
    declined: {
      subject: 'Votre demande : « {{programme}} »',
      body: 'Bonjour {{name}},\n\nLa coordination de « {{programme}} » ({{organisation}}) n’a pas donné suite à votre demande de rejoindre le programme en tant {{role, que}}.',
      message: 'Le message de la coordination :',
      end: 'Vos informations seront effacées après la durée de conservation de {{organisation}}.',
    },
    accepted: {
      title: 'Bienvenue dans « {{programme}} »',
      body: 'Votre demande a été acceptée : vous rejoignez « {{programme}} » en tant {{role, que}}. La coordination vous proposera un binôme.',
    },
  },
  en: {
    rule: {
      mentor_one: '{{Role}}: at least {{count}} year of practice.',
      mentor_other: '{{Role}}: at least {{count}} years of practice.',
      mentee_one: '{{Role}}: installing, or installed less than {{count}} month ago.',
      mentee_other: '{{Role}}: installing, or installed less than {{count}} months ago.',
    },
    check: {
      mentor_one:
        'Practising for {{count}} year: the programme asks {{roles}} for at least {{min}} years of practice.',
      mentor_other:
        'Practising for {{count}} years: the programme asks {{roles}} for at least {{min}} years of practice.',
      menteePlanned:
        'Installation planned on {{date}}: the programme welcomes professionals who are installing.',
      mentee_one:
        'Installed {{count}} month ago: the programme welcomes people up to {{max}} months after their installation.',
      mentee_other:
        'Installed {{count}} months ago: the programme welcomes people up to {{max}} months after their installation.',
    },
    confirm: {
      subject: 'Confirm your request: “{{programme}}”',
      body: 'Hello {{name}},\n\nYou asked to join “{{programme}}” ({{organisation}}) as {{role}}. For your request to reach the coordination, confirm your address by opening this link:\n{{link}}\n\nThe same page tells you where your request stands, and lets you withdraw it at any time.\n\nIf you did not ask for anything, ignore this message: without confirmation, the request is deleted.',
      examined:
        'Your request does not entirely fit the programme’s rules; the coordination will examine it all the same:',
    },
    received: {
      title: 'New request: “{{programme}}”',
      body: '{{name}} asks to join “{{programme}}” as {{role}}. Examine the request in Compagnon.',
      body_ineligible:
        '{{name}} asks to join “{{programme}}” as {{role}}; the request does not entirely fit the programme’s rules. Examine it in Compagnon.',
    },
    declined: {
      subject: 'Your request: “{{programme}}”',
      body: 'Hello {{name}},\n\nThe coordination of “{{programme}}” ({{organisation}}) did not take up your request to join the programme as {{role}}.',
      message: 'The coordination’s message:',
      end: 'Your details will be deleted after {{organisation}}’s retention period.',
    },
    accepted: {
      title: 'Welcome to “{{programme}}”',
      body: 'Your request was accepted: you join “{{programme}}” as {{role}}. The coordination will propose a partner.',
    },
  },
});

/** The sentence that explains one rule's verdict on a request, in the programme's words. */
export function explainCheck(c: CheckFacts, template: string, lang: Lang): string {
  const t = requestTexts(lang);
  if (c.rule === 'mentorMinYears')
    return t('check.mentor', {
      count: c.years,
      min: c.min,
      roles: roleWord(template, lang, 'tutor', true),
    });
  if (c.planned) return t('check.menteePlanned', { date: dayWords(c.installedOn, lang) });
  return t('check.mentee', { count: c.months, max: c.max });
}

/** The programme's rules in sentences, for its public page. */
export function ruleLines(
  rules: { mentorMinYears: number | null; menteeInstalledMaxMonths: number | null },
  template: string,
  lang: Lang,
): string[] {
  const t: TFunction = requestTexts(lang);
  const lines: string[] = [];
  if (rules.menteeInstalledMaxMonths !== null)
    lines.push(
      t('rule.mentee', {
        count: rules.menteeInstalledMaxMonths,
        Role: capital(roleWord(template, lang, 'tutee')),
      }),
    );
  if (rules.mentorMinYears !== null)
    lines.push(
      t('rule.mentor', { count: rules.mentorMinYears, Role: capital(roleWord(template, lang, 'tutor')) }),
    );
  return lines;
}

/** The coordination's notice of a confirmed request. */
export const receivedNotice = (v: {
  name: string;
  programme: string;
  template: string;
  role: 'tutor' | 'tutee';
  eligible: boolean;
}) =>
  inBoth(requestTexts, (t, lang) => {
    const values = { name: v.name, programme: v.programme, role: roleWord(v.template, lang, v.role) };
    return {
      title: t('received.title', values),
      body: t('received.body', { ...values, context: v.eligible ? undefined : 'ineligible' }),
    };
  });

/** The person's notice of an accepted request, when they joined at once (no invitation to answer). */
export const acceptedNotice = (v: { programme: string; template: string; role: 'tutor' | 'tutee' }) =>
  inBoth(requestTexts, (t, lang) => {
    const values = { programme: v.programme, role: roleWord(v.template, lang, v.role) };
    return { title: t('accepted.title', values), body: t('accepted.body', values) };
  });
