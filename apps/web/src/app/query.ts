import type { DefaultError, UseMutationOptions } from '@tanstack/react-query';

/**
 * What a component adds to a feature's mutation hook: its own messages and local state. The hook
 * keeps the cache work (invalidation, fresh data put in the cache) and runs the component's
 * callbacks with it.
 */
export type MutationCallbacks<TData = unknown, TVariables = void> = Pick<
  UseMutationOptions<TData, DefaultError, TVariables>,
  'onSuccess' | 'onError'
>;
