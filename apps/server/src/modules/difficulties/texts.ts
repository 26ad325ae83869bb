import { inBoth, type Lang, moduleTexts } from '../../notify/i18n.ts';

// The server's words for difficulties, French first: category and state names (notices, the yearly
// review) and the notices each side receives. No notice to the coordination ever names an
// anonymous author, and none repeats what was written: it is read in Compagnon, signed in.

export const difficultyTexts = moduleTexts('difficulties', {
  fr: {
    category: {
      harassment: 'Harcèlement',
      internship: 'Conditions de stage',
      nights: 'Gardes',
      workload: 'Charge de travail',
      other: 'Autre',
      pair: 'Notre binôme',
    },
    state: {
      new: 'nouvelle',
      acknowledged: 'prise en compte',
      in_progress: 'en cours de traitement',
      closed: 'close',
    },
    raised: {
      title: 'Difficulté signalée : {{category}}',
      body: '{{author}} a signalé une difficulté dans « {{programme}} ». Lisez-la et répondez dans Compagnon.',
      body_anonymous:
        'Un membre anonyme a signalé une difficulté dans « {{programme}} ». Lisez-la et répondez dans Compagnon.',
    },
    authorReply: {
      title: 'Nouveau message sur une difficulté : {{category}}',
      body: '{{author}} a écrit sur la difficulté signalée dans « {{programme}} ».',
      body_anonymous: 'Le membre anonyme a écrit sur la difficulté signalée dans « {{programme}} ».',
    },
    coordinationReply: {
      title: 'La coordination vous a répondu',
      body: '{{coordinator}} a répondu à votre signalement ({{category}}).',
    },
    // A "signalement" is masculine, a "difficulté" feminine.
    step: {
      acknowledged: {
        title: 'Votre signalement a été pris en compte',
        did: 'La coordination a pris connaissance de votre signalement',
      },
      in_progress: {
        title: 'Votre signalement est en cours de traitement',
        did: 'La coordination traite votre signalement',
      },
      closed: { title: 'Votre signalement a été clos', did: 'La coordination a clos votre signalement' },
    },
    stepBody: '{{did}} ({{category}}).',
    stepBody_closed: '{{did}} ({{category}}) : lisez sa note de clôture dans Compagnon.',
    forwarded: {
      title: 'Votre signalement a été transmis',
      body: 'La coordination a transmis votre signalement ({{category}}) à {{organisation}}, sans votre nom, pour qu’il y soit suivi aussi.',
    },
    received: {
      title: 'Difficulté collective transmise : {{category}}',
      body: '{{from}} vous transmet une difficulté collective, sans le nom de qui l’a signalée. Suivez-la dans Compagnon.',
    },
    themes: {
      title: 'Difficultés collectives signalées (thèmes)',
      note: 'Nombre de difficultés collectives signalées à la coordination, ou transmises par une autre organisation, par thème ; sous {{minimum}}, le nombre n’est pas communiqué.',
      fewer: 'moins de {{minimum}}',
    },
  },
  en: {
    category: {
      harassment: 'Harassment',
      internship: 'Internship conditions',
      nights: 'Nights on call',
      workload: 'Workload',
      other: 'Other',
      pair: 'Our pair',
    },
    state: { new: 'new', acknowledged: 'acknowledged', in_progress: 'in progress', closed: 'closed' },
    raised: {
      title: 'Difficulty raised: {{category}}',
      body: '{{author}} raised a difficulty in “{{programme}}”. Read it and answer in Compagnon.',
      body_anonymous:
        'An anonymous member raised a difficulty in “{{programme}}”. Read it and answer in Compagnon.',
    },
    authorReply: {
      title: 'New message on a difficulty: {{category}}',
      body: '{{author}} wrote on the difficulty raised in “{{programme}}”.',
      body_anonymous: 'The anonymous member wrote on the difficulty raised in “{{programme}}”.',
    },
    coordinationReply: {
      title: 'The coordination answered you',
      body: '{{coordinator}} answered your difficulty ({{category}}).',
    },
    step: {
      acknowledged: {
        title: 'Your difficulty was acknowledged',
        did: 'The coordination acknowledged your difficulty',
      },
      in_progress: {
        title: 'Your difficulty is being handled',
        did: 'The coordination is handling your difficulty',
      },
      closed: { title: 'Your difficulty was closed', did: 'The coordination closed your difficulty' },
    },
    stepBody: '{{did}} ({{category}}).',
    stepBody_closed: '{{did}} ({{category}}): read its closing note in Compagnon.',
    forwarded: {
      title: 'Your difficulty was forwarded',
      body: 'The coordination forwarded your difficulty ({{category}}) to {{organisation}}, without your name, to be followed there too.',
    },
    received: {
      title: 'Systemic difficulty forwarded: {{category}}',
      body: '{{from}} forwarded a systemic difficulty to you, without the name of who raised it. Follow it in Compagnon.',
    },
    themes: {
      title: 'Systemic difficulties raised (themes)',
      note: 'Systemic difficulties raised to the coordination, or forwarded by another organisation, by theme; under {{minimum}}, the number is not shown.',
      fewer: 'fewer than {{minimum}}',
    },
  },
});

/** A category's name ("Gardes", "Nights on call"); an unknown one as it is. */
export const categoryLabel = (c: string, lang: Lang) =>
  difficultyTexts(lang)(`category.${c}`, { defaultValue: c });

/** A state's name ("prise en compte", "acknowledged"); an unknown one as it is. */
export const stateLabel = (s: string, lang: Lang) => difficultyTexts(lang)(`state.${s}`, { defaultValue: s });

/** A notice about a difficulty, its category named in each language; an anonymous author is not named. */
const notice = (key: string, o: { category: string; author?: string | null } & Record<string, unknown>) =>
  inBoth(difficultyTexts, (t, lang) => {
    const values = {
      ...o,
      category: categoryLabel(o.category, lang),
      context: o.author === null ? 'anonymous' : undefined,
    };
    return { title: t(`${key}.title`, values), body: t(`${key}.body`, values) };
  });

/** To the coordination: a difficulty was raised (by someone named, or by an anonymous member). */
export const raisedNotice = (o: { category: string; programme: string; author: string | null }) =>
  notice('raised', o);

/** To the coordination: the author wrote on the thread. */
export const authorReplyNotice = (o: { category: string; programme: string; author: string | null }) =>
  notice('authorReply', o);

/** To the author: the coordination answered. */
export const coordinationReplyNotice = (o: { category: string; coordinator: string }) =>
  notice('coordinationReply', o);

/** To the author: their difficulty moved on (an unknown state is named as it is). */
export const stateNotice = (o: { category: string; to: string }) =>
  inBoth(difficultyTexts, (t, lang) => {
    const state = stateLabel(o.to, lang);
    return {
      title: t(`step.${o.to}.title`, { defaultValue: state }),
      body: t('stepBody', {
        did: t(`step.${o.to}.did`, { defaultValue: state }),
        category: categoryLabel(o.category, lang),
        context: o.to === 'closed' ? 'closed' : undefined,
      }),
    };
  });

/** To the author: the coordination forwarded it, without their name, to another organisation. */
export const forwardedNotice = (o: { category: string; organisation: string }) => notice('forwarded', o);

/** To the receiving organisation's coordination: a systemic difficulty arrived from another one. */
export const receivedNotice = (o: { category: string; from: string }) => notice('received', o);
