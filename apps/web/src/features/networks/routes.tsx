import type { RouteObject } from 'react-router-dom';

// The routes of networks, spread into app/router.tsx: the person's networks, and a network's page.

export const networkRoutes: RouteObject[] = [
  { path: '/reseaux', lazy: async () => ({ Component: (await import('./NetworksPage')).NetworksPage }) },
  {
    path: '/reseaux/:networkId',
    lazy: async () => ({ Component: (await import('./NetworkPage')).NetworkPage }),
  },
];
