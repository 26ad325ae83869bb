import { Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import type { Ending } from './EndPairingModal';
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

export const isLive = (p: Pairing) => p.state === 'active' || p.state === 'paused';

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
export function PairingRow({ p, wide, undoing, onUndo, ...menu }: RowProps) {
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
