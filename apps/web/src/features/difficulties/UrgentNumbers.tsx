import { Alert, Anchor, Text } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** For an emergency, the numbers to call now rather than write. */
export function UrgentNumbers() {
  const { t } = useTranslation();
  return (
    <Alert
      color="ambre"
      variant="light"
      icon={<IconPhone aria-hidden />}
      title={t('difficulties.form.urgentTitle')}
    >
      <Text size="sm">
        {t('difficulties.form.urgent')} <Anchor href="tel:15">15</Anchor> ·{' '}
        <Anchor href="tel:3114">3114</Anchor>
      </Text>
    </Alert>
  );
}
