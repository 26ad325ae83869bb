import { isWebUrl } from '@compagnon/server/domain/text.ts';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import type { MeetingDetail, useEditMeeting } from './queries';

/** The organiser's field for the place, or for a video meeting's link, saved on its own. */
export function WhereaboutsForm({
  meeting: m,
  value,
  onValue,
  onClose,
  edit,
}: {
  meeting: MeetingDetail;
  value: string;
  onValue: (value: string) => void;
  onClose: () => void;
  edit: ReturnType<typeof useEditMeeting>;
}) {
  const { t } = useTranslation();
  const video = m.mode === 'video';
  const trimmed = value.trim();
  const invalid = video && trimmed !== '' && !isWebUrl(trimmed);
  return (
    <Stack gap={6}>
      <TextInput
        type={video ? 'url' : 'text'}
        label={video ? t('meetings.new.videoUrl') : t('meetings.new.place')}
        description={video ? t('meetings.new.videoHint') : undefined}
        value={value}
        onChange={(e) => onValue(e.currentTarget.value)}
        error={invalid ? t('errors.invalid_web_url') : undefined}
        data-autofocus
      />
      <Group gap="xs">
        <Button
          size="xs"
          disabled={invalid}
          loading={edit.isPending}
          onClick={() =>
            edit.mutate(video ? { videoUrl: trimmed || null } : { place: trimmed || null }, {
              onSuccess: onClose,
            })
          }
        >
          {t('common.save')}
        </Button>
        <Button size="xs" variant="subtle" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </Group>
      {m.status === 'confirmed' && (
        <Text size="xs" c="dimmed">
          {t('meetings.where.updateSent')}
        </Text>
      )}
      {edit.error && <ErrorAlert error={edit.error} />}
    </Stack>
  );
}
