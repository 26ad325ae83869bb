import { DateTime } from 'luxon';
import { moduleTexts } from '../../notify/i18n.ts';

// The words of the portfolio's documents, French first: the end-of-phase synthesis (its draft
// drawn from the records, and its PDF), a trace's PDF and the index of the resident's ZIP export.

const resources = {
  fr: {
    level: { novice: 'novice', intermediate: 'intermédiaire', competent: 'compétent' },
    state: {
      planned: 'prévue',
      draft: 'brouillon',
      submitted: 'envoyée',
      revision: 'en reprise',
      validated: 'validée',
    },
    draft: {
      title: 'Synthèse de fin de phase — {{phase}}',
      people: '**Interne :** {{resident}} · **Tuteur·rice :** {{tutor}} · **Programme :** {{programme}}',
      traces: 'Traces validées',
      quota: '{{type}} : {{validated}} sur {{expected}}',
      validated_one: '{{count}} validée',
      validated_other: '{{count}} validées',
      expected_one: '{{count}} attendue',
      expected_other: '{{count}} attendues',
      titles: 'Titres des traces validées',
      noTrace: 'Aucune trace validée dans cette phase pour l’instant.',
      titleLine: '{{title}} ({{type}}, {{period}})',
      competencies: 'Compétences',
      rated:
        '{{competency}} : dernier niveau noté {{level}} (le {{date}}) ; attendu en fin de phase : {{expected}}',
      unrated: '{{competency}} : pas encore évaluée ; attendu en fin de phase : {{expected}}',
      reached: ' — atteint',
      plan: 'Plan et remarques',
      nobody: 'non désigné·e',
    },
    pdf: {
      title: 'Synthèse de fin de phase',
      resident: 'Interne',
      tutor: 'Tuteur·rice',
      programme: 'Programme',
      phase: 'Phase',
      version: 'Version {{version}}',
      unsaved: 'Brouillon tiré du portfolio, pas encore enregistré par le·la tuteur·rice',
      hash: 'Empreinte SHA-256 du texte : {{hash}}',
      signatures: 'Signatures',
      signed: '{{role}} : {{name}}, signé le {{date}} (version {{version}})',
      notSigned: '{{role}} : pas encore signé',
      generated: 'Document établi le {{date}} ; dates et heures dans le fuseau {{zone}}.',
    },
    trace: {
      type: 'Type',
      period: 'Semestre',
      phase: 'Phase',
      state: 'État',
      due: 'Échéance',
      family: 'Famille de situations',
      version: 'Version {{number}}, envoyée le {{date}}',
      draftVersion: 'Brouillon en cours (pas encore envoyé)',
      attachments: 'Pièces jointes : {{names}}',
      thread: 'Fil de la trace',
      noMessage: 'Aucun échange.',
      kind: {
        comment: 'commentaire',
        revision: 'reprise demandée',
        validation: 'validation',
        submission: 'envoi',
      },
      message: '{{author}}, le {{date}} ({{kind}}, version {{version}})',
      quote: 'À propos du passage : « {{quote}} »',
      erased: 'Personne supprimée',
      empty: '(texte vide)',
    },
    index: {
      number: 'N°',
      title: 'Titre',
      type: 'Type',
      phase: 'Phase',
      period: 'Semestre',
      state: 'État',
      due: 'Échéance',
      submitted: 'Envoyée le',
      validated: 'Validée le',
      versions: 'Versions envoyées',
      folder: 'Dossier',
    },
  },
  en: {
    level: { novice: 'novice', intermediate: 'intermediate', competent: 'competent' },
    state: {
      planned: 'planned',
      draft: 'draft',
      submitted: 'sent',
      revision: 'in revision',
      validated: 'validated',
    },
    draft: {
      title: 'End-of-phase synthesis — {{phase}}',
      people: '**Resident:** {{resident}} · **Tutor:** {{tutor}} · **Programme:** {{programme}}',
      traces: 'Validated traces',
      quota: '{{type}}: {{validated}} out of {{expected}}',
      validated_one: '{{count}} validated',
      validated_other: '{{count}} validated',
      expected_one: '{{count}} expected',
      expected_other: '{{count}} expected',
      titles: 'Titles of the validated traces',
      noTrace: 'No validated trace in this phase yet.',
      titleLine: '{{title}} ({{type}}, {{period}})',
      competencies: 'Competencies',
      rated:
        '{{competency}}: latest level recorded {{level}} (on {{date}}); expected at the end of the phase: {{expected}}',
      unrated: '{{competency}}: not assessed yet; expected at the end of the phase: {{expected}}',
      reached: ' — reached',
      plan: 'Plan and remarks',
      nobody: 'none yet',
    },
    pdf: {
      title: 'End-of-phase synthesis',
      resident: 'Resident',
      tutor: 'Tutor',
      programme: 'Programme',
      phase: 'Phase',
      version: 'Version {{version}}',
      unsaved: 'Draft drawn from the portfolio, not saved by the tutor yet',
      hash: 'SHA-256 fingerprint of the text: {{hash}}',
      signatures: 'Signatures',
      signed: '{{role}}: {{name}}, signed on {{date}} (version {{version}})',
      notSigned: '{{role}}: not signed yet',
      generated: 'Document made on {{date}}; dates and times in the {{zone}} time zone.',
    },
    trace: {
      type: 'Type',
      period: 'Semester',
      phase: 'Phase',
      state: 'State',
      due: 'Due on',
      family: 'Family of situations',
      version: 'Version {{number}}, sent on {{date}}',
      draftVersion: 'Draft in progress (not sent yet)',
      attachments: 'Attachments: {{names}}',
      thread: 'The trace’s thread',
      noMessage: 'No exchange.',
      kind: {
        comment: 'comment',
        revision: 'revision asked',
        validation: 'validation',
        submission: 'sent',
      },
      message: '{{author}}, on {{date}} ({{kind}}, version {{version}})',
      quote: 'About the passage: “{{quote}}”',
      erased: 'Deleted person',
      empty: '(empty text)',
    },
    index: {
      number: 'No.',
      title: 'Title',
      type: 'Type',
      phase: 'Phase',
      period: 'Semester',
      state: 'State',
      due: 'Due on',
      submitted: 'Sent on',
      validated: 'Validated on',
      versions: 'Versions sent',
      folder: 'Folder',
    },
  },
};

export const documentTexts = moduleTexts('portfolioDocuments', resources);

export type DocLang = 'fr' | 'en';
export const langOf = (locale: string | null | undefined): DocLang =>
  locale?.startsWith('en') ? 'en' : 'fr';

/** An instant as a date and time in the organisation's zone, in words: "3 déc. 2026, 14:05". */
export const instantWords = (iso: string, zone: string, lang: DocLang) =>
  DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale(lang).toLocaleString(DateTime.DATETIME_MED);

/** An instant as a calendar day in the organisation's zone, in words: "3 décembre 2026". */
export const dayOfInstant = (iso: string, zone: string, lang: DocLang) =>
  DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale(lang).toFormat('d MMMM yyyy');
