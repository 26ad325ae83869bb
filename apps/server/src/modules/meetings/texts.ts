import { DateTime } from 'luxon';
import type { Lang } from '../../notify/templates.ts';

// The server's words for meetings (poll and invitation e-mails, the nudge's text message), French
// first. Dates are written on the organisation's clock.

const langOf = (locale: string): Lang => (locale.startsWith('en') ? 'en' : 'fr');

const dateFormats: Record<Lang, { locale: string; format: string }> = {
  fr: { locale: 'fr', format: "cccc d LLLL yyyy 'à' HH'h'mm" },
  en: { locale: 'en-GB', format: "cccc d LLLL yyyy 'at' HH:mm" },
};

export const when = (iso: string, zone: string, locale: string) => {
  const f = dateFormats[langOf(locale)];
  return DateTime.fromISO(iso).setZone(zone).setLocale(f.locale).toFormat(f.format);
};

interface Base {
  locale: string;
  name: string;
  title: string;
  organiser: string;
}

const modes: Record<Lang, Record<string, string>> = {
  fr: { 'in-person': 'sur place', video: 'en visio', phone: 'par téléphone' },
  en: { 'in-person': 'in person', video: 'by video', phone: 'by phone' },
};

/** How a meeting takes place, inside a sentence: "en visio", "by video". */
export const modeWords = (mode: string, locale: string) => modes[langOf(locale)][mode] ?? mode;

/** Where the meeting is: its place and its video link, each on its line when set. */
export interface Whereabouts {
  mode: string;
  place: string | null;
  videoUrl: string | null;
}

const whereWords: Record<Lang, { place: (p: string) => string; video: (url: string) => string }> = {
  fr: { place: (p) => `Lieu : ${p}`, video: (url) => `Lien de la visio : ${url}` },
  en: { place: (p) => `Where: ${p}`, video: (url) => `Video link: ${url}` },
};

function whereLines(m: Whereabouts, locale: string): string[] {
  const w = whereWords[langOf(locale)];
  const lines: string[] = [];
  if (m.place) lines.push(w.place(m.place));
  if (m.videoUrl) lines.push(w.video(m.videoUrl));
  return lines;
}

/** The poll's private link: first sent, sent again two days later, or sent when the organiser nudges. */
export type PollMailKind = 'invite' | 'reminder' | 'nudge';

type PollMail = Base & { link: string; options: string[]; again: boolean; mode: string; whereText: string };

const pollMails: Record<Lang, (m: PollMail & { kind: PollMailKind }) => { subject: string; text: string }> = {
  fr: (m) => {
    const lead =
      m.kind === 'nudge'
        ? `${m.organiser} attend encore votre réponse pour « ${m.title} » (${m.mode}).`
        : `${m.organiser} cherche une date pour « ${m.title} » (${m.mode}).`;
    return {
      subject: `${m.again ? 'Rappel — ' : ''}Quand êtes-vous disponible ? « ${m.title} »`,
      text: `Bonjour ${m.name},\n\n${lead} Créneaux proposés :\n${m.options.map((o) => `  • ${o}`).join('\n')}\n${m.whereText}\nRépondez en deux gestes (oui / si besoin / non), sans vous connecter — ce lien est personnel :\n${m.link}\n${m.again ? '\nCe lien remplace celui du message précédent.\n' : ''}`,
    };
  },
  en: (m) => {
    const lead =
      m.kind === 'nudge'
        ? `${m.organiser} is still waiting for your answer about “${m.title}” (${m.mode}).`
        : `${m.organiser} is looking for a date for “${m.title}” (${m.mode}).`;
    return {
      subject: `${m.again ? 'Reminder — ' : ''}When can you come? “${m.title}”`,
      text: `Hello ${m.name},\n\n${lead} Proposed times:\n${m.options.map((o) => `  • ${o}`).join('\n')}\n${m.whereText}\nAnswer in two taps (yes / if need be / no), no sign-in needed — this link is yours only:\n${m.link}\n${m.again ? '\nThis link replaces the one in the previous message.\n' : ''}`,
    };
  },
};

