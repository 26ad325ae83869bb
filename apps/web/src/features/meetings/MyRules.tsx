import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDescribe } from './availabilityRules';
import { type Availability, useRemoveAvailability } from './queries';

/** The constraints saved so far, each with its remove button. */
export function MyRules({ orgId, rules }: { orgId: string; rules: Availability['rules'] }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const remove = useRemoveAvailability(orgId);
  return (
    <Stack gap="xs">
      <Title order={2} fz={20}>
        {t('meetings.availability.mine')}
      </Title>
      {rules.length === 0 && <Text c="dimmed">{t('meetings.availability.noRules')}</Text>}
      {rules.map((r) => (
        <Paper key={r.id} withBorder p="xs" px="sm">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{describe(r)}</Text>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              style={{ flexShrink: 0 }}
              onClick={() => remove.mutate(`rules/${r.id}`)}
              aria-label={t('meetings.availability.remove', { what: describe(r) })}
            >
              <IconTrash size={16} aria-hidden />
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
