import { DateTime } from 'luxon';

// The e-mails of this capability, French first. Dates are written on the organisation's clock.

export const when = (iso: string, zone: string, locale: string) =>
  DateTime.fromISO(iso)
    .setZone(zone)
    .setLocale(locale.startsWith('en') ? 'en-GB' : 'fr')
    .toFormat(locale.startsWith('en') ? "cccc d LLLL yyyy 'at' HH:mm" : "cccc d LLLL yyyy 'à' HH'h'mm");

const en = (locale: string) => locale.startsWith('en');

interface Base {
  locale: string;
  name: string;
  title: string;
  organiser: string;
}

/** How a meeting takes place, inside a sentence: "en visio", "by video". */
export const modeWords = (mode: string, locale: string) =>
  (en(locale)
    ? { 'in-person': 'in person', video: 'by video', phone: 'by phone' }
    : { 'in-person': 'sur place', video: 'en visio', phone: 'par téléphone' })[mode] ?? mode;

/** Where the meeting is: its place and its video link, each on its line when set. */
export interface Whereabouts {
  mode: string;
  place: string | null;
  videoUrl: string | null;
}

function whereLines(m: Whereabouts, locale: string): string[] {
  const lines: string[] = [];
  if (m.place) lines.push(en(locale) ? `Where: ${m.place}` : `Lieu : ${m.place}`);
  if (m.videoUrl) lines.push(en(locale) ? `Video link: ${m.videoUrl}` : `Lien de la visio : ${m.videoUrl}`);
  return lines;
}

/** The poll's private link: first sent, sent again two days later, or sent when the organiser nudges. */
export type PollMailKind = 'invite' | 'reminder' | 'nudge';

export function pollMail(m: Base & Whereabouts & { link: string; options: string[]; kind: PollMailKind }) {
  const again = m.kind !== 'invite';
  const where = whereLines(m, m.locale);
  const whereText = where.length > 0 ? `\n${where.join('\n')}\n` : '';
  const mode = modeWords(m.mode, m.locale);
  if (en(m.locale)) {
    const lead =
      m.kind === 'nudge'
        ? `${m.organiser} is still waiting for your answer about “${m.title}” (${mode}).`
        : `${m.organiser} is looking for a date for “${m.title}” (${mode}).`;
    return {
      subject: `${again ? 'Reminder — ' : ''}When can you come? “${m.title}”`,
      text: `Hello ${m.name},\n\n${lead} Proposed times:\n${m.options.map((o) => `  • ${o}`).join('\n')}\n${whereText}\nAnswer in two taps (yes / if need be / no), no sign-in needed — this link is yours only:\n${m.link}\n${again ? '\nThis link replaces the one in the previous message.\n' : ''}`,
    };
  }
  const lead =
    m.kind === 'nudge'
      ? `${m.organiser} attend encore votre réponse pour « ${m.title} » (${mode}).`
      : `${m.organiser} cherche une date pour « ${m.title} » (${mode}).`;
  return {
    subject: `${again ? 'Rappel — ' : ''}Quand êtes-vous disponible ? « ${m.title} »`,
    text: `Bonjour ${m.name},\n\n${lead} Créneaux proposés :\n${m.options.map((o) => `  • ${o}`).join('\n')}\n${whereText}\nRépondez en deux gestes (oui / si besoin / non), sans vous connecter — ce lien est personnel :\n${m.link}\n${again ? '\nCe lien remplace celui du message précédent.\n' : ''}`,
  };
}

/** The text message of a nudge: short, with the private link (the SMS gateway takes 320 characters). */
export function pollSms(m: { locale: string; organiser: string; title: string; link: string }) {
  const title = m.title.length > 80 ? `${m.title.slice(0, 79)}…` : m.title;
  return en(m.locale)
    ? `Compagnon: ${m.organiser} is waiting for your answer about “${title}”. Answer here: ${m.link}`
    : `Compagnon : ${m.organiser} attend votre réponse pour « ${title} ». Répondez ici : ${m.link}`;
}

export function invitationMail(
  m: Base &
    Whereabouts & {
      kind: 'new' | 'update' | 'cancel' | 'reminder';
      at: string;
    },
) {
  const where = whereLines(m, m.locale);
  const whereText = where.length > 0 ? `${where.join('\n')}\n` : '';
  const mode = modeWords(m.mode, m.locale);
  if (en(m.locale)) {
    const subject = {
      new: `Confirmed: “${m.title}” on ${m.at}`,
      update: `Changed: “${m.title}” now on ${m.at}`,
      cancel: `Cancelled: “${m.title}” on ${m.at}`,
      reminder: `Tomorrow: “${m.title}” at ${m.at}`,
    }[m.kind];
    const lead = {
      new: `${m.organiser} confirmed the meeting “${m.title}”.`,
      update: `${m.organiser} moved the meeting “${m.title}”.`,
      cancel: `${m.organiser} cancelled the meeting “${m.title}”.`,
      reminder: `A reminder: “${m.title}” is tomorrow.`,
    }[m.kind];
    return {
      subject,
      text: `Hello ${m.name},\n\n${lead}\n\nWhen: ${m.at} (${mode})\n${whereText}\nThe invitation is attached for your calendar.`,
    };
  }
  const subject = {
    new: `Confirmé : « ${m.title} » le ${m.at}`,
    update: `Modifié : « ${m.title} » désormais le ${m.at}`,
    cancel: `Annulé : « ${m.title} » du ${m.at}`,
    reminder: `Demain : « ${m.title} », ${m.at}`,
  }[m.kind];
  const lead = {
    new: `${m.organiser} a confirmé la rencontre « ${m.title} ».`,
    update: `${m.organiser} a déplacé la rencontre « ${m.title} ».`,
    cancel: `${m.organiser} a annulé la rencontre « ${m.title} ».`,
    reminder: `Petit rappel : « ${m.title} » a lieu demain.`,
  }[m.kind];
  return {
    subject,
    text: `Bonjour ${m.name},\n\n${lead}\n\nQuand : ${m.at} (${mode})\n${whereText}\nL’invitation est jointe pour votre agenda.`,
  };
}
