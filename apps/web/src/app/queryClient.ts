import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';
import { meKey, setMe } from './session';

// A 401 anywhere means the session ended (expired, or signed out on another device): forgetting
// the person sends every signed-in page back to the sign-in page, which then returns here.
// A 403 password_change_required means an administrator just gave this account a temporary
// password: reading the session again sends the person to the page where they choose their own.
function onError(error: unknown) {
  if (!(error instanceof ApiError)) return;
  if (error.status === 401) setMe(queryClient, null);
  else if (error.code === 'password_change_required') void queryClient.invalidateQueries({ queryKey: meKey });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; network hiccups might.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
