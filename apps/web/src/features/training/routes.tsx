import type { RouteObject } from 'react-router-dom';

// The training pages' routes, spread into app/router.tsx: the programme's tab, and a session's page.

export const trainingTabRoute: RouteObject = {
  path: 'formations',
  lazy: async () => ({ Component: (await import('./TrainingPanel')).TrainingPanel }),
};

export const trainingRoutes: RouteObject[] = [
  {
    path: '/formations/:sessionId',
    lazy: async () => ({ Component: (await import('./SessionPage')).SessionPage }),
  },
];
