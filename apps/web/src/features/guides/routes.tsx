import type { RouteObject } from 'react-router-dom';
import { page } from '../../app/lazyPage';

// The pages of the guides library and of announcements, joined to the app's router (app/router.tsx):
// each loads with its route.

/** Signed-in pages: an organisation's library, one guide, one announcement. */
export const guideRoutes: RouteObject[] = [
  {
    path: '/organisations/:orgId/guides',
    lazy: page(
      () => import('./GuidesPage'),
      (m) => m.GuidesPage,
    ),
  },
  {
    path: '/guides/:guideId',
    lazy: page(
      () => import('./GuidePage'),
      (m) => m.GuidePage,
    ),
  },
  {
    path: '/annonces/:announcementId',
    lazy: page(
      () => import('../announcements/AnnouncementPage'),
      (m) => m.AnnouncementPage,
    ),
  },
];

/** The programme's announcements tab. */
export const announcementsTab: RouteObject = {
  path: 'annonces',
  lazy: page(
    () => import('../announcements/AnnouncementsPanel'),
    (m) => m.AnnouncementsPanel,
  ),
};
