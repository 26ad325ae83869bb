import { createBrowserRouter } from 'react-router-dom';
import { AuthLayout } from '../features/auth/AuthLayout';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { InvitationPage } from '../features/auth/InvitationPage';
import { MagicLinkPage } from '../features/auth/MagicLinkPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignInPage } from '../features/auth/SignInPage';
import { ImportWizard } from '../features/imports/ImportWizard';
import { HomePage } from '../features/orgs/HomePage';
import { OrganisationPage } from '../features/orgs/OrganisationPage';
import { PeoplePanel } from '../features/people/PeoplePanel';
import { CohortsPanel } from '../features/programmes/CohortsPanel';
import { ProgrammePage } from '../features/programmes/ProgrammePage';
import { RulesPanel } from '../features/programmes/RulesPanel';
import { ProfilePage } from '../features/profile/ProfilePage';
import { RequireSignIn } from './RequireSignIn';
import { Shell } from './Shell';
import { NotFound } from './ui';

// French paths: they appear in the links people receive by e-mail.
export const router = createBrowserRouter([
  {
    element: <AuthLayout />,
    children: [
      { path: '/connexion', element: <SignInPage /> },
      { path: '/connexion/lien', element: <MagicLinkPage /> },
      { path: '/connexion/mot-de-passe-oublie', element: <ForgotPasswordPage /> },
      { path: '/connexion/nouveau-mot-de-passe', element: <ResetPasswordPage /> },
      { path: '/invitation', element: <InvitationPage /> },
    ],
  },
  {
    element: <RequireSignIn />,
    children: [
      {
        element: <Shell />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/organisations/:orgId', element: <OrganisationPage /> },
          {
            path: '/programmes/:programmeId',
            element: <ProgrammePage />,
            children: [
              { index: true, element: <PeoplePanel /> },
              { path: 'regles', element: <RulesPanel /> },
              { path: 'cohortes', element: <CohortsPanel /> },
              { path: 'import', element: <ImportWizard /> },
            ],
          },
          { path: '/profil', element: <ProfilePage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
