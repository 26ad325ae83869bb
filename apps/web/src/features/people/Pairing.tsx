import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person, Role } from '../../app/types';
import { roleLabel } from '../../app/ui';

/** Who a person is paired with, in the words of the programme. */
export function Pairing({
  person,
  template,
  labelled = false,
}: {
  person: Person;
  template: string;
  labelled?: boolean;
}) {
  const { t } = useTranslation();
  const label = (role: Role, n: number) =>
    labelled ? (
      <Text span c="dimmed" size="sm">
        {t('common.colon', { label: roleLabel(t, role, template, n > 1) })}{' '}
      </Text>
    ) : null;
  const tutorMembership = person.memberships.find((m) => m.role === 'tutor');
  const isTutee = person.memberships.some((m) => m.role === 'tutee');
  if (tutorMembership) {
    const n = person.tutees?.length ?? 0;
    const cap = tutorMembership.capacity;
    return (
      <Text size="sm" c={cap !== null && n > cap ? 'red.8' : undefined}>
        {cap !== null
          ? t('people.loadShort', { count: n, capacity: cap })
          : t('people.tuteesCount', {
              count: n,
              roles: roleLabel(t, 'tutee', template, n !== 1).toLowerCase(),
            })}
      </Text>
    );
  }
  if (isTutee) {
    return person.tutors && person.tutors.length > 0 ? (
      <Text size="sm" className="break-anywhere">
        {label('tutor', person.tutors.length)}
        {person.tutors.map((x) => x.name).join(', ')}
      </Text>
    ) : (
      <Text size="sm" c="ambre.9" fw={500}>
        {t('people.unpaired', { role: roleLabel(t, 'tutor', template).toLowerCase() })}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}
