import type { TemplateId } from './templates.ts';

/**
 * The words a programme uses for its roles in every text it sends or shows: an association's
 * "élu·e référent·e" and "adhérent·e", a CPTS's "mentor·e" and "mentoré·e", a faculty's
 * "tuteur·rice" and "interne". Lower case; `capital` gives the start of a sentence.
 */
export interface ProgrammeWords {
  tutor: string;
  tutors: string;
  tutee: string;
  tutees: string;
}

export type WordsLang = 'fr' | 'en';

const generic: Record<WordsLang, ProgrammeWords> = {
  fr: { tutor: 'tuteur·rice', tutors: 'tuteur·rices', tutee: 'tutoré·e', tutees: 'tutoré·es' },
  en: { tutor: 'tutor', tutors: 'tutors', tutee: 'tutee', tutees: 'tutees' },
};

const byTemplate: Record<TemplateId, Record<WordsLang, ProgrammeWords>> = {
  'des-tutoring': {
    fr: { ...generic.fr, tutee: 'interne', tutees: 'internes' },
    en: { ...generic.en, tutee: 'resident', tutees: 'residents' },
  },
  'peer-tutoring': {
    fr: { tutor: 'tuteur·rice pair', tutors: 'tuteur·rices pairs', tutee: 'interne', tutees: 'internes' },
    en: { tutor: 'peer tutor', tutors: 'peer tutors', tutee: 'resident', tutees: 'residents' },
  },
  'member-tutoring': {
    fr: {
      tutor: 'élu·e référent·e',
      tutors: 'élu·es référent·es',
      tutee: 'adhérent·e',
      tutees: 'adhérent·es',
    },
    en: { tutor: 'elected referent', tutors: 'elected referents', tutee: 'member', tutees: 'members' },
  },
  'installation-mentoring': {
    fr: { tutor: 'mentor·e', tutors: 'mentor·es', tutee: 'mentoré·e', tutees: 'mentoré·es' },
    en: { tutor: 'mentor', tutors: 'mentors', tutee: 'mentee', tutees: 'mentees' },
  },
  'tutor-peer-support': generic,
};

export const wordsLang = (locale: string | null | undefined): WordsLang =>
  locale?.startsWith('en') ? 'en' : 'fr';

/** The role words of a programme of this template (the generic words for an unknown one). */
export function programmeWords(template: string | null | undefined, locale: string | null | undefined) {
  const lang = wordsLang(locale);
  return byTemplate[template as TemplateId]?.[lang] ?? generic[lang];
}

/** The word for one role, singular or plural, as `programmeWords` gives it. */
export function roleWord(
  template: string | null | undefined,
  locale: string | null | undefined,
  role: 'tutor' | 'tutee',
  plural = false,
): string {
  const w = programmeWords(template, locale);
  if (role === 'tutor') return plural ? w.tutors : w.tutor;
  return plural ? w.tutees : w.tutee;
}

/** "mentor·e" → "Mentor·e": the word at the start of a sentence or as a label. */
export const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
