import i18next, { type TFunction } from 'i18next';
import { addElisionFormats } from '../domain/elision.ts';
import { errorTexts } from '../http/error-texts.ts';
import { errorWordings, recordNames } from '../http/error-wordings.ts';
import { roleWord } from '../modules/programmes/words.ts';

/** One language's words of a table of both: { meeting: { fr, en } } → { meeting: fr }. */
const wordsIn = (lang: 'fr' | 'en', table: Record<string, Record<'fr' | 'en', string>>) =>
  Object.fromEntries(Object.entries(table).map(([key, words]) => [key, words[lang]]));

// Server-side texts: French first, English second, in one i18next instance. These are the shared
// ones (e-mails' frame, sign-in and invitation mails, roles, errors); each module adds its own
// bundle beside it with moduleTexts() (modules/*/texts.ts).
const resources = {
  fr: {
    translation: {
      // "Label : value" in a text, a document or a spreadsheet: French puts a space before the colon.
      line: '{{label}} : {{value}}',
      mail: {
        hello: 'Bonjour {{name}},',
        open: 'Ouvrir dans Compagnon',
        footer: 'Compagnon — tutorat et mentorat des professionnels de santé',
        why: 'Vous recevez ce message parce que vous participez à un programme de tutorat sur Compagnon.',
        prefs: 'Choisir quels messages recevoir, et comment',
        unsubscribe: 'Ne plus recevoir d’e-mails',
        digest: {
          subject_one: 'Votre résumé de la semaine sur Compagnon ({{count}} nouvelle)',
          subject_other: 'Votre résumé de la semaine sur Compagnon ({{count}} nouvelles)',
          intro: 'Voici ce qui s’est passé cette semaine dans vos programmes :',
          kinds: { alert: 'Suivi des binômes', reminder: 'Rappels', message: 'Messages' },
        },
        magic: {
          subject: 'Votre lien de connexion à Compagnon',
          body: 'Bonjour {{name}},\n\nPour vous connecter à Compagnon, ouvrez ce lien (valable {{minutes}} minutes, une seule fois) :\n{{link}}\n\nSi vous n’avez rien demandé, ignorez ce message.',
        },
        reset: {
          subject: 'Réinitialiser votre mot de passe Compagnon',
          body: 'Bonjour {{name}},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable {{minutes}} minutes, une seule fois) :\n{{link}}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
        },
        invite: {
          subject: '{{inviter}} vous invite dans « {{programme}} » sur Compagnon',
          body: 'Bonjour {{name}},\n\n{{inviter}} vous invite à rejoindre le programme « {{programme}} » ({{organisation}}) en tant {{role, que}}.\n\nPour accepter et créer votre accès, ouvrez ce lien (valable {{days}} jours) :\n{{link}}',
        },
        join: {
          subject: '{{inviter}} vous invite dans « {{programme}} » sur Compagnon',
          body: 'Bonjour {{name}},\n\n{{inviter}} vous invite à rejoindre le programme « {{programme}} » ({{organisation}}) en tant {{role, que}}.\n\nRien ne change pour vous tant que vous n’avez pas répondu : {{organisation}} ne voit pas votre profil avant votre accord. Pour accepter ou refuser (d’ici {{days}} jours), connectez-vous à Compagnon et ouvrez vos invitations :\n{{link}}',
          noticeTitle: 'Invitation dans « {{programme}} »',
          noticeBody:
            '{{inviter}} vous invite à rejoindre « {{programme}} » ({{organisation}}) en tant {{role, que}}. Acceptez ou refusez depuis vos invitations.',
          acceptedTitle: '{{name}} a rejoint « {{programme}} »',
          acceptedBody: '{{name}} a accepté votre invitation en tant {{role, que}}.',
          declinedTitle: '{{name}} a décliné l’invitation dans « {{programme}} »',
          declinedBody: '{{name}} ne rejoint pas le programme en tant {{role, que}}.',
        },
      },
      role: { coordinator: 'coordinateur·rice', tutor: 'tuteur·rice', tutee: 'tutoré·e', expert: 'expert·e' },
      errors: { ...errorTexts.fr, ...errorWordings.fr },
      records: wordsIn('fr', recordNames),
    },
  },
  en: {
    translation: {
      line: '{{label}}: {{value}}',
      mail: {
        hello: 'Hello {{name}},',
        open: 'Open in Compagnon',
        footer: 'Compagnon — tutoring and mentoring for health professionals',
        why: 'You receive this message because you take part in a tutoring programme on Compagnon.',
        prefs: 'Choose which messages you receive, and how',
        unsubscribe: 'Stop receiving e-mails',
        digest: {
          subject_one: 'Your weekly summary on Compagnon ({{count}} new)',
          subject_other: 'Your weekly summary on Compagnon ({{count}} new)',
          intro: 'Here is what happened this week in your programmes:',
          kinds: { alert: 'Follow-up of pairs', reminder: 'Reminders', message: 'Messages' },
        },
        magic: {
          subject: 'Your Compagnon sign-in link',
          body: 'Hello {{name}},\n\nTo sign in to Compagnon, open this link (valid {{minutes}} minutes, once):\n{{link}}\n\nIf you did not ask for it, ignore this message.',
        },
        reset: {
          subject: 'Reset your Compagnon password',
          body: 'Hello {{name}},\n\nTo choose a new password, open this link (valid {{minutes}} minutes, once):\n{{link}}\n\nIf you did not ask for it, ignore this message: your password stays the same.',
        },
        invite: {
          subject: '{{inviter}} invites you to “{{programme}}” on Compagnon',
          body: 'Hello {{name}},\n\n{{inviter}} invites you to join the programme “{{programme}}” ({{organisation}}) as {{role}}.\n\nTo accept and set up your access, open this link (valid {{days}} days):\n{{link}}',
        },
        join: {
          subject: '{{inviter}} invites you to “{{programme}}” on Compagnon',
          body: 'Hello {{name}},\n\n{{inviter}} invites you to join the programme “{{programme}}” ({{organisation}}) as {{role}}.\n\nNothing changes for you until you answer: {{organisation}} does not see your profile before you agree. To accept or decline (within {{days}} days), sign in to Compagnon and open your invitations:\n{{link}}',
          noticeTitle: 'Invitation to “{{programme}}”',
          noticeBody:
            '{{inviter}} invites you to join “{{programme}}” ({{organisation}}) as {{role}}. Accept or decline from your invitations.',
          acceptedTitle: '{{name}} joined “{{programme}}”',
          acceptedBody: '{{name}} accepted your invitation as {{role}}.',
          declinedTitle: '{{name}} declined the invitation to “{{programme}}”',
          declinedBody: '{{name}} does not join the programme as {{role}}.',
        },
      },
      role: { coordinator: 'coordinator', tutor: 'tutor', tutee: 'tutee', expert: 'expert' },
      errors: { ...errorTexts.en, ...errorWordings.en },
      records: wordsIn('en', recordNames),
    },
  },
};

