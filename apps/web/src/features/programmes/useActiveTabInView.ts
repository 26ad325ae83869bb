import { type RefObject, useEffect } from 'react';
import { useLocation } from 'react-router-dom';

/** On a phone the tabs scroll sideways: the current one is brought into view after each navigation. */
export function useActiveTabInView(container: RefObject<HTMLElement | null>, ready: boolean) {
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path and readiness are what trigger the scroll
  useEffect(() => {
    const current = container.current?.querySelector<HTMLElement>('[aria-current="page"]');
    current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [container, pathname, ready]);
}