export function pollMail(m: Base & Whereabouts & { link: string; options: string[]; kind: PollMailKind }) {
  const where = whereLines(m, m.locale);
  return pollMails[langOf(m.locale)]({
    ...m,
    again: m.kind !== 'invite',
    mode: modeWords(m.mode, m.locale),
    whereText: where.length > 0 ? `\n${where.join('\n')}\n` : '',
  });
}

const pollSmsTexts: Record<Lang, (o: { organiser: string; title: string; link: string }) => string> = {
  fr: (o) => `Compagnon : ${o.organiser} attend votre réponse pour « ${o.title} ». Répondez ici : ${o.link}`,
  en: (o) =>
    `Compagnon: ${o.organiser} is waiting for your answer about “${o.title}”. Answer here: ${o.link}`,
};

/** The text message of a nudge: short, with the private link (the SMS gateway takes 320 characters). */
export function pollSms(m: { locale: string; organiser: string; title: string; link: string }) {
  const title = m.title.length > 80 ? `${m.title.slice(0, 79)}…` : m.title;
  return pollSmsTexts[langOf(m.locale)]({ ...m, title });
}

type InvitationKind = 'new' | 'update' | 'cancel' | 'reminder';
type Invitation = Base & { at: string; mode: string; whereText: string };

const invitationWords: Record<
  Lang,
  {
    subject: Record<InvitationKind, (m: Invitation) => string>;
    lead: Record<InvitationKind, (m: Invitation) => string>;
    text: (m: Invitation, lead: string) => string;
  }
> = {
  fr: {
    subject: {
      new: (m) => `Confirmé : « ${m.title} » le ${m.at}`,
      update: (m) => `Modifié : « ${m.title} » désormais le ${m.at}`,
      cancel: (m) => `Annulé : « ${m.title} » du ${m.at}`,
      reminder: (m) => `Demain : « ${m.title} », ${m.at}`,
    },
    lead: {
      new: (m) => `${m.organiser} a confirmé la rencontre « ${m.title} ».`,
      update: (m) => `${m.organiser} a déplacé la rencontre « ${m.title} ».`,
      cancel: (m) => `${m.organiser} a annulé la rencontre « ${m.title} ».`,
      reminder: (m) => `Petit rappel : « ${m.title} » a lieu demain.`,
    },
    text: (m, lead) =>
      `Bonjour ${m.name},\n\n${lead}\n\nQuand : ${m.at} (${m.mode})\n${m.whereText}\nL’invitation est jointe pour votre agenda.`,
  },
  en: {
    subject: {
      new: (m) => `Confirmed: “${m.title}” on ${m.at}`,
      update: (m) => `Changed: “${m.title}” now on ${m.at}`,
      cancel: (m) => `Cancelled: “${m.title}” on ${m.at}`,
      reminder: (m) => `Tomorrow: “${m.title}” at ${m.at}`,
    },
    lead: {
      new: (m) => `${m.organiser} confirmed the meeting “${m.title}”.`,
      update: (m) => `${m.organiser} moved the meeting “${m.title}”.`,
      cancel: (m) => `${m.organiser} cancelled the meeting “${m.title}”.`,
      reminder: (m) => `A reminder: “${m.title}” is tomorrow.`,
    },
    text: (m, lead) =>
      `Hello ${m.name},\n\n${lead}\n\nWhen: ${m.at} (${m.mode})\n${m.whereText}\nThe invitation is attached for your calendar.`,
  },
};

export function invitationMail(m: Base & Whereabouts & { kind: InvitationKind; at: string }) {
  const where = whereLines(m, m.locale);
  const words = invitationWords[langOf(m.locale)];
  const i: Invitation = {
    ...m,
    mode: modeWords(m.mode, m.locale),
    whereText: where.length > 0 ? `${where.join('\n')}\n` : '',
  };
  return { subject: words.subject[m.kind](i), text: words.text(i, words.lead[m.kind](i)) };
}
