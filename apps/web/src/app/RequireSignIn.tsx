import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useAccountLanguage, useMe } from './session';
import { ErrorAlert, Loading } from './ui';

/** Pages below need a signed-in person; anyone else goes to the sign-in page and comes back after. */
export function RequireSignIn() {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  useAccountLanguage(me);

  if (isPending) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (!me) {
    const next = location.pathname + location.search;
    return (
      <Navigate to={next === '/' ? '/connexion' : `/connexion?suite=${encodeURIComponent(next)}`} replace />
    );
  }
  return <Outlet />;
}

/** Where to go after signing in: only a path inside the app, never another site. */
export function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}
