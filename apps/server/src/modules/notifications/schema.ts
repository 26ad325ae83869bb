import { z } from 'zod';

// The views of notifications and preferences are shared with the follow-up screens that show them.
export { notificationsView, preferencesSchema, preferencesView } from '../followup/schema.ts';

/** The private token of an unsubscribe link (List-Unsubscribe). */
export const tokenQuery = z.object({ token: z.string().min(10).max(200) });
/** Notifications to mark read; none means all. */
export const markReadBody = z.object({ ids: z.array(z.string()).max(200).optional() });
