import { DateTime } from 'luxon';
import { bothNotice, moduleTexts } from '../../notify/i18n.ts';

// The words of networks' sessions, French first: the e-mails with their calendar invitation (a
// place taken, a place freed by someone's cancellation, a cancellation, the day-before reminder)
// and the in-app notices. A session's time is in its publishing organisation's zone, named when it
// is not the reader's.

export const networkTexts = moduleTexts('networks', {
  fr: {
    date: { locale: 'fr', format: "cccc d LLLL yyyy 'à' HH'h'mm" },
    zone: '{{at}} (heure de {{zone}})',
    mail: {
      subject: {
        registered: '{{network}} : inscription confirmée à « {{title}} », le {{at}}',
        promoted: '{{network}} : une place s’est libérée à « {{title}} »',
        cancel: '{{network}} : session annulée, « {{title}} »',
        reminder: '{{network}} : demain, « {{title}} », le {{at}}',
      },
      lead: {
        registered: 'Votre inscription à la session « {{title}} » du réseau {{network}} est confirmée.',
        promoted:
          'Une place s’est libérée à la session « {{title}} » du réseau {{network}} : vous quittez la liste d’attente et êtes inscrit·e.',
        cancel: 'La session « {{title}} » du réseau {{network}} est annulée par {{organisation}}.',
        reminder: 'Pour rappel, vous êtes inscrit·e demain à la session « {{title}} » du réseau {{network}}.',
      },
      body: 'Bonjour {{name}},\n\n{{lead}}\n\nQuand : le {{at}}\n{{where}}Proposée par : {{organisation}}\n\nL’invitation jointe l’ajoute à votre agenda. Si vous ne pouvez plus venir, annulez votre inscription dans Compagnon (Réseaux) : votre place ira à la première personne de la liste d’attente.',
      cancelBody:
        'Bonjour {{name}},\n\n{{lead}}\n\nElle était prévue le {{at}}. La pièce jointe la retire de votre agenda.',
      place: 'Lieu : {{place}}\n',
      video: 'Visio : {{url}}\n',
    },
    ics: 'Session du réseau {{network}}, proposée par {{organisation}}.',
    notice: {
      promoted: {
        title: 'Inscrit·e à « {{title}} »',
        body: 'Une place s’est libérée : vous êtes inscrit·e à la session du réseau {{network}}, le {{at}}.',
      },
      cancelled: {
        title: 'Session annulée : « {{title}} »',
        body: 'La session du réseau {{network}} prévue le {{at}} n’aura pas lieu.',
      },
    },
  },
  en: {
    date: { locale: 'en-GB', format: "cccc d LLLL yyyy 'at' HH:mm" },
    zone: '{{at}} ({{zone}} time)',
    mail: {
      subject: {
        registered: '{{network}}: registration confirmed for “{{title}}”, on {{at}}',
        promoted: '{{network}}: a place came free in “{{title}}”',
        cancel: '{{network}}: session cancelled, “{{title}}”',
        reminder: '{{network}}: tomorrow, “{{title}}”, on {{at}}',
      },
      lead: {
        registered: 'Your registration for the session “{{title}}” of the network {{network}} is confirmed.',
        promoted:
          'A place came free in the session “{{title}}” of the network {{network}}: you leave the waiting list and are registered.',
        cancel: 'The session “{{title}}” of the network {{network}} is cancelled by {{organisation}}.',
        reminder:
          'A reminder: you are registered tomorrow for the session “{{title}}” of the network {{network}}.',
      },
      body: 'Hello {{name}},\n\n{{lead}}\n\nWhen: {{at}}\n{{where}}Offered by: {{organisation}}\n\nThe attached invitation adds it to your calendar. If you can no longer come, cancel your registration in Compagnon (Networks): your place goes to the first person on the waiting list.',
      cancelBody:
        'Hello {{name}},\n\n{{lead}}\n\nIt was planned on {{at}}. The attachment removes it from your calendar.',
      place: 'Place: {{place}}\n',
      video: 'Video: {{url}}\n',
    },
    ics: 'A session of the network {{network}}, offered by {{organisation}}.',
    notice: {
      promoted: {
        title: 'Registered for “{{title}}”',
        body: 'A place came free: you are registered for the session of the network {{network}} on {{at}}.',
      },
      cancelled: {
        title: 'Session cancelled: “{{title}}”',
        body: 'The session of the network {{network}} planned on {{at}} will not take place.',
      },
    },
  },
});

export type NetworkMailKind = 'registered' | 'promoted' | 'cancel' | 'reminder';

export interface NetworkMailSession {
  title: string;
  starts_at: string;
  place: string | null;
  video_url: string | null;
  network: string;
  organisation: string;
  /** The publishing organisation's zone. */
  time_zone: string;
}

/** An instant in words in the session's zone, the zone named when the reader's is another. */
export function atIn(iso: string, zone: string, locale: string, readerZone: string) {
  const t = networkTexts(locale);
  const at = DateTime.fromISO(iso).setZone(zone).setLocale(t('date.locale')).toFormat(t('date.format'));
  return zone === readerZone ? at : t('zone', { at, zone: zone.split('/').pop()?.replace(/_/g, ' ') });
}

/** The e-mail of one kind about a network session, to one person (in their organisation's zone). */
export function networkSessionMail(
  s: NetworkMailSession,
  kind: NetworkMailKind,
  p: { name: string; locale: string; zone: string },
) {
  const t = networkTexts(p.locale);
  const values = {
    title: s.title,
    network: s.network,
    organisation: s.organisation,
    at: atIn(s.starts_at, s.time_zone, p.locale, p.zone),
  };
  const where =
    (s.place ? t('mail.place', { place: s.place }) : '') +
    (s.video_url ? t('mail.video', { url: s.video_url }) : '');
  const lead = t(`mail.lead.${kind}`, values);
  return {
    subject: t(`mail.subject.${kind}`, values),
    text: t(kind === 'cancel' ? 'mail.cancelBody' : 'mail.body', { ...values, name: p.name, lead, where }),
  };
}

/** The calendar event's description, in French (one file for everyone). */
export const networkIcsDescription = (s: NetworkMailSession & { description: string }) =>
  [networkTexts('fr')('ics', { network: s.network, organisation: s.organisation }), s.description || null]
    .filter(Boolean)
    .join('\n\n');

/** A notice about a session, in both languages, its instant in the session's zone. */
export const networkSessionNotice = (
  key: 'promoted' | 'cancelled',
  s: NetworkMailSession,
  readerZone: string,
) => {
  const values = (lang: 'fr' | 'en') => ({
    title: s.title,
    network: s.network,
    at: atIn(s.starts_at, s.time_zone, lang, readerZone),
  });
  return {
    fr: bothNotice(networkTexts, `notice.${key}`, values('fr')).fr,
    en: bothNotice(networkTexts, `notice.${key}`, values('en')).en,
  };
};
