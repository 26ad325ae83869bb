import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../app/dates';
import { ErrorAlert } from '../../app/ui';
import { type OwnAbsence, useAbsenceAction, useProposal, useShorten } from './queries';

const stateColor = { draft: 'gray', asked: 'yellow', accepted: 'teal', uncovered: 'red' } as const;

/** One of the tutor's absences: its days, each tutee's backup (changeable until sent), its actions. */
export function OwnAbsenceCard({ absence: a, today }: { absence: OwnAbsence; today: string }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatCalendarDate(d, i18n.language);
  const send = useAbsenceAction('send');
  const cancel = useAbsenceAction('cancel');
  const proposal = useProposal();
  const error = send.error ?? cancel.error ?? proposal.error;
  return (
    <Paper withBorder p="md" radius="md" data-testid="own-absence">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Text fw={600}>{t('absences.period', { from: day(a.startOn), to: day(a.endOn) })}</Text>
          {a.reason && (
            <Text size="sm" c="dimmed">
              {t('absences.mine.reason', { reason: a.reason })}
            </Text>
          )}
        </div>
        <Badge
          variant="light"
          color={a.status === 'current' ? 'orange' : a.status === 'past' ? 'gray' : 'blue'}
        >
          {t(`absences.status.${a.status}`)}
        </Badge>
      </Group>
      {error && <ErrorAlert error={error} />}
      {a.covers.length > 0 && (
        <Stack gap="xs" mt="sm">
          {a.covers.map((c) =>
            a.actions.send && c.state === 'draft' && a.candidates.length > 0 ? (
              <NativeSelect
                key={c.id}
                label={t('absences.mine.backupFor', { tutee: c.tutee.name })}
                value={c.backup?.id ?? ''}
                onChange={(e) => proposal.mutate({ coverId: c.id, backupId: e.currentTarget.value })}
                data={[
                  ...(c.backup ? [] : [{ value: '', label: t('absences.mine.nobody') }]),
                  ...a.candidates.map((x) => ({
                    value: x.id,
                    label: t('absences.mine.candidate', { name: x.name, load: x.load, capacity: x.capacity }),
                  })),
                ]}
              />
            ) : (
              <Group key={c.id} justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  {c.tutee.name} → {c.backup?.name ?? t('absences.mine.nobody')}
                </Text>
                <Badge size="sm" variant="light" color={stateColor[c.state]}>
                  {t(`absences.cover.states.${c.state}`)}
                </Badge>
              </Group>
            ),
          )}
        </Stack>
      )}
      {a.covers.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('absences.mine.noTutees')}
        </Text>
      )}
      <Actions absence={a} send={send} cancel={cancel} />
      {a.actions.shorten && <Shorten id={a.id} today={today} />}
    </Paper>
  );
}

function Actions({
  absence: a,
  send,
  cancel,
}: {
  absence: OwnAbsence;
  send: ReturnType<typeof useAbsenceAction>;
  cancel: ReturnType<typeof useAbsenceAction>;
}) {
  const { t } = useTranslation();
  return (
    <Group mt="md" gap="sm">
      {a.actions.send && (
        <Button size="sm" onClick={() => send.mutate(a.id)} loading={send.isPending}>
          {t('absences.mine.send')}
        </Button>
      )}
      {a.actions.cancel && (
        <Button
          size="sm"
          variant="default"
          color="red"
          onClick={() => cancel.mutate(a.id)}
          loading={cancel.isPending}
        >
          {t('absences.mine.cancel')}
        </Button>
      )}
    </Group>
  );
}

function Shorten({ id, today }: { id: string; today: string }) {
  const { t } = useTranslation();
  const shorten = useShorten();
  const [back, setBack] = useState(today);
  // Back on `back`: the last day away is the day before.
  const endOn = new Date(Date.parse(`${back}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return (
    <Group mt="sm" align="flex-end" gap="sm">
      <TextInput
        type="date"
        label={t('absences.mine.backOn')}
        value={back}
        min={today}
        onChange={(e) => setBack(e.currentTarget.value)}
      />
      <Button
        size="sm"
        variant="light"
        onClick={() => shorten.mutate({ id, endOn })}
        loading={shorten.isPending}
      >
        {t('absences.mine.shorten')}
      </Button>
      {shorten.error && <ErrorAlert error={shorten.error} />}
    </Group>
  );
}
