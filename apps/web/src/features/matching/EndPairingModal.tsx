import { Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import type { Overview } from './types';

/** The pairing the coordinator is about to end early or mark as completed. */
export type Ending = { id: string; to: 'ended' | 'completed' };

/**
 * Ending or completing a pairing, confirmed: who is told, the meetings cancelled, how long it may be
 * undone; an early end needs a reason.
 */
export function EndPairingModal({
  ending,
  target,
  reason,
  onReason,
  pending,
  onConfirm,
  onClose,
}: {
  ending: Ending | null;
  target: Overview['pairings'][number] | undefined;
  reason: string;
  onReason: (reason: string) => void;
  pending: boolean;
  onConfirm: (ending: Ending) => void;
  onClose: () => void;
}) {
  const { t } = useProgrammeTranslation();
  return (
    <Modal
      opened={!!ending}
      onClose={onClose}
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
            onChange={(e) => onReason(e.currentTarget.value)}
            autosize
            minRows={2}
            required
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={ending?.to === 'ended' ? 'red' : undefined}
            disabled={ending?.to === 'ended' && reason.trim().length < 3}
            loading={pending}
            onClick={() => ending && onConfirm(ending)}
          >
            {t(ending?.to === 'completed' ? 'matching.live.completeConfirm' : 'matching.live.endConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
