import { capital, programmeWords } from '@compagnon/server/modules/programmes/words.ts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router-dom';
import type { ProgrammeContext } from './context';

/** A programme's role words, lower case and capitalised: {{tutor}}, {{Tutees}}… in every text. */
export interface RoleWords {
  tutor: string;
  tutors: string;
  tutee: string;
  tutees: string;
  Tutor: string;
  Tutors: string;
  Tutee: string;
  Tutees: string;
}

/** The words of a programme of this template in this language (the generic words without one). */
export function roleWordsFor(template: string | null | undefined, language: string): RoleWords {
  const w = programmeWords(template, language);
  return {
    ...w,
    Tutor: capital(w.tutor),
    Tutors: capital(w.tutors),
    Tutee: capital(w.tutee),
    Tutees: capital(w.tutees),
  };
}

type Options = Record<string, unknown>;

/** A `t` that takes a key and its values: i18next's, or the programme's with its role words. */
export type Translate = (key: string, options?: Options) => string;

/**
 * `t` with the programme's role words given to every text: "Choix des {{tutees}}" reads
 * "Choix des internes" in a faculty, "Choix des mentoré·es" in a CPTS. The programme is the one of
 * the page (its outlet context) unless a template is given.
 */
export function useProgrammeTranslation(template?: string | null) {
  const { t, i18n } = useTranslation();
  const context = useOutletContext<ProgrammeContext | undefined>();
  const tpl = template ?? context?.programme?.template;
  const words = useMemo(() => roleWordsFor(tpl, i18n.language), [tpl, i18n.language]);
  const pt = useCallback(
    (key: string | string[], options?: Options): string => t(key, { ...words, ...options }) as string,
    [t, words],
  );
  return { t: pt, words, i18n };
}
