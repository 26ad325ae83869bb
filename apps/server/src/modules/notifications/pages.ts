// The pages the unsubscribe link of an e-mail opens, outside the web app, in the person's language.

const page = (lang: 'fr' | 'en', body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Compagnon</title></head><body style="font-family:system-ui,sans-serif;max-width:520px;margin:48px auto;padding:0 16px;color:#1f2d2a;line-height:1.5">${body}</body></html>`;

/** The confirmation page: a button to confirm, or why the link does not work. */
export const confirmationPage = (lang: 'fr' | 'en', known: boolean) =>
  page(lang, confirmationBody(lang, known));

/** After the one-click POST or the button: e-mails are off. */
export const unsubscribedPage = (lang: 'fr' | 'en') =>
  page(
    lang,
    lang === 'fr'
      ? '<h1>C’est fait</h1><p>Vous ne recevrez plus d’e-mails de Compagnon. Vous pouvez changer d’avis dans vos préférences de notification.</p>'
      : '<h1>Done</h1><p>You will not receive e-mails from Compagnon any more. You can change your mind in your notification preferences.</p>',
  );

/** A POST with a token nobody holds. */
export const unknownLinkPage = () => page('fr', '<h1>Lien inconnu</h1>');

/** The confirmation page's content: a button to confirm, or why the link does not work. */
function confirmationBody(lang: 'fr' | 'en', known: boolean): string {
  if (!known)
    return lang === 'fr'
      ? '<h1>Lien inconnu</h1><p>Ce lien de désinscription n’est pas valable.</p>'
      : '<h1>Unknown link</h1><p>This unsubscribe link is not valid.</p>';
  return `<h1>${lang === 'fr' ? 'Ne plus recevoir d’e-mails de Compagnon' : 'Stop e-mails from Compagnon'}</h1><p>${
    lang === 'fr'
      ? 'Vous continuerez à voir vos notifications dans Compagnon.'
      : 'You will still see your notifications in Compagnon.'
  }</p><form method="post"><button type="submit" style="padding:10px 16px">${
    lang === 'fr' ? 'Confirmer' : 'Confirm'
  }</button></form>`;
}
