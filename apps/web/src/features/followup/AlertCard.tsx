import { Badge, Button, Card, Group, Menu, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlarmSnooze, IconCheck, IconChevronDown, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { type Alert, useAlertAction } from './api';

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
  const { t } = useTranslation();
  const { instant } = useDates(orgId);
  const message = useErrorMessage();
  const [dialog, setDialog] = useState<'close' | 'message' | null>(null);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<'handled' | 'repairing'>('handled');
  const act = useAlertAction(alert.id, programmeId, {
    onSuccess: (_, v) => {
      notifications.show({ color: 'sauge', message: t(`followup.done.${v.path}`) });
      setDialog(null);
      setText('');
    },
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  const label = `${alert.tutor.name} — ${alert.tutee.name}`;

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
        {(alert.actions.messageTutor || alert.actions.close || alert.actions.snooze) && (
          <Group gap="xs" mt={4}>
            {alert.actions.messageTutor && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconMail size={14} aria-hidden />}
                onClick={() => setDialog('message')}
              >
                {t('followup.actions.message')}
              </Button>
            )}
            {alert.actions.close && (
              <Button
                size="xs"
                variant="light"
                color="sauge"
                leftSection={<IconCheck size={14} aria-hidden />}
                onClick={() => setDialog('close')}
              >
                {t('followup.actions.close')}
              </Button>
            )}
            {alert.actions.snooze && (
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
                    <Menu.Item key={days} onClick={() => act.mutate({ path: 'snooze', body: { days } })}>
                      {t('followup.snoozeDays', { count: days })}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        )}
      </Stack>

      <Modal
        opened={dialog === 'message'}
        onClose={() => setDialog(null)}
        title={t('followup.messageTitle', { name: alert.tutor.name })}
      >
        <Stack>
          <Textarea
            label={t('followup.messageLabel')}
            description={t('followup.messageHint')}
            autosize
            minRows={4}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={act.isPending}
              disabled={!text.trim()}
              onClick={() => act.mutate({ path: 'message', body: { text } })}
            >
              {t('followup.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={dialog === 'close'} onClose={() => setDialog(null)} title={t('followup.closeTitle')}>
        <Stack>
          <Select
            label={t('followup.outcome')}
            value={outcome}
            onChange={(v) => setOutcome((v as 'handled' | 'repairing') ?? 'handled')}
            data={[
              { value: 'handled', label: t('followup.outcomes.handled') },
              { value: 'repairing', label: t('followup.outcomes.repairing') },
            ]}
            allowDeselect={false}
          />
          <Textarea
            label={t('followup.note')}
            description={t('followup.noteHint')}
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={act.isPending}
              disabled={!text.trim()}
              onClick={() => act.mutate({ path: 'close', body: { note: text, outcome } })}
            >
              {t('followup.actions.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
