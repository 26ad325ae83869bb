import { Badge, Button, Card, Group, Menu, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../app/ui';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { type Ending, EndPairingModal } from './EndPairingModal';
import { HistoryModal } from './History';
import { useTransitionPairing, useUndoPairingEnd } from './queries';
import { reasonsText } from './reasons';
import type { Overview } from './types';

type Pairing = Overview['pairings'][number];

const formatTime = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

export const stateColor: Record<string, string> = {
  active: 'sauge',
  paused: 'yellow',
  completed: 'blue',
  ended: 'gray',
};

const isLive = (p: Pairing) => p.state === 'active' || p.state === 'paused';

/** Published pairings and their lifecycle: pause, resume, complete, end early with a reason. */
export function LivePairings({ programmeId, o }: { programmeId: string; o: Overview }) {
  const { t } = useProgrammeTranslation();
  const [ending, setEnding] = useState<Ending | null>(null);
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState<string | null>(null);
  const move = useTransitionPairing(programmeId, {
    onSuccess: () => {
      setEnding(null);
      setReason('');
    },
  });
  const undo = useUndoPairingEnd(programmeId);
  // On a phone the table fits the screen (the tutor under the tutee, the reasons under the state): a
  // table scrolled sideways to reach a row's menu or undo button hides whose pair it is.
  const wide = useMediaQuery('(min-width: 48em)', undefined, { getInitialValueInEffect: false });
  if (o.pairings.length === 0) return null;
  const requested = o.pairings.filter((p) => p.repairRequested && isLive(p));
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
      <Table.ScrollContainer minWidth={wide ? 560 : 0}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('matching.live.tutee')}</Table.Th>
              {wide && <Table.Th scope="col">{t('matching.live.tutor')}</Table.Th>}
              <Table.Th scope="col">{t('matching.live.state')}</Table.Th>
              {wide && <Table.Th scope="col">{t('matching.live.why')}</Table.Th>}
              <Table.Th scope="col">
                <VisuallyHidden>{t('matching.live.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.pairings.slice(0, 200).map((p) => (
              <PairingRow
                key={p.id}
                p={p}
                wide={wide}
                undoing={undo.isPending && undo.variables === p.id}
                onUndo={() => undo.mutate(p.id)}
                onHistory={() => setHistory(p.id)}
                onMove={(to) => move.mutate({ id: p.id, to })}
                onEnd={(to) => setEnding({ id: p.id, to })}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <EndPairingModal
        ending={ending}
        target={ending ? o.pairings.find((p) => p.id === ending.id) : undefined}
        reason={reason}
        onReason={setReason}
        pending={move.isPending}
        onConfirm={(e) => move.mutate({ ...e, reason: e.to === 'ended' ? reason : undefined })}
        onClose={() => setEnding(null)}
      />
      <HistoryModal pairingId={history} onClose={() => setHistory(null)} />
    </Card>
  );
}

type RowProps = {
  p: Pairing;
  /** A screen wide enough for the reasons' own column. */
  wide: boolean;
  undoing: boolean;
  onUndo: () => void;
  onHistory: () => void;
  onMove: (to: 'paused' | 'active') => void;
  onEnd: (to: Ending['to']) => void;
};

/** One published pairing: its people, its state, why it was made and what may be done with it. */
function PairingRow({ p, wide, undoing, onUndo, ...menu }: RowProps) {
  const { t } = useProgrammeTranslation();
  const reasons = reasonsText(t, p.reasons, { as: 'coordinator', tutee: p.tuteeName, tutor: p.tutorName });
  return (
    <Table.Tr>
      <Table.Td>
        {p.tuteeName}
        {!wide && (
          <Text size="xs" c="dimmed">
            {t('matching.live.withTutor', { name: p.tutorName })}
          </Text>
        )}
      </Table.Td>
      {wide && <Table.Td>{p.tutorName}</Table.Td>}
      <Table.Td>
        <PairingState p={p} undoing={undoing} onUndo={onUndo} />
        {!wide && (
          <Text size="xs" mt={4}>
            {reasons}
          </Text>
        )}
      </Table.Td>
      {wide && (
        <Table.Td>
          <Text size="xs">{reasons}</Text>
        </Table.Td>
      )}
      <Table.Td>
        <PairingMenu p={p} {...menu} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The pairing's state, a new pairing asked for, why it ended and the button that takes the end back. */
function PairingState({ p, undoing, onUndo }: { p: Pairing; undoing: boolean; onUndo: () => void }) {
  const { t, i18n } = useProgrammeTranslation();
  return (
    <>
      <Group gap={4}>
        <Badge color={stateColor[p.state] ?? 'gray'} variant="light" tt="none">
          {t(`matching.state.${p.state}`)}
        </Badge>
        {p.repairRequested && isLive(p) && (
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
        <Button mt={4} size="compact-xs" variant="light" loading={undoing} onClick={onUndo}>
          {t('matching.live.undo', { time: formatTime(p.undoUntil, i18n.language) })}
        </Button>
      )}
    </>
  );
}

/** What the coordinator may do with a pairing: its history, and the moves its state allows. */
function PairingMenu({ p, onHistory, onMove, onEnd }: Omit<RowProps, 'wide' | 'undoing' | 'onUndo'>) {
  const { t } = useProgrammeTranslation();
  return (
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
        <Menu.Item onClick={onHistory}>{t('matching.history.open')}</Menu.Item>
        {p.actions.pause && (
          <Menu.Item onClick={() => onMove('paused')}>{t('matching.live.pause')}</Menu.Item>
        )}
        {p.actions.resume && (
          <Menu.Item onClick={() => onMove('active')}>{t('matching.live.resume')}</Menu.Item>
        )}
        {p.actions.complete && (
          <Menu.Item onClick={() => onEnd('completed')}>{t('matching.live.complete')}</Menu.Item>
        )}
        {p.actions.end && (
          <Menu.Item color="red" onClick={() => onEnd('ended')}>
            {t('matching.live.end')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
