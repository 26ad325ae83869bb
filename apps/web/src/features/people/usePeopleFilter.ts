import { useMemo, useState } from 'react';
import type { Person, Role } from '../../app/types';
import type { RoleFilter, StatusFilter } from './PeopleFilters';
import { matches } from './queries';

const PAGE = 50;

/**
 * The coordinator's people list filtered by words, role and status, shown fifty at a time; changing
 * a filter starts again from the first fifty.
 */
export function usePeopleFilter(people: Person[]) {
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<RoleFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [shown, setShown] = useState(PAGE);

  const counts = useMemo(() => {
    const c: Record<Role, number> = { coordinator: 0, tutor: 0, tutee: 0, expert: 0 };
    for (const p of people) for (const r of new Set(p.memberships.map((m) => m.role))) c[r]++;
    return c;
  }, [people]);
  const filtered = useMemo(
    () =>
      people.filter((p) => {
        if (role !== 'all' && !p.memberships.some((m) => m.role === role)) return false;
        if (status === 'invited' || status === 'active' || status === 'notInvited') {
          if (p.status !== status) return false;
        }
        if (
          status === 'unpaired' &&
          !(p.memberships.some((m) => m.role === 'tutee') && (p.tutors?.length ?? 0) === 0)
        )
          return false;
        return matches(p, query);
      }),
    [people, role, status, query],
  );
  const resetPaging = () => setShown(PAGE);

  return {
    counts,
    filtered,
    visible: filtered.slice(0, shown),
    /** How many more the "show more" button adds, 0 when every match is shown. */
    more: filtered.length > shown ? Math.min(PAGE, filtered.length - shown) : 0,
    showMore: () => setShown((s) => s + PAGE),
    clear: () => {
      setQuery('');
      setRole('all');
      setStatus('all');
    },
    filterProps: {
      query,
      role,
      status,
      counts,
      onQuery: (q: string) => {
        setQuery(q);
        resetPaging();
      },
      onRole: (r: RoleFilter) => {
        setRole(r);
        resetPaging();
      },
      onStatus: (st: StatusFilter) => {
        setStatus(st);
        resetPaging();
      },
    },
  };
}
