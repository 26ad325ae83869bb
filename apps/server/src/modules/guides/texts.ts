import { bothNotice, moduleTexts } from '../../notify/i18n.ts';

// The server's words for the guides library: the notices of a tutor's suggestion. A notice names
// the guide, never the suggestion's text, read in Compagnon.

const texts = moduleTexts('guides', {
  fr: {
    suggested: {
      title: 'Suggestion pour les guides : « {{title}} »',
      body: '{{author}} propose {{what}} pour la bibliothèque de guides : acceptez ou déclinez sa suggestion dans Compagnon.',
      newGuide: 'un nouveau guide',
      change: 'une modification',
    },
    accepted: {
      title: 'Votre suggestion est acceptée : « {{title}} »',
      body: 'La coordination a accepté votre suggestion : le guide « {{title}} » est dans la bibliothèque. Merci !',
    },
    declined: {
      title: 'Votre suggestion n’est pas retenue : « {{title}} »',
      body: 'La coordination n’a pas retenu votre suggestion pour « {{title}} ». Son mot : {{note}}',
    },
  },
  en: {
    suggested: {
      title: 'Guide suggestion: “{{title}}”',
      body: '{{author}} suggests {{what}} for the guides library: accept or decline the suggestion in Compagnon.',
      newGuide: 'a new guide',
      change: 'a change',
    },
    accepted: {
      title: 'Your suggestion was accepted: “{{title}}”',
      body: 'The coordination accepted your suggestion: the guide “{{title}}” is in the library. Thank you!',
    },
    declined: {
      title: 'Your suggestion was not taken up: “{{title}}”',
      body: 'The coordination did not take up your suggestion for “{{title}}”. Their note: {{note}}',
    },
  },
});

/** To the organisation's coordinators: a tutor suggested a guide or a change. */
export function suggestedNotice(o: { author: string; title: string; change: boolean }) {
  const key = o.change ? 'suggested.change' : 'suggested.newGuide';
  return {
    fr: bothNotice(texts, 'suggested', { ...o, what: texts('fr')(key) }).fr,
    en: bothNotice(texts, 'suggested', { ...o, what: texts('en')(key) }).en,
  };
}

/** To the suggester: the coordination's decision. */
export const decidedNotice = (kind: 'accepted' | 'declined', o: { title: string; note?: string }) =>
  bothNotice(texts, kind, o);
