import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui';
import { Constraints } from './Constraints';
import { LivePairings } from './LivePairings';
import { MatchingSetup } from './MatchingSetup';
import { ProposalCard } from './ProposalCard';
import {
  useAssign,
  useCloseRound,
  useDiscardDraft,
  useLock,
  useOpenRound,
  useOverview,
  usePublishDraft,
  useRunMatching,
} from './queries';
import { SummaryTable } from './Summary';
import type { Mode, Overview, Weights } from './types';
import { UnpairedCard } from './UnpairedCard';
import { WeightsCard } from './WeightsCard';

/** The coordinator's matching screen: criteria, mode, draft review with explanations, publishing. */
export function CoordinatorMatching({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const overview = useOverview(programmeId, true);
  // Kept above the review: publishing ends the draft, and the review starts afresh.
  const [published, setPublished] = useState<number | null>(null);
  if (overview.error) return <ErrorAlert error={overview.error} />;
  if (!overview.data) return <Loading />;
  return (
    <>
      {published !== null && (
        <Alert color="sauge" variant="light" role="status" title={t('matching.published.title')} mb="lg">
          {t('matching.published.body', { count: published })}
        </Alert>
      )}
      <Review
        programmeId={programmeId}
        o={overview.data}
        key={overview.data.draft?.id ?? 'none'}
        onPublished={setPublished}
      />
    </>
  );
}

function Review({
  programmeId,
  o,
  onPublished,
}: {
  programmeId: string;
  o: Overview;
  onPublished: (n: number) => void;
}) {
  const { t } = useTranslation();
  // An open choice round sets the mode until the draft it leads to exists.
  const [mode, setMode] = useState<Mode>(
    o.draft?.mode ?? (o.round?.status === 'open' ? o.round.kind : o.defaultMode),
  );
  const [weights, setWeights] = useState<Weights>(o.weights);
  const [publishing, setPublishing] = useState(false);
  const run = useRunMatching(programmeId);
  const assign = useAssign(programmeId);
  const lock = useLock(programmeId);
  const publish = usePublishDraft(programmeId, {
    onSuccess: (r) => {
      onPublished(r.published);
      setPublishing(false);
    },
  });
  const discard = useDiscardDraft(programmeId);
  const closeRound = useCloseRound(programmeId);
  const [deadline, setDeadline] = useState('');
  const openRound = useOpenRound(programmeId);
  const error =
    run.error ??
    assign.error ??
    lock.error ??
    publish.error ??
    discard.error ??
    closeRound.error ??
    openRound.error;
  const draft = o.draft;
  const placesLeft = (id: string) => {
    const tu = o.tutors.find((x) => x.userId === id);
    return tu ? tu.capacity - tu.live - tu.proposed : 0;
  };

  return (
    <Stack gap="lg">
      {error ? <ErrorAlert error={error} /> : null}
      <MatchingSetup
        o={o}
        mode={mode}
        onMode={setMode}
        deadline={deadline}
        onDeadline={setDeadline}
        onCloseRound={() => closeRound.mutate(undefined)}
        closing={closeRound.isPending}
        onOpenRound={(at) =>
          openRound.mutate({ kind: mode === 'tutor-choice' ? 'tutor-choice' : 'tutee-choice', deadline: at })
        }
        opening={openRound.isPending}
      />

      <WeightsCard
        weights={weights}
        onWeights={setWeights}
        canRun={mode !== 'tutee-choice' || o.round?.status !== 'open'}
        onRun={() => run.mutate({ mode, weights })}
        running={run.isPending}
        rerun={!!draft}
      />

      {draft && (
        <>
          <SummaryTable summary={draft.summary} baseline={draft.baseline} />
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Title order={2} fz="xl">
                {t('matching.draft.title', { count: draft.proposals.length })}
              </Title>
              <Group gap="xs">
                <Button
                  variant="subtle"
                  color="gray"
                  onClick={() => discard.mutate(undefined)}
                  loading={discard.isPending}
                >
                  {t('matching.actions.discard')}
                </Button>
                <Button
                  onClick={() => setPublishing(true)}
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
                onMove={(tutorId) => assign.mutate({ tuteeId: p.tuteeId, tutorId })}
                onLock={() => lock.mutate({ tuteeId: p.tuteeId, locked: !p.locked })}
              />
            ))}
          </Stack>
        </>
      )}

      <UnpairedCard
        o={o}
        placesLeft={placesLeft}
        onAssign={(tuteeId, tutorId) => assign.mutate({ tuteeId, tutorId })}
      />

      <LivePairings programmeId={programmeId} o={o} />

      <Constraints programmeId={programmeId} o={o} />

      <Modal
        opened={publishing}
        onClose={() => setPublishing(false)}
        title={t('matching.publish.title')}
        centered
      >
        <Stack>
          <Text>{t('matching.publish.body', { count: draft?.proposals.length ?? 0 })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPublishing(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => publish.mutate(undefined)} loading={publish.isPending}>
              {t('matching.publish.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
