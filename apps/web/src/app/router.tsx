import { createBrowserRouter } from 'react-router-dom';
import { AuthLayout } from '../features/auth/AuthLayout';
import { announcementsTab, guideRoutes } from '../features/guides/routes';
import { networkRoutes } from '../features/networks/routes';
import { teamPageRoutes, teamTabRoutes } from '../features/teams/routes';
import { trainingRoutes, trainingTabRoute } from '../features/training/routes';
import { page } from './lazyPage';
import { RequireSignIn } from './RequireSignIn';
import { teamFeedbackRoutes } from './routes-feedback';
import { signedOutRoutes } from './routes-public';
import { Shell } from './Shell';
import { Loading, NotFound } from './ui';

// French paths: they appear in the links people receive by e-mail.
export const router = createBrowserRouter([
  {
    element: <AuthLayout />,
    hydrateFallbackElement: <Loading />,
    children: signedOutRoutes,
  },
  {
    element: <AuthLayout wide />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        // A tutor's private review link, e-mailed when a trace's review week starts.
        path: '/relecture/:token?',
        lazy: page(
          () => import('../features/portfolio/TracePage'),
          (m) => m.ReviewLinkPage,
        ),
      },
    ],
  },
  {
    element: <RequireSignIn />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        element: <Shell />,
        children: [
          {
            path: '/',
            lazy: page(
              () => import('../features/orgs/HomePage'),
              (m) => m.HomePage,
            ),
          },
          {
            path: '/organisations/:orgId',
            lazy: page(
              () => import('../features/orgs/OrganisationPage'),
              (m) => m.OrganisationPage,
            ),
          },
          {
            path: '/organisations/:orgId/journal',
            lazy: page(
              () => import('../features/audit/AuditPage'),
              (m) => m.AuditPage,
            ),
          },
          {
            path: '/programmes/:programmeId',
            lazy: page(
              () => import('../features/programmes/ProgrammePage'),
              (m) => m.ProgrammePage,
            ),
            children: [
              {
                index: true,
                lazy: page(
                  () => import('../features/people/PeoplePanel'),
                  (m) => m.PeoplePanel,
                ),
              },
              {
                path: 'suivi',
                lazy: page(
                  () => import('../features/followup/FollowupPanel'),
                  (m) => m.FollowupPanel,
                ),
              },
              {
                path: 'regles',
                lazy: page(
                  () => import('../features/programmes/RulesPanel'),
                  (m) => m.RulesPanel,
                ),
              },
              {
                path: 'cohortes',
                lazy: page(
                  () => import('../features/programmes/CohortsPanel'),
                  (m) => m.CohortsPanel,
                ),
              },
              {
                path: 'import',
                lazy: page(
                  () => import('../features/imports/ImportWizard'),
                  (m) => m.ImportWizard,
                ),
              },
              {
                path: 'rencontres',
                lazy: page(
                  () => import('../features/meetings/MeetingsPanel'),
                  (m) => m.MeetingsPanel,
                ),
              },
              {
                path: 'rencontres/nouvelle',
                lazy: page(
                  () => import('../features/meetings/NewMeetingPage'),
                  (m) => m.NewMeetingPage,
                ),
              },
              {
                path: 'portfolio',
                lazy: page(
                  () => import('../features/portfolio/CoordinatorPortfolio'),
                  (m) => m.CoordinatorPortfolio,
                ),
              },
              {
                path: 'demandes',
                lazy: page(
                  () => import('../features/requests/QueuePanel'),
                  (m) => m.QueuePanel,
                ),
              },
              trainingTabRoute,
              {
                path: 'charte',
                lazy: page(
                  () => import('../features/agreements/CharterPanel'),
                  (m) => m.CharterPanel,
                ),
              },
              ...teamTabRoutes,
              announcementsTab,
              {
                path: 'absences',
                lazy: page(
                  () => import('../features/absences/AbsencesPanel'),
                  (m) => m.AbsencesPanel,
                ),
              },
              {
                path: 'appariement',
                lazy: page(
                  () => import('../features/matching/MatchingPanel'),
                  (m) => m.MatchingPanel,
                ),
              },
            ],
          },
          ...guideRoutes,
          ...trainingRoutes,
          {
            path: '/invitations',
            lazy: page(
              () => import('../features/invitations/InvitationsPage'),
              (m) => m.InvitationsPage,
            ),
          },
          {
            path: '/notifications',
            lazy: page(
              () => import('../features/followup/NotificationsPage'),
              (m) => m.NotificationsPage,
            ),
          },
          {
            path: '/rencontres/:meetingId',
            lazy: page(
              () => import('../features/meetings/MeetingPage'),
              (m) => m.MeetingPage,
            ),
          },
          {
            path: '/organisations/:orgId/disponibilites',
            lazy: page(
              () => import('../features/meetings/AvailabilityPage'),
              (m) => m.AvailabilityPage,
            ),
          },
          {
            path: '/point/:checkinId',
            lazy: page(
              () => import('../features/wellbeing/CheckinPage'),
              (m) => m.MyCheckinPage,
            ),
          },
          {
            path: '/binomes/:pairingId/charte',
            lazy: page(
              () => import('../features/agreements/AgreementPage'),
              (m) => m.AgreementPage,
            ),
          },
          ...teamPageRoutes,
          ...networkRoutes,
          {
            path: '/echanges/:pairingId',
            lazy: page(
              () => import('../features/threads/ThreadPage'),
              (m) => m.ThreadPage,
            ),
          },
          {
            path: '/bien-etre/alertes/:checkinId',
            lazy: page(
              () => import('../features/wellbeing/AlertPage'),
              (m) => m.AlertPage,
            ),
          },
          {
            path: '/organisations/:orgId/aide',
            lazy: page(
              () => import('../features/wellbeing/HelpPage'),
              (m) => m.HelpPage,
            ),
          },
          {
            path: '/organisations/:orgId/difficultes',
            lazy: page(
              () => import('../features/difficulties/DifficultiesPage'),
              (m) => m.DifficultiesPage,
            ),
          },
          {
            path: '/organisations/:orgId/difficultes/nouvelle',
            lazy: page(
              () => import('../features/difficulties/RaisePage'),
              (m) => m.RaisePage,
            ),
          },
          {
            path: '/organisations/:orgId/difficultes/recues',
            lazy: page(
              () => import('../features/difficulties/InboxPage'),
              (m) => m.InboxPage,
            ),
          },
          {
            path: '/difficultes/:difficultyId',
            lazy: page(
              () => import('../features/difficulties/DifficultyPage'),
              (m) => m.DifficultyPage,
            ),
          },
          {
            path: '/organisations/:orgId/avis-experts',
            lazy: page(
              () => import('../features/consultations/ConsultationsPage'),
              (m) => m.ConsultationsPage,
            ),
          },
          {
            path: '/organisations/:orgId/avis-experts/nouvelle',
            lazy: page(
              () => import('../features/consultations/AskPage'),
              (m) => m.AskPage,
            ),
          },
          {
            path: '/avis-experts/:consultationId',
            lazy: page(
              () => import('../features/consultations/ConsultationPage'),
              (m) => m.ConsultationPage,
            ),
          },
          ...teamFeedbackRoutes,
          {
            path: '/portfolio/traces/:traceId',
            lazy: page(
              () => import('../features/portfolio/TracePage'),
              (m) => m.TracePage,
            ),
          },
          {
            path: '/portfolio/:programmeId/:residentId?',
            lazy: page(
              () => import('../features/portfolio/PortfolioPage'),
              (m) => m.PortfolioPage,
            ),
          },
          {
            path: '/relectures',
            lazy: page(
              () => import('../features/portfolio/QueuePage'),
              (m) => m.QueuePage,
            ),
          },
          {
            path: '/bilans/:reviewId',
            lazy: page(
              () => import('../features/reviews/EndReviewPage'),
              (m) => m.EndReviewPage,
            ),
          },
          {
            path: '/questionnaires/:askId',
            lazy: page(
              () => import('../features/reviews/QuestionnairePage'),
              (m) => m.QuestionnairePage,
            ),
          },
          {
            path: '/profil',
            lazy: page(
              () => import('../features/profile/ProfilePage'),
              (m) => m.ProfilePage,
            ),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
