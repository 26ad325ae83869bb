import { isReturnPath } from '@compagnon/server/modules/auth/schema.ts';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useAccountLanguage, useMe } from './session';
import { ErrorAlert, Loading } from './ui';

/** Where a person signed in with a temporary password chooses their own before anything else. */
export const CHOOSE_PASSWORD_PATH = '/choisir-mot-de-passe';

/** `path?suite=next`, or just `path` when the next page is the home page. */
export const withNext = (path: string, next: string) =>
  next === '/' ? path : `${path}?suite=${encodeURIComponent(next)}`;

/** Pages below need a signed-in person; anyone else goes to the sign-in page and comes back after. */
export function RequireSignIn() {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  useAccountLanguage(me);

  if (isPending) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const next = location.pathname + location.search;
  if (!me) return <Navigate to={withNext('/connexion', next)} replace />;
  if (me.passwordChangeRequired) return <Navigate to={withNext(CHOOSE_PASSWORD_PATH, next)} replace />;
  return <Outlet />;
}

/** Where to go after signing in: only a path inside the app, never another site. */
export function safeNext(value: string | null): string {
  return value && isReturnPath(value) ? value : '/';
}
