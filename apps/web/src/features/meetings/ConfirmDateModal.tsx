import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session';
import { ErrorAlert } from '../../app/ui';
import { type MeetingDetail, slotLabel, timeLabel, type useConfirmMeeting } from './queries';

type Option = MeetingDetail['options'][number];

/**
 * Fixing a meeting's date tells everyone and withdraws the other dates: the organiser reads the
 * date and who will be told before it is done.
 */
export function ConfirmDateModal({
  meeting: m,
  option,
  confirm,
  onClose,
}: {
  meeting: MeetingDetail;
  option: Option | null;
  confirm: ReturnType<typeof useConfirmMeeting>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const lang = i18n.language;
  const told = [m.organiser, ...m.participants]
    .filter((p, i, all) => p.id !== me.id && all.findIndex((q) => q.id === p.id) === i)
    .map((p) => p.name);
  const names = new Intl.ListFormat(lang === 'en' ? 'en' : 'fr', { type: 'conjunction' }).format(told);
  return (
    <Modal opened={option !== null} onClose={onClose} title={t('meetings.detail.confirmTitle')} centered>
      {option && (
        <Stack gap="sm">
          <Text fw={600}>
            {slotLabel(option.start, m.timeZone, lang, true)} – {timeLabel(option.end, m.timeZone, lang)}
          </Text>
          <Text size="sm">{t('meetings.detail.confirmWho', { count: told.length, names })}</Text>
          <Text size="sm" c="dimmed">
            {t('meetings.detail.confirmOthers')}
          </Text>
          {confirm.error && <ErrorAlert error={confirm.error} />}
          <Group justify="flex-end" gap="sm" wrap="wrap">
            <Button variant="default" onClick={onClose}>
              {t('meetings.detail.confirmBack')}
            </Button>
            <Button
              loading={confirm.isPending}
              onClick={() => confirm.mutate(option.id, { onSuccess: onClose })}
            >
              {t('meetings.detail.confirmDo')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
