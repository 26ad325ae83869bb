import { Alert, Button, Text } from '@mantine/core';
import { IconInfoCircle, IconLock, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../app/types';

/**
 * Above the rules: the template they started from and a way back to its defaults, or, for someone
 * who may not change them, that they are read-only.
 */
export function RulesIntro({
  programme,
  editable,
  onTemplateDefaults,
}: {
  programme: Programme;
  editable: boolean;
  /** Puts the template's rules back in the form; absent while the templates load. */
  onTemplateDefaults?: () => void;
}) {
  const { t } = useTranslation();
  return editable ? (
    <Alert
      variant="light"
      color="sauge"
      icon={<IconInfoCircle aria-hidden />}
      title={t(`templates.${programme.template}.name`)}
    >
      <Text size="sm">{t(`templates.${programme.template}.description`)}</Text>
      <Text size="sm" mt="xs">
        {t('rules.intro')}
      </Text>
      {onTemplateDefaults && (
        <Button
          mt="sm"
          size="xs"
          variant="white"
          leftSection={<IconRestore size={14} aria-hidden />}
          onClick={onTemplateDefaults}
        >
          {t('rules.templateDefaults')}
        </Button>
      )}
    </Alert>
  ) : (
    <Alert variant="light" color="gray" icon={<IconLock aria-hidden />} title={t('rules.readOnlyTitle')}>
      {t('rules.readOnly')}
    </Alert>
  );
}
