import { Anchor, Button, Text } from '@mantine/core';
import { IconMapPin, IconPencil, IconVideo } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MeetingDetail, useEditMeeting } from './queries';
import { WhereaboutsForm } from './WhereaboutsForm';

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

  if (editing) {
    return (
      <WhereaboutsForm
        meeting={m}
        value={value}
        onValue={setValue}
        onClose={() => setEditing(false)}
        edit={edit}
      />
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
