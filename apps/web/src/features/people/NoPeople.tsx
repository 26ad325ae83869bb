import { Anchor, EmptyState, Stack, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The list when the programme has nobody yet, or when the filters match nobody. */
export function NoPeople({
  anyone,
  canManage,
  onClear,
}: {
  /** Whether the programme has anyone at all, before filtering. */
  anyone: boolean;
  canManage: boolean;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  if (!anyone)
    return (
      <EmptyState
        p="xl"
        variant="light"
        icon={<IconUsersGroup size={28} aria-hidden />}
        title={t('people.emptyTitle')}
        description={canManage ? t('people.emptyBodyManage') : t('people.emptyBody')}
      />
    );
  return (
    <Stack p="md" pt={0} gap="xs" align="flex-start">
      <Text size="sm">{t('people.noMatch')}</Text>
      <Anchor component="button" type="button" size="sm" onClick={onClear}>
        {t('people.clearFilters')}
      </Anchor>
    </Stack>
  );
}
