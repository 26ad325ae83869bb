import type { RouteObject } from 'react-router-dom';
import { SignInPage } from '../features/auth/SignInPage';
import { page } from './lazyPage';
import { CHOOSE_PASSWORD_PATH } from './RequireSignIn';

// The pages of someone not signed in yet (sign-in, links, invitations, public pages), in the
// narrow frame of app/router.tsx's AuthLayout.
export const signedOutRoutes: RouteObject[] = [
  { path: '/connexion', element: <SignInPage /> },
  {
    path: '/connexion/lien',
    lazy: page(
      () => import('../features/auth/MagicLinkPage'),
      (m) => m.MagicLinkPage,
    ),
  },
  {
    path: '/connexion/mot-de-passe-oublie',
    lazy: page(
      () => import('../features/auth/ForgotPasswordPage'),
      (m) => m.ForgotPasswordPage,
    ),
  },
  {
    path: '/connexion/nouveau-mot-de-passe',
    lazy: page(
      () => import('../features/auth/ResetPasswordPage'),
      (m) => m.ResetPasswordPage,
    ),
  },
  {
    // Signed in, but with an administrator's temporary password: outside the signed-in frame.
    path: CHOOSE_PASSWORD_PATH,
    lazy: page(
      () => import('../features/auth/ChoosePasswordPage'),
      (m) => m.ChoosePasswordPage,
    ),
  },
  {
    path: '/invitation',
    lazy: page(
      () => import('../features/auth/InvitationPage'),
      (m) => m.InvitationPage,
    ),
  },
  {
    path: '/point',
    lazy: page(
      () => import('../features/wellbeing/CheckinPage'),
      (m) => m.CheckinLinkPage,
    ),
  },
  {
    path: '/sondage',
    lazy: page(
      () => import('../features/meetings/PollPage'),
      (m) => m.PollPage,
    ),
  },
  {
    // A programme's public page, to ask to join it; the link e-mailed to confirm the request.
    path: '/rejoindre/demande/:token',
    lazy: page(
      () => import('../features/requests/RequestLinkPage'),
      (m) => m.RequestLinkPage,
    ),
  },
  {
    path: '/rejoindre/:programmeId',
    lazy: page(
      () => import('../features/requests/JoinPage'),
      (m) => m.JoinPage,
    ),
  },
  {
    // The public check of a signed charter, by the code printed on it.
    path: '/verification',
    lazy: page(
      () => import('../features/agreements/VerificationPage'),
      (m) => m.VerificationPage,
    ),
  },
  {
    path: '/maitre-de-stage/:token',
    lazy: page(
      () => import('../features/supervisor/SupervisorPage'),
      (m) => m.SupervisorPage,
    ),
  },
];
