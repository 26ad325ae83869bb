import type { alertsView, alertView, dashboardView } from '@compagnon/server/modules/followup/schema.ts';
import type { z } from 'zod';

export type Alert = z.infer<typeof alertView>;
export type Alerts = z.infer<typeof alertsView>;
export type Dashboard = z.infer<typeof dashboardView>;
