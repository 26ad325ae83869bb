import type { TFunction } from 'i18next';
import { dayWords } from '../../domain/days.ts';
import { bothNotice, type Lang, moduleTexts } from '../../notify/i18n.ts';

// The agreements' notices, PDF and page words, French first. A notice names the pair and the day,
// never a reason for an early end or a moved end day (the reason is in the pair's history).

const resources = {
  fr: {
    party: { mentor: 'Mentor', mentee: 'Mentoré·e', organisation: 'Organisation' },
    firstMeeting: {
      title: 'À vous d’organiser la première rencontre avec {{tutee}}',
      body: 'Vous accompagnez désormais {{tutee}} dans « {{programme}} ». C’est à vous de proposer la première rencontre : choisissez des créneaux dans Compagnon.{{charter}}',
      charter:
        ' Avant de vous rencontrer, vous signez tous les deux la charte du programme, puis la coordination.',
    },
    charterSigned: {
      title: 'La charte de votre binôme est signée',
      body: 'La charte de « {{programme}} » est signée par {{tutor}}, {{tutee}} et l’organisation. Vous pouvez en télécharger le PDF et organiser vos rencontres.',
    },
    resign: {
      title: 'Une nouvelle version de la charte à signer',
      body: 'La coordination de « {{programme}} » a publié la version {{version}} de la charte et demande à chaque binôme de la signer à nouveau.',
    },
    endNear: {
      title: 'Votre mentorat se termine le {{day}}',
      body: 'Le binôme {{tutor}} – {{tutee}} de « {{programme}} » arrive à son terme le {{day}}. C’est le moment de prévoir une dernière rencontre et de faire le point ensemble.',
    },
    endMoved: {
      title: 'La date de fin de votre binôme a changé',
      body: 'La coordination de « {{programme}} » a fixé la fin du binôme {{tutor}} – {{tutee}} au {{day}} (auparavant le {{before}}).',
    },
    endedEarly: {
      title: 'Le binôme {{tutor}} – {{tutee}} s’arrête',
      body: '{{who}} a mis fin au binôme {{tutor}} – {{tutee}} de « {{programme}} » avant son terme. Les rencontres à venir seront annulées.',
    },
    pdf: {
      title: 'Charte signée',
      programme: 'Programme',
      organisation: 'Organisation',
      pair: 'Binôme',
      version: 'Version {{version}} du {{date}}',
      hash: 'Empreinte SHA-256 du texte : {{hash}}',
      signatures: 'Signatures',
      signed: '{{party}} : {{name}}, signé le {{date}}',
      code: 'Code de vérification : {{code}}',
      verify: 'Toute personne qui détient ce document peut vérifier sa signature sur {{url}} avec ce code.',
      generated: 'Document produit le {{date}} (fuseau {{zone}}).',
    },
  },
  en: {
    party: { mentor: 'Mentor', mentee: 'Mentee', organisation: 'Organisation' },
    firstMeeting: {
      title: 'Over to you: organise the first meeting with {{tutee}}',
      body: 'You now accompany {{tutee}} in “{{programme}}”. It is up to you to propose the first meeting: pick a few slots in Compagnon.{{charter}}',
      charter: ' Before you meet, you both sign the programme’s charter, then the coordination does.',
    },
    charterSigned: {
      title: 'Your pair’s charter is signed',
      body: 'The charter of “{{programme}}” is signed by {{tutor}}, {{tutee}} and the organisation. You can download its PDF and organise your meetings.',
    },
    resign: {
      title: 'A new version of the charter to sign',
      body: 'The coordination of “{{programme}}” published version {{version}} of the charter and asks every pair to sign it again.',
    },
    endNear: {
      title: 'Your mentoring ends on {{day}}',
      body: 'The pair {{tutor}} – {{tutee}} of “{{programme}}” reaches its end on {{day}}. Time to plan a last meeting and take stock together.',
    },
    endMoved: {
      title: 'Your pair’s end date has changed',
      body: 'The coordination of “{{programme}}” set the end of the pair {{tutor}} – {{tutee}} to {{day}} (it was {{before}}).',
    },
    endedEarly: {
      title: 'The pair {{tutor}} – {{tutee}} stops',
      body: '{{who}} ended the pair {{tutor}} – {{tutee}} of “{{programme}}” before its end date. The meetings to come will be cancelled.',
    },
    pdf: {
      title: 'Signed charter',
      programme: 'Programme',
      organisation: 'Organisation',
      pair: 'Pair',
      version: 'Version {{version}} of {{date}}',
      hash: 'SHA-256 fingerprint of the text: {{hash}}',
      signatures: 'Signatures',
      signed: '{{party}}: {{name}}, signed on {{date}}',
      code: 'Verification code: {{code}}',
      verify: 'Anyone holding this document can check its signatures at {{url}} with this code.',
      generated: 'Document produced on {{date}} ({{zone}} time).',
    },
  },
};

export const agreementTexts = moduleTexts('agreements', resources);

/** A notice of this module in both languages; `day`-like values given as YYYY-MM-DD are put in words. */
export function agreementNotice(key: string, values: Record<string, string> = {}) {
  const fr = bothNotice(agreementTexts, key, wordDays(values, 'fr')).fr;
  const en = bothNotice(agreementTexts, key, wordDays(values, 'en')).en;
  return { fr, en };
}

function wordDays(values: Record<string, string>, lang: Lang) {
  const out: Record<string, string> = { ...values };
  for (const k of ['day', 'before'] as const) if (values[k]) out[k] = dayWords(values[k], lang);
  return out;
}

/** The first-meeting prompt, with the charter sentence when the programme asks for one. */
export function firstMeetingNotice(values: { tutee: string; programme: string }, charter: boolean) {
  const render = (t: TFunction) => ({
    title: t('firstMeeting.title', values),
    body: t('firstMeeting.body', { ...values, charter: charter ? t('firstMeeting.charter') : '' }),
  });
  return { fr: render(agreementTexts('fr')), en: render(agreementTexts('en')) };
}
