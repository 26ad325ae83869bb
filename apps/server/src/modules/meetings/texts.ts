import { DateTime } from 'luxon';
import { moduleTexts } from '../../notify/i18n.ts';

// The server's words for meetings (poll and invitation e-mails, the nudge's text message, in-app
// notices, the calendar file), French first. Dates are written on the organisation's clock.

export const meetingTexts = moduleTexts('meetings', {
  fr: {
    date: { locale: 'fr', format: "cccc d LLLL yyyy 'à' HH'h'mm" },
    mode: { 'in-person': 'sur place', video: 'en visio', phone: 'par téléphone' },
    where: { place: 'Lieu : {{place}}', video: 'Lien de la visio : {{url}}' },
    poll: {
      subject: 'Quand êtes-vous disponible ? « {{title}} »',
      subject_again: 'Rappel — Quand êtes-vous disponible ? « {{title}} »',
      lead: '{{organiser}} cherche une date pour « {{title}} » ({{mode}}).',
      lead_nudge: '{{organiser}} attend encore votre réponse pour « {{title}} » ({{mode}}).',
      text: 'Bonjour {{name}},\n\n{{lead}} Créneaux proposés :\n{{options}}\n{{where}}\nRépondez en deux gestes (oui / si besoin / non), sans vous connecter — ce lien est personnel :\n{{link}}\n{{again}}',
      again: '\nCe lien remplace celui du message précédent.\n',
      sms: 'Compagnon : {{organiser}} attend votre réponse pour « {{title}} ». Répondez ici : {{link}}',
    },
    invitation: {
      subject: {
        new: 'Confirmé : « {{title}} » le {{at}}',
        update: 'Modifié : « {{title}} » désormais le {{at}}',
        cancel: 'Annulé : « {{title}} » du {{at}}',
        reminder: 'Demain : « {{title}} », {{at}}',
      },
      lead: {
        new: '{{organiser}} a confirmé la rencontre « {{title}} ».',
        update: '{{organiser}} a déplacé la rencontre « {{title}} ».',
        cancel: '{{organiser}} a annulé la rencontre « {{title}} ».',
        reminder: 'Petit rappel : « {{title}} » a lieu demain.',
      },
      text: 'Bonjour {{name}},\n\n{{lead}}\n\nQuand : {{at}} ({{mode}})\n{{where}}\nL’invitation est jointe pour votre agenda.',
    },
    notice: {
      poll: { title: 'Sondage : {{title}}', body: 'Indiquez les créneaux qui vous conviennent.' },
      new: { title: 'Rencontre fixée : {{title}}', body: 'Le {{at}}.' },
      update: { title: 'Rencontre modifiée : {{title}}', body: 'Désormais le {{at}}.' },
      cancel: { title: 'Rencontre annulée : {{title}}', body: 'Elle était prévue le {{at}}.' },
      nudge: {
        title: 'Rappel — sondage : {{title}}',
        body: '{{name}} attend votre réponse : indiquez les créneaux qui vous conviennent.',
      },
    },
    // The calendar event, one file for every participant.
    ics: {
      mode: { 'in-person': 'Sur place', video: 'En visio', phone: 'Par téléphone' },
      link: 'Lien : {{url}}',
      guide: 'Guide : {{title}}\n{{themes}}',
    },
  },
  en: {
    date: { locale: 'en-GB', format: "cccc d LLLL yyyy 'at' HH:mm" },
    mode: { 'in-person': 'in person', video: 'by video', phone: 'by phone' },
    where: { place: 'Where: {{place}}', video: 'Video link: {{url}}' },
    poll: {
      subject: 'When can you come? “{{title}}”',
      subject_again: 'Reminder — When can you come? “{{title}}”',
      lead: '{{organiser}} is looking for a date for “{{title}}” ({{mode}}).',
      lead_nudge: '{{organiser}} is still waiting for your answer about “{{title}}” ({{mode}}).',
      text: 'Hello {{name}},\n\n{{lead}} Proposed times:\n{{options}}\n{{where}}\nAnswer in two taps (yes / if need be / no), no sign-in needed — this link is yours only:\n{{link}}\n{{again}}',
      again: '\nThis link replaces the one in the previous message.\n',
      sms: 'Compagnon: {{organiser}} is waiting for your answer about “{{title}}”. Answer here: {{link}}',
    },
    invitation: {
      subject: {
        new: 'Confirmed: “{{title}}” on {{at}}',
        update: 'Changed: “{{title}}” now on {{at}}',
        cancel: 'Cancelled: “{{title}}” on {{at}}',
        reminder: 'Tomorrow: “{{title}}” at {{at}}',
      },
      lead: {
        new: '{{organiser}} confirmed the meeting “{{title}}”.',
        update: '{{organiser}} moved the meeting “{{title}}”.',
        cancel: '{{organiser}} cancelled the meeting “{{title}}”.',
        reminder: 'A reminder: “{{title}}” is tomorrow.',
      },
      text: 'Hello {{name}},\n\n{{lead}}\n\nWhen: {{at}} ({{mode}})\n{{where}}\nThe invitation is attached for your calendar.',
    },
    notice: {
      poll: { title: 'Poll: {{title}}', body: 'Say which times suit you.' },
      new: { title: 'Meeting confirmed: {{title}}', body: 'On {{at}}.' },
      update: { title: 'Meeting changed: {{title}}', body: 'Now on {{at}}.' },
      cancel: { title: 'Meeting cancelled: {{title}}', body: 'It was planned on {{at}}.' },
      nudge: {
        title: 'Reminder — poll: {{title}}',
        body: '{{name}} is waiting for your answer: say which times suit you.',
      },
    },
    ics: {
      mode: { 'in-person': 'In person', video: 'By video', phone: 'By phone' },
      link: 'Link: {{url}}',
      guide: 'Guide: {{title}}\n{{themes}}',
    },
  },
});

