import { Card, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { ErrorAlert } from '../../app/ui';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { type Ending, EndPairingModal } from './EndPairingModal';
import { HistoryModal } from './History';
import { isLive, PairingRow } from './PairingRow';
import { useTransitionPairing, useUndoPairingEnd } from './queries';
import type { Overview } from './types';

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
