import { Alert, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { type TeamPageView, useCloseOverload, useRaiseOverload } from './queries';

type Overload = TeamPageView['overloads'][number];

/** "I'm overloaded": raised by a member, seen by the team and the coordination, closed with a note. */
export function TeamOverloads({ team }: { team: TeamPageView }) {
  const { t } = useTranslation();
  const open = team.overloads.filter((o) => !o.closedAt);
  if (!team.actions.raiseOverload && open.length === 0) return null;
  return (
    <section aria-labelledby="team-overloads">
      <Stack gap="sm">
        <Text id="team-overloads" fw={600} fz="lg">
          {t('teams.overload.title')}
        </Text>
        {open.map((o) => (
          <OverloadCard key={o.id} o={o} team={team} />
        ))}
        {team.actions.raiseOverload && <RaiseOverload teamId={team.id} />}
      </Stack>
    </section>
  );
}

function OverloadCard({ o, team }: { o: Overload; team: TeamPageView }) {
  const { t } = useTranslation();
  const { instant } = useDates(team.orgId);
  const [note, setNote] = useState('');
  const [closing, setClosing] = useState(false);
  const message = useErrorMessage();
  const close = useCloseOverload(team.id, {
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t('teams.overload.raised', {
            name: o.author?.name ?? t('threads.formerMember'),
            date: instant(o.createdAt),
          })}
        </Text>
        {o.message && <Text size="sm">{o.message}</Text>}
        {o.actions.close && !closing && (
          <Group>
            <Button size="xs" variant="default" onClick={() => setClosing(true)}>
              {t('teams.overload.close')}
            </Button>
          </Group>
        )}
        {closing && (
          <Stack gap="xs">
            <Textarea
              label={t('teams.overload.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button
                size="xs"
                loading={close.isPending}
                onClick={() => close.mutate({ id: o.id, note: note.trim() || null })}
              >
                {t('teams.overload.confirmClose')}
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setClosing(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}

function RaiseOverload({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const message = useErrorMessage();
  const raise = useRaiseOverload(teamId, {
    onSuccess: () => {
      setOpen(false);
      setText('');
      notifications.show({ color: 'sauge', message: t('teams.overload.sent') });
    },
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  if (!open)
    return (
      <Group>
        <Button variant="filled" color="red.9" onClick={() => setOpen(true)}>
          {t('teams.overload.button')}
        </Button>
      </Group>
    );
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text size="sm">{t('teams.overload.help')}</Text>
        <Textarea
          label={t('teams.overload.message')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group>
          <Button color="red.9" loading={raise.isPending} onClick={() => raise.mutate(text.trim() || null)}>
            {t('teams.overload.send')}
          </Button>
          <Button variant="subtle" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
