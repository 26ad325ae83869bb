import { Alert, Stack } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { Constraints } from './Constraints';
import { DraftReview, PublishModal } from './DraftReview';
import { LivePairings } from './LivePairings';
import { MatchingSetup } from './MatchingSetup';
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
  const { t } = useProgrammeTranslation();
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

/** A tutor's places left once their live pairings and the draft's proposals are counted. */
const placesLeftIn = (o: Overview) => (id: string) => {
  const tu = o.tutors.find((x) => x.userId === id);
  return tu ? tu.capacity - tu.live - tu.proposed : 0;
};

/** Every change the review makes, and the first refusal among them, shown above the review. */
function useReviewActions(programmeId: string, onPublished: (n: number) => void) {
  const [publishing, setPublishing] = useState(false);
  const actions = {
    run: useRunMatching(programmeId),
    assign: useAssign(programmeId),
    lock: useLock(programmeId),
    publish: usePublishDraft(programmeId, {
      onSuccess: (r) => {
        onPublished(r.published);
        setPublishing(false);
      },
    }),
    discard: useDiscardDraft(programmeId),
    closeRound: useCloseRound(programmeId),
    openRound: useOpenRound(programmeId),
  };
  const error = Object.values(actions).find((a) => a.error)?.error ?? null;
  return { ...actions, error, publishing, setPublishing };
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
  // An open choice round sets the mode until the draft it leads to exists.
  const [mode, setMode] = useState<Mode>(
    o.draft?.mode ?? (o.round?.status === 'open' ? o.round.kind : o.defaultMode),
  );
  const [weights, setWeights] = useState<Weights>(o.weights);
  const [deadline, setDeadline] = useState('');
  const { run, assign, lock, publish, discard, closeRound, openRound, error, publishing, setPublishing } =
    useReviewActions(programmeId, onPublished);
  const draft = o.draft;
  const placesLeft = placesLeftIn(o);

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

      {draft && <SummaryTable summary={draft.summary} baseline={draft.baseline} />}
      <DraftReview
        o={o}
        placesLeft={placesLeft}
        onDiscard={() => discard.mutate(undefined)}
        discarding={discard.isPending}
        onPublish={() => setPublishing(true)}
        onMove={(tuteeId, tutorId) => assign.mutate({ tuteeId, tutorId })}
        onLock={(tuteeId, locked) => lock.mutate({ tuteeId, locked })}
      />

      <UnpairedCard
        o={o}
        placesLeft={placesLeft}
        onAssign={(tuteeId, tutorId) => assign.mutate({ tuteeId, tutorId })}
      />

      <LivePairings programmeId={programmeId} o={o} />

      <Constraints programmeId={programmeId} o={o} />

      <PublishModal
        opened={publishing}
        count={draft?.proposals.length ?? 0}
        onClose={() => setPublishing(false)}
        onConfirm={() => publish.mutate(undefined)}
        pending={publish.isPending}
      />
    </Stack>
  );
}
