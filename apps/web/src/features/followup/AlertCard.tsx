import { Badge, Button, Card, Group, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlarmSnooze, IconCheck, IconChevronDown, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { CloseDialog, MessageDialog, type Outcome } from './AlertDialogs';
import { type Alert, useAlertAction } from './queries';

/** One alert: who, what, since when, and the coordinator's one-click actions. */
export function AlertCard({
  alert,
  orgId,
  programmeId,
}: {
  alert: Alert;
  orgId: string;
  programmeId: string;
}) {
  const { t } = useProgrammeTranslation();
  const { instant } = useDates(orgId);
  const message = useErrorMessage();
  const [dialog, setDialog] = useState<'close' | 'message' | null>(null);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('handled');
  const act = useAlertAction(alert.id, programmeId, {
    onSuccess: (_, v) => {
      notifications.show({ color: 'sauge', message: t(`followup.done.${v.path}`) });
      setDialog(null);
      setText('');
    },
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  const label = `${alert.tutor.name} — ${alert.tutee.name}`;
  const dialogProps = { text, onText: setText, pending: act.isPending, onClose: () => setDialog(null) };

  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={label}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {label}
          </Text>
          <Group gap={6}>
            {alert.level === 'coordinator' && (
              <Badge color="orange" variant="light" tt="none">
                {t('followup.escalated')}
              </Badge>
            )}
            {alert.state === 'snoozed' && alert.snoozedUntil && (
              <Badge color="gray" variant="light" tt="none">
                {t('followup.snoozedUntil', { date: instant(alert.snoozedUntil) })}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm">{t(`followup.rule.${alert.rule}`, alert.detail)}</Text>
        <Text size="xs" c="dimmed">
          {t('followup.since', { date: instant(alert.openedAt) })}
        </Text>
        <AlertActions
          actions={alert.actions}
          onDialog={setDialog}
          onSnooze={(days) => act.mutate({ path: 'snooze', body: { days } })}
        />
      </Stack>

      <MessageDialog
        opened={dialog === 'message'}
        tutorName={alert.tutor.name}
        onSend={() => act.mutate({ path: 'message', body: { text } })}
        {...dialogProps}
      />
      <CloseDialog
        opened={dialog === 'close'}
        outcome={outcome}
        onOutcome={setOutcome}
        onConfirm={() => act.mutate({ path: 'close', body: { note: text, outcome } })}
        {...dialogProps}
      />
    </Card>
  );
}

/** The coordinator's one-click actions: message the tutor, close, snooze for a while. */
function AlertActions({
  actions,
  onDialog,
  onSnooze,
}: {
  actions: Alert['actions'];
  onDialog: (dialog: 'close' | 'message') => void;
  onSnooze: (days: number) => void;
}) {
  const { t } = useProgrammeTranslation();
  if (!actions.messageTutor && !actions.close && !actions.snooze) return null;
  return (
    <Group gap="xs" mt={4}>
      {actions.messageTutor && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconMail size={14} aria-hidden />}
          onClick={() => onDialog('message')}
        >
          {t('followup.actions.message')}
        </Button>
      )}
      {actions.close && (
        <Button
          size="xs"
          variant="light"
          color="sauge"
          leftSection={<IconCheck size={14} aria-hidden />}
          onClick={() => onDialog('close')}
        >
          {t('followup.actions.close')}
        </Button>
      )}
      {actions.snooze && (
        <Menu position="bottom-start">
          <Menu.Target>
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              leftSection={<IconAlarmSnooze size={14} aria-hidden />}
              rightSection={<IconChevronDown size={12} aria-hidden />}
            >
              {t('followup.actions.snooze')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {[7, 14, 30].map((days) => (
              <Menu.Item key={days} onClick={() => onSnooze(days)}>
                {t('followup.snoozeDays', { count: days })}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
