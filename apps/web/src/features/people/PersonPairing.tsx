import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person, Programme } from '../../app/types';
import { roleLabel } from '../../app/ui';

/** Who a person's tutors or tutees are, in the drawer. */
export function PersonPairing({ programme, person }: { programme: Programme; person: Person }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        {t('people.drawer.pairing')}
      </Title>
      {person.tutors && person.tutors.length > 0 && (
        <Text size="sm">
          <Text span c="dimmed">
            {t('common.colon', {
              label: roleLabel(t, 'tutor', programme.template, person.tutors.length > 1),
            })}{' '}
          </Text>
          {person.tutors.map((x) => x.name).join(', ')}
        </Text>
      )}
      {person.tutees && person.tutees.length > 0 && (
        <Group gap={4}>
          <Text size="sm" c="dimmed">
            {t('common.colon', {
              label: roleLabel(t, 'tutee', programme.template, person.tutees.length > 1),
            })}
          </Text>
          {person.tutees.map((x) => (
            <Badge key={x.userId} variant="light" color="ardoise" tt="none" fw={500}>
              {x.name}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
