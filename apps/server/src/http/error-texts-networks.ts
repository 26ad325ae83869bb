// The refusals of networks (modules/networks), part of the catalogue of error-texts.ts.

export const networkErrorTexts = {
  fr: {
    network_wrong_code:
      'Ce code ne correspond à aucun réseau. Vérifiez-le auprès de la coordination qui vous l’a donné : un nouveau code remplace l’ancien.',
    network_already_member: 'L’équipe « {{team}} » fait déjà partie de ce réseau.',
    network_archived: 'Ce réseau est archivé : il se lit encore mais ne change plus.',
    network_not_member: 'Les sessions du réseau sont ouvertes aux membres de ses équipes.',
    network_message_gone: 'Ce message a déjà été retiré.',
  },
  en: {
    network_wrong_code:
      'This code matches no network. Check it with the coordination that gave it to you: a new code replaces the old one.',
    network_already_member: 'The team “{{team}}” is already in this network.',
    network_archived: 'This network is archived: it can still be read but no longer changes.',
    network_not_member: 'The network’s sessions are open to the members of its teams.',
    network_message_gone: 'This message was already removed.',
  },
} as const;
