import type { RouteObject } from 'react-router-dom';

// The routes of tutor teams, spread into app/router.tsx: the programme's teams tab and a team's pages.

/** The programme's « Équipes » tab (a child of the programme page). */
export const teamTabRoutes: RouteObject[] = [
  { path: 'equipes', lazy: async () => ({ Component: (await import('./TeamsPanel')).TeamsPanel }) },
];

/** A team's page and a team meeting's report (signed-in pages). */
export const teamPageRoutes: RouteObject[] = [
  { path: '/equipes/:teamId', lazy: async () => ({ Component: (await import('./TeamPage')).TeamPage }) },
  {
    path: '/equipes/:teamId/rencontres/:meetingId',
    lazy: async () => ({ Component: (await import('./TeamReportPage')).TeamReportPage }),
  },
];
