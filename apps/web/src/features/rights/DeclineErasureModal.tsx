import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The dialog where an admin declines an erasure request, with the reason the person is sent. */
export function DeclineErasureModal({
  opened,
  onClose,
  onDecline,
  pending,
}: {
  opened: boolean;
  onClose: () => void;
  onDecline: (reason: string) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('rights.admin.declineTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onDecline(reason);
        }}
      >
        <Stack gap="md">
          <Textarea
            label={t('rights.admin.reason')}
            description={t('rights.admin.reasonHelp')}
            required
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={reason.trim().length < 3}>
              {t('rights.admin.decline')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
