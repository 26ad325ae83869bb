import type { RouteObject } from 'react-router-dom';
import { page } from './lazyPage';

// The pages of team cases and of feedback on one's tutoring (features/cases, features/feedback),
// loaded with their route as router.tsx's are; French paths, as they appear in notices.

export const teamFeedbackRoutes: RouteObject[] = [
  {
    path: '/organisations/:orgId/cas-equipe',
    lazy: page(
      () => import('../features/cases/CasesPage'),
      (m) => m.CasesPage,
    ),
  },
  {
    path: '/cas-equipe/:caseId',
    lazy: page(
      () => import('../features/cases/CasePage'),
      (m) => m.CasePage,
    ),
  },
  {
    path: '/organisations/:orgId/retours',
    lazy: page(
      () => import('../features/feedback/FeedbackPage'),
      (m) => m.FeedbackPage,
    ),
  },
  {
    path: '/organisations/:orgId/auto-evaluation',
    lazy: page(
      () => import('../features/feedback/SelfEvaluationPage'),
      (m) => m.SelfEvaluationPage,
    ),
  },
  {
    path: '/retours-pairs/:peerRequestId',
    lazy: page(
      () => import('../features/feedback/PeerFeedbackPage'),
      (m) => m.PeerFeedbackPage,
    ),
  },
  {
    path: '/retour-tuteur/:feedbackAskId',
    lazy: page(
      () => import('../features/feedback/TuteeFeedbackPage'),
      (m) => m.TuteeFeedbackPage,
    ),
  },
];
