import {
  Badge,
  Button,
  Card,
  Group,
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
import { useTransitionPairing } from './queries';
import { reasonsLine } from './reasons';
import type { Overview } from './types';

export const stateColor: Record<string, string> = {
  active: 'sauge',
  paused: 'yellow',
  completed: 'blue',
  ended: 'gray',
};

/** Published pairings and their lifecycle: pause, resume, complete, end early with a reason. */
export function LivePairings({ programmeId, o }: { programmeId: string; o: Overview }) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState<string | null>(null);
  const move = useTransitionPairing(programmeId, {
    onSuccess: () => {
      setEnding(null);
      setReason('');
    },
  });
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
                        <Menu.Item onClick={() => move.mutate({ id: p.id, to: 'completed' })}>
                          {t('matching.live.complete')}
                        </Menu.Item>
                      )}
                      {p.actions.end && (
                        <Menu.Item color="red" onClick={() => setEnding(p.id)}>
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
      <Modal opened={!!ending} onClose={() => setEnding(null)} title={t('matching.live.endTitle')} centered>
        <Stack>
          <Textarea
            label={t('matching.live.endReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEnding(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={reason.trim().length < 3}
              loading={move.isPending}
              onClick={() => ending && move.mutate({ id: ending, to: 'ended', reason })}
            >
              {t('matching.live.endConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <HistoryModal pairingId={history} onClose={() => setHistory(null)} />
    </Card>
  );
}
