import type { nextView } from '@compagnon/server/modules/notifications/schema.ts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';

export type Next = z.infer<typeof nextView>;

/** What comes next for the signed-in person; also read by the navigation for the unread badge. */
export const nextKey = ['me', 'next'] as const;

export const useNext = () => useQuery({ queryKey: nextKey, queryFn: () => api.get<Next>('/api/me/next') });
