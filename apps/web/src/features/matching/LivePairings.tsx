import {
  Badge,
  Button,
  Card,
  Group,
  List,
  Menu,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { HistoryModal } from './History';
import { useTransitionPairing, useUndoPairingEnd } from './queries';
import { reasonsLine } from './reasons';
import type { Overview } from './types';

const formatTime = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

export const stateColor: Record<string, string> = {
  active: 'sauge',
  paused: 'yellow',
  completed: 'blue',
  ended: 'gray',
};

/** Published pairings and their lifecycle: pause, resume, complete, end early with a reason. */
export function LivePairings({ programmeId, o }: { programmeId: string; o: Overview }) {
  const { t, i18n } = useTranslation();
  const [ending, setEnding] = useState<{ id: string; to: 'ended' | 'completed' } | null>(null);
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState<string | null>(null);
  const move = useTransitionPairing(programmeId, {
    onSuccess: () => {
      setEnding(null);
      setReason('');
    },
  });
  const undo = useUndoPairingEnd(programmeId);
  const target = ending ? o.pairings.find((p) => p.id === ending.id) : undefined;
  if (o.pairings.length === 0) return null;
  const requested = o.pairings.filter(
    (p) => p.repairRequested && (p.state === 'active' || p.state === 'paused'),
  );
  return (
    <Card withBorder radius="md" p="md">
      <Title order={2} fz="xl" mb="xs">
        {t('matching.live.title', { count: o.pairings.filter((p) => p.state === 'active').length })}
      </Title>
      {requested.length > 0 && (
        <Text size="sm" c="red.9" mb="xs">
          {t('matching.live.repairRequested', { count: requested.length })}
        </Text>
      )}
      {move.error ? <ErrorAlert error={move.error} /> : null}
      {undo.error ? <ErrorAlert error={undo.error} /> : null}
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('matching.live.tutee')}</Table.Th>
              <Table.Th scope="col">{t('matching.live.tutor')}</Table.Th>
              <Table.Th scope="col">{t('matching.live.state')}</Table.Th>
              <Table.Th scope="col">{t('matching.live.why')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('matching.live.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.pairings.slice(0, 200).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.tuteeName}</Table.Td>
                <Table.Td>{p.tutorName}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={stateColor[p.state] ?? 'gray'} variant="light" tt="none">
                      {t(`matching.state.${p.state}`)}
                    </Badge>
                    {p.repairRequested && (p.state === 'active' || p.state === 'paused') && (
                      <Badge color="yellow" c="dark.7" variant="light" tt="none">
                        {t('matching.live.repairBadge')}
                      </Badge>
                    )}
                  </Group>
                  {p.endReason && (
                    <Text size="xs" c="dimmed">
                      {p.endReason}
                    </Text>
                  )}
                  {p.actions.undoEnd && p.undoUntil && (
                    <Button
                      mt={4}
                      size="compact-xs"
                      variant="light"
                      loading={undo.isPending && undo.variables === p.id}
                      onClick={() => undo.mutate(p.id)}
                    >
                      {t('matching.live.undo', { time: formatTime(p.undoUntil, i18n.language) })}
                    </Button>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{reasonsLine(t, p.reasons)}</Text>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        aria-label={t('matching.live.menu', { tutee: p.tuteeName })}
                      >
                        <IconDots size={16} aria-hidden />
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setHistory(p.id)}>{t('matching.history.open')}</Menu.Item>
                      {p.actions.pause && (
                        <Menu.Item onClick={() => move.mutate({ id: p.id, to: 'paused' })}>
                          {t('matching.live.pause')}
                        </Menu.Item>
                      )}
                      {p.actions.resume && (
                        <Menu.Item onClick={() => move.mutate({ id: p.id, to: 'active' })}>
                          {t('matching.live.resume')}
                        </Menu.Item>
                      )}
                      {p.actions.complete && (
                        <Menu.Item onClick={() => setEnding({ id: p.id, to: 'completed' })}>
                          {t('matching.live.complete')}
                        </Menu.Item>
                      )}
                      {p.actions.end && (
                        <Menu.Item color="red" onClick={() => setEnding({ id: p.id, to: 'ended' })}>
                          {t('matching.live.end')}
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={!!ending}
        onClose={() => setEnding(null)}
        title={t(ending?.to === 'completed' ? 'matching.live.completeTitle' : 'matching.live.endTitle')}
        centered
      >
        <Stack>
          {target && (
            <Text size="sm">
              {t('matching.live.endWho', { tutee: target.tuteeName, tutor: target.tutorName })}
            </Text>
          )}
          <List size="sm" spacing={4}>
            <List.Item>{t('matching.live.endTold')}</List.Item>
            <List.Item>{t('matching.live.endMeetings', { count: target?.futureMeetings ?? 0 })}</List.Item>
            <List.Item>{t('matching.live.endUndo', { minutes: 15 })}</List.Item>
          </List>
          {ending?.to === 'ended' && (
            <Textarea
              label={t('matching.live.endReason')}
              description={t('matching.live.endReasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              required
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEnding(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color={ending?.to === 'ended' ? 'red' : undefined}
              disabled={ending?.to === 'ended' && reason.trim().length < 3}
              loading={move.isPending}
              onClick={() =>
                ending &&
                move.mutate({
                  id: ending.id,
                  to: ending.to,
                  reason: ending.to === 'ended' ? reason : undefined,
                })
              }
            >
              {t(ending?.to === 'completed' ? 'matching.live.completeConfirm' : 'matching.live.endConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <HistoryModal pairingId={history} onClose={() => setHistory(null)} />
    </Card>
  );
}
