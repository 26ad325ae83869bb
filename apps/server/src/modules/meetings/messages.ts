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

export function pollMail(m: Base & { link: string; options: string[]; reminder: boolean }) {
  if (en(m.locale)) {
    return {
      subject: `${m.reminder ? 'Reminder — ' : ''}When can you come? “${m.title}”`,
      text: `Hello ${m.name},\n\n${m.organiser} is looking for a date for “${m.title}”. Proposed times:\n${m.options.map((o) => `  • ${o}`).join('\n')}\n\nAnswer in two taps (yes / if need be / no), no sign-in needed — this link is yours only:\n${m.link}\n${m.reminder ? '\nThis link replaces the one in the previous message.\n' : ''}`,
    };
  }
  return {
    subject: `${m.reminder ? 'Rappel — ' : ''}Quand êtes-vous disponible ? « ${m.title} »`,
    text: `Bonjour ${m.name},\n\n${m.organiser} cherche une date pour « ${m.title} ». Créneaux proposés :\n${m.options.map((o) => `  • ${o}`).join('\n')}\n\nRépondez en deux gestes (oui / si besoin / non), sans vous connecter — ce lien est personnel :\n${m.link}\n${m.reminder ? '\nCe lien remplace celui du message précédent.\n' : ''}`,
  };
}

export function invitationMail(
  m: Base & {
    kind: 'new' | 'update' | 'cancel' | 'reminder';
    at: string;
    place: string | null;
    videoUrl: string | null;
    mode: string;
  },
) {
  const where = m.videoUrl ?? m.place;
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
      text: `Hello ${m.name},\n\n${lead}\n\nWhen: ${m.at}\n${where ? `Where: ${where}\n` : ''}\nThe invitation is attached for your calendar.`,
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
  const mode = { 'in-person': 'sur place', video: 'en visio', phone: 'par téléphone' }[m.mode] ?? m.mode;
  return {
    subject,
    text: `Bonjour ${m.name},\n\n${lead}\n\nQuand : ${m.at} (${mode})\n${where ? `Où : ${where}\n` : ''}\nL’invitation est jointe pour votre agenda.`,
  };
}
