import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowForwardUp, IconCheck, IconEye, IconProgress } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors';
import { CloseDifficultyModal } from './CloseDifficultyModal';
import { ForwardDifficultyModal } from './ForwardDifficultyModal';
import { type DifficultyState, type DifficultyView, useForward, useMoveState } from './queries';

const stepIcon = { acknowledged: IconEye, in_progress: IconProgress, closed: IconCheck } as const;

/** The coordination's steps on a difficulty: move it on, close it with a note, forward it. */
export function CoordinationActions({ d }: { d: DifficultyView }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [dialog, setDialog] = useState<'close' | 'forward' | null>(null);
  const onError = (e: unknown) => notifications.show({ color: 'red', message: message(e) });
  const move = useMoveState(d.id, {
    onSuccess: (_, v) => {
      notifications.show({ color: 'sauge', message: t(`difficulties.moved.${v.to}`) });
      setDialog(null);
    },
    onError,
  });
  const forward = useForward(d.id, {
    onSuccess: () => {
      notifications.show({ color: 'sauge', message: t('difficulties.forward.done') });
      setDialog(null);
    },
    onError,
  });
  if (d.actions.moveTo.length === 0 && !d.actions.forward) return null;
  // The next step first; closing is always offered once the difficulty is not closed.
  const steps = d.actions.moveTo.filter((s) => s !== 'closed').slice(0, 1) as DifficultyState[];
  return (
    <Group gap="xs" wrap="wrap">
      {steps.map((s) => {
        const Icon = stepIcon[s as keyof typeof stepIcon];
        return (
          <Button
            key={s}
            size="sm"
            leftSection={<Icon size={16} aria-hidden />}
            loading={move.isPending}
            onClick={() => move.mutate({ to: s })}
          >
            {t(`difficulties.moveTo.${s}`)}
          </Button>
        );
      })}
      {d.actions.moveTo.includes('closed') && (
        <Button
          size="sm"
          variant="light"
          leftSection={<IconCheck size={16} aria-hidden />}
          onClick={() => setDialog('close')}
        >
          {t('difficulties.moveTo.closed')}
        </Button>
      )}
      {d.actions.forward && (
        <Button
          size="sm"
          variant="subtle"
          leftSection={<IconArrowForwardUp size={16} aria-hidden />}
          onClick={() => setDialog('forward')}
          disabled={d.forwardTargets.length === 0}
        >
          {t('difficulties.forward.open')}
        </Button>
      )}

      <CloseDifficultyModal opened={dialog === 'close'} onClose={() => setDialog(null)} move={move} />

      <ForwardDifficultyModal
        d={d}
        opened={dialog === 'forward'}
        onClose={() => setDialog(null)}
        forward={forward}
      />
    </Group>
  );
}
