import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { api } from './api';
import i18n, { chooseLanguage, isLanguage, type Language } from './i18n';
import type { Me, Session } from './types';

/** The session: who is signed in (or nobody) and whether the demo organisations are present. */
export const meKey = ['session'] as const;

const sessionQuery = {
  queryKey: meKey,
  // Public and always answered: an anonymous visit asks nothing that fails.
  queryFn: () => api.get<Session>('/api/session'),
  staleTime: 60_000,
};

/** The signed-in person, or null when nobody is signed in. */
export function useMe() {
  return useQuery({ ...sessionQuery, select: (s: Session) => s.user });
}

/** What the server says about this visit beyond the person: is the demo on. */
export function useSessionInfo() {
  return useQuery({ ...sessionQuery, select: (s: Session) => ({ demo: s.demo }) });
}

/** Replaces the signed-in person (after sign-in, an account change, or a 401: null). */
export function setMe(qc: QueryClient, me: Me | null) {
  if (qc.getQueryData<Session>(meKey)) qc.setQueryData<Session>(meKey, (s) => s && { ...s, user: me });
  else void qc.invalidateQueries({ queryKey: meKey });
}

/** The signed-in person; only for pages under the signed-in layout, which waits for it. */
export function useSignedIn(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedIn used outside the signed-in layout');
  return data;
}

/** Signs out, then reloads on the sign-in page so nothing of the session stays in memory. */
export function useSignOut(everywhere = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(everywhere ? '/api/auth/sign-out-everywhere' : '/api/auth/sign-out'),
    onSuccess: () => {
      qc.clear();
      window.location.replace('/connexion');
    },
  });
}

/** Changes the interface language, and remembers it on the account when someone is signed in. */
export function useChangeLanguage() {
  const qc = useQueryClient();
  return useCallback(
    async (lang: Language) => {
      await chooseLanguage(lang);
      const me = qc.getQueryData<Session>(meKey)?.user;
      if (me && me.locale !== lang) {
        try {
          setMe(qc, await api.patch<Me>('/api/me', { locale: lang }));
        } catch {
          // The interface already switched; the account keeps its old choice until the next try.
        }
      }
    },
    [qc],
  );
}

export const accountLanguage = (me: Me | null | undefined): Language | null =>
  me && isLanguage(me.locale) ? me.locale : null;

/** Once someone is signed in, the language saved on their account is the interface's. */
export function useAccountLanguage(me: Me | null | undefined) {
  const lang = accountLanguage(me);
  // Only when the account's language changes: a switch in progress (saved once the server answers)
  // must not be undone in between.
  useEffect(() => {
    if (lang && lang !== i18n.language) void chooseLanguage(lang);
  }, [lang]);
}
