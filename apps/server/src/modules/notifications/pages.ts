import { moduleTexts } from '../../notify/i18n.ts';

// The pages the unsubscribe link of an e-mail opens, outside the web app, in the person's language.

const texts = moduleTexts('notifications', {
  fr: {
    unknown: { title: 'Lien inconnu', body: 'Ce lien de désinscription n’est pas valable.' },
    confirm: {
      title: 'Ne plus recevoir d’e-mails de Compagnon',
      body: 'Vous continuerez à voir vos notifications dans Compagnon.',
      button: 'Confirmer',
    },
    done: {
      title: 'C’est fait',
      body: 'Vous ne recevrez plus d’e-mails de Compagnon. Vous pouvez changer d’avis dans vos préférences de notification.',
    },
  },
  en: {
    unknown: { title: 'Unknown link', body: 'This unsubscribe link is not valid.' },
    confirm: {
      title: 'Stop e-mails from Compagnon',
      body: 'You will still see your notifications in Compagnon.',
      button: 'Confirm',
    },
    done: {
      title: 'Done',
      body: 'You will not receive e-mails from Compagnon any more. You can change your mind in your notification preferences.',
    },
  },
});

const page = (lang: 'fr' | 'en', body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Compagnon</title></head><body style="font-family:system-ui,sans-serif;max-width:520px;margin:48px auto;padding:0 16px;color:#1f2d2a;line-height:1.5">${body}</body></html>`;

/** The texts' own heading and paragraph (they hold no markup and no value from outside). */
const said = (lang: 'fr' | 'en', key: string) => {
  const t = texts(lang);
  return `<h1>${t(`${key}.title`)}</h1><p>${t(`${key}.body`)}</p>`;
};

/** The confirmation page: a button to confirm, or why the link does not work. */
export const confirmationPage = (lang: 'fr' | 'en', known: boolean) =>
  page(
    lang,
    known
      ? `${said(lang, 'confirm')}<form method="post"><button type="submit" style="padding:10px 16px">${texts(lang)('confirm.button')}</button></form>`
      : said(lang, 'unknown'),
  );

/** After the one-click POST or the button: e-mails are off. */
export const unsubscribedPage = (lang: 'fr' | 'en') => page(lang, said(lang, 'done'));

/** A POST with a token nobody holds. */
export const unknownLinkPage = () => page('fr', `<h1>${texts('fr')('unknown.title')}</h1>`);
