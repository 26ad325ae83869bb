import { Select, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EventWhenFields } from './EventWhenFields';
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
      <EventWhenFields draft={draft} onDraft={onDraft} endBeforeStart={endBeforeStart} />
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