/**
 * French names a million of something with its own plural form ("un million de"): i18next would
 * look for `_many` and find nothing, so every French `_other` text stands for it too.
 */
function withFrenchMany<T extends object>(texts: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(texts)) {
    out[key] = value && typeof value === 'object' && !Array.isArray(value) ? withFrenchMany(value) : value;
    const many = key.replace(/_other$/, '_many');
    if (many !== key && !(many in texts)) out[many] = value;
  }
  return out as T;
}

const instance = i18next.createInstance();
await instance.init({
  resources: { fr: { translation: withFrenchMany(resources.fr.translation) }, en: resources.en },
  lng: 'fr',
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
});
// "{{role, que}}": "en tant qu’interne", "en tant que tuteur·rice".
addElisionFormats(instance);

export function translator(locale: string | null | undefined): TFunction {
  return instance.getFixedT(locale?.startsWith('en') ? 'en' : 'fr');
}

/**
 * A module's own texts in the same instance (plurals, "{{x, de}}" elisions), under its namespace:
 * the returned function gives the module's translator in a person's language.
 */
export function moduleTexts(namespace: string, texts: Record<Lang, object>) {
  instance.addResourceBundle('fr', namespace, withFrenchMany(texts.fr));
  instance.addResourceBundle('en', namespace, texts.en);
  return (locale: string | null | undefined): TFunction =>
    instance.getFixedT(locale?.startsWith('en') ? 'en' : 'fr', namespace);
}

export type Lang = 'fr' | 'en';

/** A text in both languages (a notice is stored in French and English), from a module's translator. */
export function inBoth<T>(
  texts: (locale: Lang) => TFunction,
  render: (t: TFunction, lang: Lang) => T,
): Record<Lang, T> {
  return { fr: render(texts('fr'), 'fr'), en: render(texts('en'), 'en') };
}

/** A notice in both languages: the module's texts `<key>.title` and `<key>.body`, filled from `values`. */
export function bothNotice(
  texts: (locale: Lang) => TFunction,
  key: string,
  values: Record<string, unknown> = {},
): Record<Lang, { title: string; body: string }> {
  return inBoth(texts, (t) => ({ title: t(`${key}.title`, values), body: t(`${key}.body`, values) }));
}

/**
 * A role as a programme names it in a sentence: "mentor·e", "adhérent·e", "interne" for the roles
 * a template names, "coordinateur·rice" and "expert·e" in every programme.
 */
export function roleName(
  locale: string | null | undefined,
  role: string,
  template: string | null | undefined,
) {
  if (role === 'tutor' || role === 'tutee') return roleWord(template, locale, role);
  return translator(locale)(`role.${role}`);
}
