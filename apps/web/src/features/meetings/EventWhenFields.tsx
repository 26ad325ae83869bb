import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Draft } from './eventDraft';

/** When a programme event starts and ends: dates and hours. */
export function EventWhenFields({
  draft,
  onDraft,
  endBeforeStart,
}: {
  draft: Draft;
  onDraft: (draft: Draft) => void;
  endBeforeStart: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <TextInput
        type="date"
        label={t('meetings.events.startDate')}
        value={draft.startDate}
        onChange={(ev) => {
          const v = ev.currentTarget.value;
          // Moving the start moves a one-day event's end with it.
          onDraft({
            ...draft,
            startDate: v,
            endDate: draft.endDate === draft.startDate ? v : draft.endDate,
          });
        }}
        required
      />
      <TextInput
        type="time"
        label={t('meetings.events.startTime')}
        value={draft.startTime}
        onChange={(ev) => onDraft({ ...draft, startTime: ev.currentTarget.value })}
        required
      />
      <TextInput
        type="date"
        label={t('meetings.events.endDate')}
        value={draft.endDate}
        onChange={(ev) => onDraft({ ...draft, endDate: ev.currentTarget.value })}
        required
      />
      <TextInput
        type="time"
        label={t('meetings.events.endTime')}
        value={draft.endTime}
        onChange={(ev) => onDraft({ ...draft, endTime: ev.currentTarget.value })}
        required
        error={draft.endDate && endBeforeStart ? t('meetings.events.endBeforeStart') : undefined}
      />
    </SimpleGrid>
  );
}
