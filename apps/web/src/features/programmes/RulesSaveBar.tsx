import { Button, Card, Group, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import classes from './programmes.module.css';

/** The bar that stays at the bottom of the rules: whether they are saved, discard, save. */
export function RulesSaveBar({
  dirty,
  saving,
  onDiscard,
}: {
  dirty: boolean;
  saving: boolean;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card className={classes.saveBar} padding="sm" data-dirty={dirty || undefined}>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" visibleFrom="sm" aria-live="polite">
          {dirty ? t('rules.unsaved') : t('rules.upToDate')}
        </Text>
        <Group gap="sm" grow={false} style={{ flex: '1 1 auto', justifyContent: 'flex-end' }}>
          {dirty && (
            <Button variant="default" onClick={onDiscard}>
              {t('rules.discard')}
            </Button>
          )}
          <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            {t('rules.save')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
