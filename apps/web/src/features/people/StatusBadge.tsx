import { Badge } from '@mantine/core';
import { IconCircleCheck, IconMailOff, IconMailQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: 'notInvited' | 'invited' | 'active' }) {
  const { t } = useTranslation();
  if (status === 'notInvited') {
    return (
      <Badge variant="light" color="gray" tt="none" leftSection={<IconMailOff size={12} aria-hidden />}>
        {t('people.status.notInvited')}
      </Badge>
    );
  }
  return status === 'active' ? (
    <Badge variant="light" color="sauge" tt="none" leftSection={<IconCircleCheck size={12} aria-hidden />}>
      {t('people.status.active')}
    </Badge>
  ) : (
    <Badge variant="light" color="ambre" tt="none" leftSection={<IconMailQuestion size={12} aria-hidden />}>
      {t('people.status.invited')}
    </Badge>
  );
}
