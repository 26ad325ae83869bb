import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { ProposalCard } from './ProposalCard';
import type { Overview } from './types';

/** The draft's proposals, each with why and what moving it costs; discarded or published as a whole. */
export function DraftReview({
  o,
  placesLeft,
  onDiscard,
  discarding,
  onPublish,
  onMove,
  onLock,
}: {
  o: Overview;
  placesLeft: (tutorId: string) => number;
  onDiscard: () => void;
  discarding: boolean;
  onPublish: () => void;
  onMove: (tuteeId: string, tutorId: string | null) => void;
  onLock: (tuteeId: string, locked: boolean) => void;
}) {
  const { t } = useProgrammeTranslation();
  const draft = o.draft;
  if (!draft) return null;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} fz="xl">
          {t('matching.draft.title', { count: draft.proposals.length })}
        </Title>
        <Group gap="xs">
          <Button variant="subtle" color="gray" onClick={onDiscard} loading={discarding}>
            {t('matching.actions.discard')}
          </Button>
          <Button
            onClick={onPublish}
            disabled={!o.actions.publish}
            leftSection={<IconSend size={18} aria-hidden />}
          >
            {t('matching.actions.publish')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('matching.draft.help')}
      </Text>
      {draft.proposals.map((p) => (
        <ProposalCard
          key={p.pairingId}
          p={p}
          tutors={o.tutors.map((x) => ({
            value: x.userId,
            label: `${x.name} (${Math.max(0, placesLeft(x.userId))} ${t('matching.placesShort')})`,
          }))}
          onMove={(tutorId) => onMove(p.tuteeId, tutorId)}
          onLock={() => onLock(p.tuteeId, !p.locked)}
        />
      ))}
    </Stack>
  );
}

/** Publishing confirmed: how many pairings are published, and that their people are told. */
export function PublishModal({
  opened,
  count,
  onClose,
  onConfirm,
  pending,
}: {
  opened: boolean;
  count: number;
  onClose: () => void;
  onConfirm: () => void;
  pending: boolean;
}) {
  const { t } = useProgrammeTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('matching.publish.title')} centered>
      <Stack>
        <Text>{t('matching.publish.body', { count })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={pending}>
            {t('matching.publish.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
