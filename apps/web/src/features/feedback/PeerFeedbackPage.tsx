import { Alert, Button, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { type PeerFeedbackView, type Ratings, useAnswerPeer, usePeerRequest } from './queries';
import { SkillGrid } from './SkillGrid';

/** A request for peer feedback: the teammate asked answers it; the asker reads the answer. */
export function PeerFeedbackPage() {
  const { peerRequestId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('feedback.peers.pageTitle'));
  const query = usePeerRequest(peerRequestId);
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <Peer r={query.data} />;
}

function Peer({ r }: { r: PeerFeedbackView }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [ratings, setRatings] = useState<Ratings>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const answer = useAnswerPeer(r.id, {
    onSuccess: () => notifications.show({ color: 'sauge', message: t('feedback.peers.thanks') }),
    onError: (e) => setError(message(e)),
  });
  const asker = r.standing === 'asker';
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title={
          asker
            ? t('feedback.peers.fromTitle', { name: r.peer })
            : t('feedback.peers.forTitle', { name: r.asker })
        }
      />
      <Alert color="ardoise" variant="light" icon={<IconLock aria-hidden />}>
        {asker ? t('feedback.peers.askerReads') : t('feedback.peers.peerWrites', { name: r.asker })}
      </Alert>
      {r.ratings ? (
        <>
          <SkillGrid value={r.ratings} readOnly />
          {r.comment && <Text style={{ whiteSpace: 'pre-wrap' }}>{r.comment}</Text>}
        </>
      ) : asker ? (
        <Text c="dimmed">{t('feedback.peers.notYet', { name: r.peer })}</Text>
      ) : (
        <>
          <SkillGrid value={ratings} onChange={setRatings} />
          <Textarea
            label={t('feedback.peers.comment')}
            autosize
            minRows={3}
            maxLength={3000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            loading={answer.isPending}
            onClick={() => {
              setError(null);
              answer.mutate({ ratings, comment });
            }}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('feedback.peers.send')}
          </Button>
        </>
      )}
    </Stack>
  );
}
