import type { Lang } from '../../notify/templates.ts';
import type { DifficultyCategory, DifficultyState } from './schema.ts';

// The server's words for difficulties, French first: category and state names (notices, the yearly
// review) and the notices each side receives. No notice to the coordination ever names an
// anonymous author, and none repeats what was written: it is read in Compagnon, signed in.

const categories: Record<DifficultyCategory, Record<Lang, string>> = {
  harassment: { fr: 'Harcèlement', en: 'Harassment' },
  internship: { fr: 'Conditions de stage', en: 'Internship conditions' },
  nights: { fr: 'Gardes', en: 'Nights on call' },
  workload: { fr: 'Charge de travail', en: 'Workload' },
  other: { fr: 'Autre', en: 'Other' },
};
export const categoryLabel = (c: string, lang: Lang) => categories[c as DifficultyCategory]?.[lang] ?? c;

const states: Record<DifficultyState, Record<Lang, string>> = {
  new: { fr: 'nouvelle', en: 'new' },
  acknowledged: { fr: 'prise en compte', en: 'acknowledged' },
  in_progress: { fr: 'en cours de traitement', en: 'in progress' },
  closed: { fr: 'close', en: 'closed' },
};
export const stateLabel = (s: string, lang: Lang) => states[s as DifficultyState]?.[lang] ?? s;

type Content = { fr: { title: string; body: string }; en: { title: string; body: string } };
const both = (f: (lang: Lang) => { title: string; body: string }): Content => ({ fr: f('fr'), en: f('en') });

/** To the coordination: a difficulty was raised (by someone named, or by an anonymous member). */
export const raisedNotice = (o: { category: string; programme: string; author: string | null }) =>
  both((lang) =>
    lang === 'fr'
      ? {
          title: `Difficulté signalée : ${categoryLabel(o.category, lang)}`,
          body: `${o.author ?? 'Un membre anonyme'} a signalé une difficulté dans « ${o.programme} ». Lisez-la et répondez dans Compagnon.`,
        }
      : {
          title: `Difficulty raised: ${categoryLabel(o.category, lang)}`,
          body: `${o.author ?? 'An anonymous member'} raised a difficulty in “${o.programme}”. Read it and answer in Compagnon.`,
        },
  );

/** To the coordination: the author wrote on the thread. */
export const authorReplyNotice = (o: { category: string; programme: string; author: string | null }) =>
  both((lang) =>
    lang === 'fr'
      ? {
          title: `Nouveau message sur une difficulté : ${categoryLabel(o.category, lang)}`,
          body: `${o.author ?? 'Le membre anonyme'} a écrit sur la difficulté signalée dans « ${o.programme} ».`,
        }
      : {
          title: `New message on a difficulty: ${categoryLabel(o.category, lang)}`,
          body: `${o.author ?? 'The anonymous member'} wrote on the difficulty raised in “${o.programme}”.`,
        },
  );

/** To the author: the coordination answered. */
export const coordinationReplyNotice = (o: { category: string; coordinator: string }) =>
  both((lang) =>
    lang === 'fr'
      ? {
          title: 'La coordination vous a répondu',
          body: `${o.coordinator} a répondu à votre signalement (${categoryLabel(o.category, lang)}).`,
        }
      : {
          title: 'The coordination answered you',
          body: `${o.coordinator} answered your difficulty (${categoryLabel(o.category, lang)}).`,
        },
  );

/** To the author: their difficulty moved on (a "signalement" is masculine, a "difficulté" feminine). */
const steps: Record<string, Record<Lang, [string, string]>> = {
  acknowledged: {
    fr: [
      'Votre signalement a été pris en compte',
      'La coordination a pris connaissance de votre signalement',
    ],
    en: ['Your difficulty was acknowledged', 'The coordination acknowledged your difficulty'],
  },
  in_progress: {
    fr: ['Votre signalement est en cours de traitement', 'La coordination traite votre signalement'],
    en: ['Your difficulty is being handled', 'The coordination is handling your difficulty'],
  },
  closed: {
    fr: ['Votre signalement a été clos', 'La coordination a clos votre signalement'],
    en: ['Your difficulty was closed', 'The coordination closed your difficulty'],
  },
};
export const stateNotice = (o: { category: string; to: string }) =>
  both((lang) => {
    const [title, did] = steps[o.to]?.[lang] ?? [stateLabel(o.to, lang), stateLabel(o.to, lang)];
    const what = `${did} (${categoryLabel(o.category, lang)})`;
    if (o.to !== 'closed') return { title, body: `${what}.` };
    return {
      title,
      body:
        lang === 'fr'
          ? `${what} : lisez sa note de clôture dans Compagnon.`
          : `${what}: read its closing note in Compagnon.`,
    };
  });

/** To the author: the coordination forwarded it, without their name, to another organisation. */
export const forwardedNotice = (o: { category: string; organisation: string }) =>
  both((lang) =>
    lang === 'fr'
      ? {
          title: 'Votre signalement a été transmis',
          body: `La coordination a transmis votre signalement (${categoryLabel(o.category, lang)}) à ${o.organisation}, sans votre nom, pour qu’il y soit suivi aussi.`,
        }
      : {
          title: 'Your difficulty was forwarded',
          body: `The coordination forwarded your difficulty (${categoryLabel(o.category, lang)}) to ${o.organisation}, without your name, to be followed there too.`,
        },
  );

/** To the receiving organisation's coordination: a systemic difficulty arrived from another one. */
export const receivedNotice = (o: { category: string; from: string }) =>
  both((lang) =>
    lang === 'fr'
      ? {
          title: `Difficulté collective transmise : ${categoryLabel(o.category, lang)}`,
          body: `${o.from} vous transmet une difficulté collective, sans le nom de qui l’a signalée. Suivez-la dans Compagnon.`,
        }
      : {
          title: `Systemic difficulty forwarded: ${categoryLabel(o.category, lang)}`,
          body: `${o.from} forwarded a systemic difficulty to you, without the name of who raised it. Follow it in Compagnon.`,
        },
  );
