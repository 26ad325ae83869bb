import { DateTime } from 'luxon';
import { bothNotice, moduleTexts } from '../../notify/i18n.ts';

// The words of training sessions, French first: the e-mails with their calendar invitation (a place
// taken, a place freed by someone's cancellation, a change, a cancellation, the day-before
// reminder) and the in-app notices.

export const trainingTexts = moduleTexts('training', {
  fr: {
    date: { locale: 'fr', format: "cccc d LLLL yyyy 'à' HH'h'mm" },
    kind: {
      initial: 'Formation initiale',
      refresher: 'Formation de perfectionnement',
      exchange: 'Soirée d’échanges',
    },
    mail: {
      subject: {
        registered: 'Inscription confirmée : « {{title}} », le {{at}}',
        promoted: 'Une place s’est libérée : vous êtes inscrit·e à « {{title}} »',
        update: 'Session modifiée : « {{title}} », désormais le {{at}}',
        cancel: 'Session annulée : « {{title}} »',
        reminder: 'Demain : « {{title}} », le {{at}}',
      },
      lead: {
        registered: 'Votre inscription à la session « {{title}} » ({{kind}}) est confirmée.',
        promoted:
          'Une place s’est libérée à la session « {{title}} » ({{kind}}) : vous quittez la liste d’attente et êtes inscrit·e.',
        update: 'La session « {{title}} » ({{kind}}) a été modifiée par la coordination.',
        cancel: 'La session « {{title}} » ({{kind}}) est annulée par la coordination.',
        reminder: 'Pour rappel, vous êtes inscrit·e à la session « {{title}} » ({{kind}}), demain.',
      },
      body: 'Bonjour {{name}},\n\n{{lead}}\n\nQuand : le {{at}}\n{{where}}\nL’invitation jointe l’ajoute à votre agenda. Si vous ne pouvez plus venir, annulez votre inscription dans Compagnon : votre place ira à la première personne de la liste d’attente.',
      cancelBody:
        'Bonjour {{name}},\n\n{{lead}}\n\nElle était prévue le {{at}}. La pièce jointe la retire de votre agenda.',
      place: 'Lieu : {{place}}',
      video: 'Visio : {{url}}',
    },
    ics: { kind: '{{kind}}', link: 'Lien de la visio : {{url}}' },
    notice: {
      promoted: {
        title: 'Inscrit·e à « {{title}} »',
        body: 'Une place s’est libérée : vous êtes inscrit·e à la session du {{at}}.',
      },
      updated: { title: 'Session modifiée : « {{title}} »', body: 'Elle a lieu désormais le {{at}}.' },
      cancelled: { title: 'Session annulée : « {{title}} »', body: 'La session du {{at}} n’aura pas lieu.' },
    },
  },
  en: {
    date: { locale: 'en-GB', format: "cccc d LLLL yyyy 'at' HH:mm" },
    kind: { initial: 'Initial training', refresher: 'Refresher training', exchange: 'Exchange evening' },
    mail: {
      subject: {
        registered: 'Registration confirmed: “{{title}}”, on {{at}}',
        promoted: 'A place came free: you are registered for “{{title}}”',
        update: 'Session changed: “{{title}}”, now on {{at}}',
        cancel: 'Session cancelled: “{{title}}”',
        reminder: 'Tomorrow: “{{title}}”, on {{at}}',
      },
      lead: {
        registered: 'Your registration for the session “{{title}}” ({{kind}}) is confirmed.',
        promoted:
          'A place came free in the session “{{title}}” ({{kind}}): you leave the waiting list and are registered.',
        update: 'The session “{{title}}” ({{kind}}) was changed by the coordination.',
        cancel: 'The session “{{title}}” ({{kind}}) is cancelled by the coordination.',
        reminder: 'A reminder: you are registered for the session “{{title}}” ({{kind}}), tomorrow.',
      },
      body: 'Hello {{name}},\n\n{{lead}}\n\nWhen: {{at}}\n{{where}}\nThe attached invitation adds it to your calendar. If you can no longer come, cancel your registration in Compagnon: your place goes to the first person on the waiting list.',
      cancelBody:
        'Hello {{name}},\n\n{{lead}}\n\nIt was planned on {{at}}. The attachment removes it from your calendar.',
      place: 'Place: {{place}}',
      video: 'Video: {{url}}',
    },
    ics: { kind: '{{kind}}', link: 'Video link: {{url}}' },
    notice: {
      promoted: {
        title: 'Registered for “{{title}}”',
        body: 'A place came free: you are registered for the session on {{at}}.',
      },
      updated: { title: 'Session changed: “{{title}}”', body: 'It now takes place on {{at}}.' },
      cancelled: {
        title: 'Session cancelled: “{{title}}”',
        body: 'The session on {{at}} will not take place.',
      },
    },
  },
});

/** An instant in words, in the organisation's zone and the reader's language. */
export const whenIn = (iso: string, zone: string, locale: string) => {
  const t = trainingTexts(locale);
  return DateTime.fromISO(iso).setZone(zone).setLocale(t('date.locale')).toFormat(t('date.format'));
};

export type MailKind = 'registered' | 'promoted' | 'update' | 'cancel' | 'reminder';

export interface MailSession {
  title: string;
  kind: string;
  starts_at: string;
  place: string | null;
  video_url: string | null;
}

/** The e-mail of one kind about a session, to one person. */
export function sessionMail(
  s: MailSession,
  kind: MailKind,
  p: { name: string; locale: string },
  zone: string,
) {
  const t = trainingTexts(p.locale);
  const values = { title: s.title, kind: t(`kind.${s.kind}`), at: whenIn(s.starts_at, zone, p.locale) };
  const where = [
    s.place ? t('mail.place', { place: s.place }) : null,
    s.video_url ? t('mail.video', { url: s.video_url }) : null,
  ].filter(Boolean);
  const lead = t(`mail.lead.${kind}`, values);
  return {
    subject: t(`mail.subject.${kind}`, values),
    text: t(kind === 'cancel' ? 'mail.cancelBody' : 'mail.body', {
      ...values,
      name: p.name,
      lead,
      where: where.length ? `${where.join('\n')}\n` : '',
    }),
  };
}

/** The calendar event's description, in French (one file for everyone). */
export function icsDescription(s: MailSession & { description: string }) {
  const t = trainingTexts('fr');
  return [
    t(`kind.${s.kind}`),
    s.video_url ? t('ics.link', { url: s.video_url }) : null,
    s.description || null,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** A notice about a session, in both languages, its instant in the organisation's zone. */
export const sessionNotice = (key: 'promoted' | 'updated' | 'cancelled', s: MailSession, zone: string) => {
  const fr = bothNotice(trainingTexts, `notice.${key}`, {
    title: s.title,
    at: whenIn(s.starts_at, zone, 'fr'),
  });
  const en = bothNotice(trainingTexts, `notice.${key}`, {
    title: s.title,
    at: whenIn(s.starts_at, zone, 'en'),
  });
  return { fr: fr.fr, en: en.en };
};
