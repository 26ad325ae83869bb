import { Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Draft, KINDS } from './eventDraft';

/** The fields of a programme event, on the programme's clock. */
export function EventFields({
  draft,
  onDraft,
  zone,
  endBeforeStart,
}: {
  draft: Draft;
  onDraft: (draft: Draft) => void;
  zone: string;
  endBeforeStart: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('meetings.events.name')}
        placeholder={t('meetings.events.namePlaceholder')}
        value={draft.title}
        onChange={(ev) => onDraft({ ...draft, title: ev.currentTarget.value })}
        required
        maxLength={200}
        data-autofocus
      />
      <Select
        label={t('meetings.events.kindLabel')}
        value={draft.kind}
        allowDeselect={false}
        onChange={(v) => v && onDraft({ ...draft, kind: v as Draft['kind'] })}
        data={KINDS.map((k) => ({ value: k, label: t(`meetings.events.kind.${k}`) }))}
      />
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
      <Text size="xs" c="dimmed">
        {t('meetings.events.zone', { zone })}
      </Text>
      <Switch
        label={t('meetings.events.busy')}
        description={t('meetings.events.busyHelp')}
        checked={draft.busy}
        onChange={(ev) => onDraft({ ...draft, busy: ev.currentTarget.checked })}
      />
    </>
  );
}
