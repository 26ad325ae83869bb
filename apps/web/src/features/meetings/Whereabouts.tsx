import { isWebUrl } from '@compagnon/server/domain/text.ts';
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconMapPin, IconPencil, IconVideo } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type MeetingDetail, useEditMeeting } from './api';

/**
 * Where the meeting takes place: its place, a video meeting's link (its people only see it). The
 * organiser adds or changes them here — a video link is often made once the date is set.
 */
export function Whereabouts({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const edit = useEditMeeting(m.id);
  const video = m.mode === 'video';
  const editable = m.actions.edit && m.mode !== 'phone';
  const current = (video ? m.videoUrl : m.place) ?? '';
  const trimmed = value.trim();
  const invalid = video && trimmed !== '' && !isWebUrl(trimmed);

  if (editing) {
    return (
      <Stack gap={6}>
        <TextInput
          type={video ? 'url' : 'text'}
          label={video ? t('meetings.new.videoUrl') : t('meetings.new.place')}
          description={video ? t('meetings.new.videoHint') : undefined}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
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
                onSuccess: () => setEditing(false),
              })
            }
          >
            {t('common.save')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setEditing(false)}>
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

  return (
    <>
      {m.place && (
        <Text size="sm">
          <IconMapPin size={14} aria-hidden /> <b>{t('meetings.detail.place')}</b> {m.place}
        </Text>
      )}
      {m.videoUrl && (
        <Anchor
          href={m.videoUrl}
          target="_blank"
          rel="noreferrer"
          size="sm"
          w="fit-content"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          <IconVideo size={14} aria-hidden />
          {t('meetings.detail.join')}
        </Anchor>
      )}
      {editable && (
        <Button
          size="compact-sm"
          variant="subtle"
          w="fit-content"
          px={0}
          fw={500}
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={() => {
            setValue(current);
            setEditing(true);
          }}
        >
          {t(
            video
              ? current
                ? 'meetings.where.changeLink'
                : 'meetings.where.addLink'
              : current
                ? 'meetings.where.changePlace'
                : 'meetings.where.addPlace',
          )}
        </Button>
      )}
    </>
  );
}