export const when = (iso: string, zone: string, locale: string) => {
  const t = meetingTexts(locale);
  return DateTime.fromISO(iso).setZone(zone).setLocale(t('date.locale')).toFormat(t('date.format'));
};

interface Base {
  locale: string;
  name: string;
  title: string;
  organiser: string;
}

/** How a meeting takes place, inside a sentence: "en visio", "by video". */
export const modeWords = (mode: string, locale: string) =>
  meetingTexts(locale)(`mode.${mode}`, { defaultValue: mode });

/** Where the meeting is: its place and its video link, each on its line when set. */
export interface Whereabouts {
  mode: string;
  place: string | null;
  videoUrl: string | null;
}

function whereLines(m: Whereabouts, locale: string): string[] {
  const t = meetingTexts(locale);
  const lines: string[] = [];
  if (m.place) lines.push(t('where.place', { place: m.place }));
  if (m.videoUrl) lines.push(t('where.video', { url: m.videoUrl }));
  return lines;
}

/** The poll's private link: first sent, sent again two days later, or sent when the organiser nudges. */
export type PollMailKind = 'invite' | 'reminder' | 'nudge';

export function pollMail(m: Base & Whereabouts & { link: string; options: string[]; kind: PollMailKind }) {
  const t = meetingTexts(m.locale);
  const where = whereLines(m, m.locale);
  const again = m.kind !== 'invite';
  const values = { title: m.title, organiser: m.organiser, mode: modeWords(m.mode, m.locale) };
  return {
    subject: t('poll.subject', { title: m.title, context: again ? 'again' : undefined }),
    text: t('poll.text', {
      name: m.name,
      lead: t('poll.lead', { ...values, context: m.kind === 'nudge' ? 'nudge' : undefined }),
      options: m.options.map((o) => `  • ${o}`).join('\n'),
      where: where.length > 0 ? `\n${where.join('\n')}\n` : '',
      link: m.link,
      again: again ? t('poll.again') : '',
    }),
  };
}

/** The text message of a nudge: short, with the private link (the SMS gateway takes 320 characters). */
export function pollSms(m: { locale: string; organiser: string; title: string; link: string }) {
  const title = m.title.length > 80 ? `${m.title.slice(0, 79)}…` : m.title;
  return meetingTexts(m.locale)('poll.sms', { organiser: m.organiser, title, link: m.link });
}

type InvitationKind = 'new' | 'update' | 'cancel' | 'reminder';

export function invitationMail(m: Base & Whereabouts & { kind: InvitationKind; at: string }) {
  const t = meetingTexts(m.locale);
  const where = whereLines(m, m.locale);
  const values = { title: m.title, organiser: m.organiser, at: m.at };
  return {
    subject: t(`invitation.subject.${m.kind}`, values),
    text: t('invitation.text', {
      name: m.name,
      lead: t(`invitation.lead.${m.kind}`, values),
      at: m.at,
      mode: modeWords(m.mode, m.locale),
      where: where.length > 0 ? `${where.join('\n')}\n` : '',
    }),
  };
}
