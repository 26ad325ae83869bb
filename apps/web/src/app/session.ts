import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { ApiError, api } from './api';
import i18n, { chooseLanguage, isLanguage, type Language } from './i18n';
import type { Me } from './types';

export const meKey = ['me'] as const;

/** The signed-in person, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api.get<Me>('/api/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
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
      const me = qc.getQueryData<Me | null>(meKey);
      if (me && me.locale !== lang) {
        try {
          const fresh = await api.patch<Me>('/api/me', { locale: lang });
          qc.setQueryData(meKey, fresh);
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
