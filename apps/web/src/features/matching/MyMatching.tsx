import { Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../app/ui';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { ChoiceRound } from './ChoiceRound';
import { HistoryModal } from './History';
import { MyPairingCard } from './MyPairingCard';
import { useMyPairingAction } from './queries';
import type { Mine } from './types';

/** A tutor's or tutee's own pairings, and the choice round when one is open for them. */
export function MyMatching({ programmeId, mine }: { programmeId: string; mine: Mine }) {
  const { t } = useProgrammeTranslation();
  const [history, setHistory] = useState<string | null>(null);
  const [repair, setRepair] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const act = useMyPairingAction(programmeId, {
    onSuccess: () => {
      setRepair(null);
      setReason('');
    },
  });
  return (
    <Stack gap="lg">
      {act.error ? <ErrorAlert error={act.error} /> : null}
      {mine.round && <ChoiceRound programmeId={programmeId} round={mine.round} />}
      <div>
        <Title order={2} fz="xl" mb="sm">
          {t('matching.mine.title')}
        </Title>
        {mine.pairings.length === 0 ? (
          <Text c="dimmed">{t('matching.mine.none')}</Text>
        ) : (
          <Stack gap="sm">
            {mine.pairings.map((p) => (
              <MyPairingCard
                key={p.id}
                p={p}
                onHistory={() => setHistory(p.id)}
                onRepair={() => setRepair(p.id)}
                onOptOut={() => act.mutate({ kind: 'optOut', id: p.id })}
              />
            ))}
          </Stack>
        )}
        {mine.participation.mode === 'first-n' && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('matching.mine.firstN', { n: mine.participation.firstN })}
          </Text>
        )}
      </div>
      <RepairModal
        opened={!!repair}
        reason={reason}
        onReason={setReason}
        pending={act.isPending}
        onSend={() => repair && act.mutate({ kind: 'repair', id: repair, reason })}
        onClose={() => setRepair(null)}
      />
      <HistoryModal pairingId={history} onClose={() => setHistory(null)} />
    </Stack>
  );
}

/** A new pairing asked for, with the reason the coordinator will read. */
function RepairModal({
  opened,
  reason,
  onReason,
  pending,
  onSend,
  onClose,
}: {
  opened: boolean;
  reason: string;
  onReason: (reason: string) => void;
  pending: boolean;
  onSend: () => void;
  onClose: () => void;
}) {
  const { t } = useProgrammeTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('matching.mine.askRepair')} centered>
      <Stack>
        <Text size="sm">{t('matching.mine.repairHelp')}</Text>
        <Textarea
          label={t('matching.mine.repairReason')}
          value={reason}
          onChange={(e) => onReason(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={reason.trim().length < 3} loading={pending} onClick={onSend}>
            {t('matching.mine.sendRepair')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
