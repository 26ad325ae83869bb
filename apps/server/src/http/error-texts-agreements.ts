// The refusals of mentoring agreements (modules/agreements), merged into error-texts.ts.

export const agreementErrorTexts = {
  fr: {
    charter_off: 'Ce programme ne demande pas de charte signée.',
    charter_same_text: 'Ce texte est déjà celui de la version en vigueur : modifiez-le avant de publier.',
    charter_changed:
      'La charte a changé depuis que vous l’avez ouverte : relisez la nouvelle version avant de la signer.',
    charter_already_signed: 'Vous avez déjà signé cette version de la charte.',
    charter_incomplete:
      'La charte n’est pas encore signée par les trois parties : son PDF sera disponible ensuite.',
    charter_code_unknown:
      'Aucune charte signée ne correspond à ce code. Vérifiez-le : il est imprimé en bas de la charte.',
    charter_unsigned:
      'La charte du binôme {{tutor}} – {{tutee}} n’est pas encore signée : les rencontres s’organisent une fois signée par les trois parties.',
    pair_not_live: 'Ce binôme est terminé : plus rien ne s’y signe ni ne s’y change.',
    pair_term_none: 'Ce programme n’a pas de durée : ses binômes n’ont pas de date de fin.',
    end_before_start: 'La date de fin doit venir après le début du binôme, le {{start}}.',
    pair_help_named:
      'Une demande d’aide sur votre binôme ne peut pas être anonyme : la coordination doit savoir de quel binôme il s’agit.',
    pair_help_not_yours: 'Vous ne pouvez demander de l’aide que sur votre propre binôme, tant qu’il dure.',
  },
  en: {
    charter_off: 'This programme asks for no signed charter.',
    charter_same_text: 'This text is already the current version: change it before publishing.',
    charter_changed: 'The charter has changed since you opened it: read the new version before signing it.',
    charter_already_signed: 'You have already signed this version of the charter.',
    charter_incomplete: 'The three parties have not all signed the charter yet: its PDF comes afterwards.',
    charter_code_unknown:
      'No signed charter has this code. Check it: it is printed at the bottom of the charter.',
    charter_unsigned:
      'The charter of the pair {{tutor}} – {{tutee}} is not signed yet: meetings are organised once the three parties have signed it.',
    pair_not_live: 'This pair has ended: nothing more is signed or changed in it.',
    pair_term_none: 'This programme has no duration: its pairs have no end date.',
    end_before_start: 'The end date must come after the pair’s start, {{start}}.',
    pair_help_named:
      'A request for help about your pair cannot be anonymous: the coordination needs to know which pair it is about.',
    pair_help_not_yours: 'You may only ask for help about your own pair, while it lasts.',
  },
} as const;
