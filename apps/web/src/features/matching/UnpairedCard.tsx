import { Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import type { Overview } from './types';

/** Tutees without a pairing, each with a list of tutors to assign by hand. */
export function UnpairedCard({
  o,
  placesLeft,
  onAssign,
}: {
  o: Overview;
  placesLeft: (tutorId: string) => number;
  onAssign: (tuteeId: string, tutorId: string) => void;
}) {
  const { t } = useProgrammeTranslation();
  if (o.unpaired.length === 0) return null;
  return (
    <Card withBorder radius="md" p="md">
      <Title order={2} fz="xl" mb="xs">
        {t('matching.unpaired.title', { count: o.unpaired.length })}
      </Title>
      <Stack gap="xs">
        {o.unpaired.map((u) => (
          <Group key={u.userId} justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              <strong>{u.name}</strong> · {[u.site, u.homeCommune].filter(Boolean).join(' · ')}
            </Text>
            <NativeSelect
              aria-label={t('matching.unpaired.assign', { name: u.name })}
              value=""
              onChange={(e) => e.currentTarget.value && onAssign(u.userId, e.currentTarget.value)}
              data={[
                { value: '', label: t('matching.unpaired.choose') },
                ...o.tutors.map((x) => ({
                  value: x.userId,
                  label: `${x.name} (${Math.max(0, placesLeft(x.userId))} ${t('matching.placesShort')})`,
                  disabled: placesLeft(x.userId) <= 0,
                })),
              ]}
              size="xs"
            />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
