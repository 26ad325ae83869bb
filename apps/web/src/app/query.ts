import {
  type DefaultError,
  type QueryKey,
  type UseMutationOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';

/**
 * What a component adds to a feature's mutation hook: its own messages and local state. The hook
 * keeps the cache work (invalidation, fresh data put in the cache) and runs the component's
 * callbacks with it.
 */
export type MutationCallbacks<TData = unknown, TVariables = void> = Pick<
  UseMutationOptions<TData, DefaultError, TVariables>,
  'onSuccess' | 'onError'
>;

/** A change after which every view under `key` is read again, then the component's callbacks run. */
export function useInvalidatingMutation<V, R = unknown>(
  key: QueryKey,
  call: (v: V) => Promise<R>,
  options: MutationCallbacks<R, V> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: call,
    onSuccess: async (...args) => {
      await qc.invalidateQueries({ queryKey: key });
      await options.onSuccess?.(...args);
    },
  });
}
