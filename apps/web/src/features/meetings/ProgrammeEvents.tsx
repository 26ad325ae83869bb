import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { EventEditModal } from './EventEditModal';
import { type Draft, draftOf, toInstant } from './eventDraft';
import { ProgrammeEventItem } from './ProgrammeEventItem';
import { type ProgrammeEvent as Event, useProgrammeEvents, useRemoveEvent, useSaveEvent } from './queries';
import { RemoveEventModal } from './RemoveEventModal';

/** What the server is sent for a draft: its instants in the organisation's time zone. */
const bodyOf = (draft: Draft, zone: string) => ({
  title: draft.title,
  kind: draft.kind,
  start: toInstant(draft.startDate, draft.startTime, zone),
  end: toInstant(draft.endDate, draft.endTime, zone),
  busy: draft.busy,
});

/**
 * Programme-wide dates (course days, welcome day): every member sees them, and those marked as
 * blocking keep meetings off them. The coordinator adds, changes and removes them here.
 */
export function ProgrammeEvents({
  programmeId,
  zone,
  canEdit,
}: {
  programmeId: string;
  zone: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const events = useProgrammeEvents(programmeId);
  const [editing, setEditing] = useState<Event | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(null, zone));
  const [removing, setRemoving] = useState<Event | null>(null);
  const save = useSaveEvent(programmeId, { onSuccess: () => setEditing(null) });
  const remove = useRemoveEvent(programmeId, { onSuccess: () => setRemoving(null) });
  const submit = () =>
    save.mutate({ id: editing === 'new' || editing === null ? null : editing.id, body: bodyOf(draft, zone) });
  const open = (e: Event | 'new') => {
    save.reset();
    setDraft(draftOf(e === 'new' ? null : e, zone));
    setEditing(e);
  };
  const list = events.data ?? [];
  const endBeforeStart = `${draft.endDate} ${draft.endTime}` <= `${draft.startDate} ${draft.startTime}`;
  const ready = draft.title.trim() && draft.startDate && draft.endDate && !endBeforeStart;

  if (!canEdit && list.length === 0) return null;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} fz={20}>
          {t('meetings.events.title')}
        </Title>
        {canEdit && (
          <Button
            variant="light"
            leftSection={<IconCalendarEvent size={16} aria-hidden />}
            onClick={() => open('new')}
          >
            {t('meetings.events.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('meetings.events.intro')}
      </Text>
      {events.error && <ErrorAlert error={events.error} />}
      {events.data && list.length === 0 && <Alert color="gray">{t('meetings.events.empty')}</Alert>}
      {list.map((e) => (
        <ProgrammeEventItem
          key={e.id}
          event={e}
          zone={zone}
          canEdit={canEdit}
          onEdit={() => open(e)}
          onRemove={() => setRemoving(e)}
        />
      ))}

      <EventEditModal
        opened={editing !== null}
        isNew={editing === 'new'}
        draft={draft}
        onDraft={setDraft}
        zone={zone}
        endBeforeStart={endBeforeStart}
        ready={!!ready}
        onSubmit={submit}
        onClose={() => setEditing(null)}
        save={save}
      />

      <RemoveEventModal removing={removing} onClose={() => setRemoving(null)} remove={remove} />
    </Stack>
  );
}
