import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, NotFound, usePageTitle } from '../../app/ui';
import { CoordinationActions } from './CoordinationActions';
import { DifficultyForwards } from './DifficultyForwards';
import { DifficultyHeader } from './DifficultyHeader';
import { DifficultyHistory } from './DifficultyHistory';
import { type DifficultyView, useDifficulty, useReply } from './queries';
import { Thread } from './Thread';

/** One difficulty: what was raised, how far it is, the conversation, and the coordination's steps. */
export function DifficultyPage() {
  const { difficultyId = '' } = useParams();
  const { t } = useTranslation();
  const query = useDifficulty(difficultyId);
  const d = query.data;
  usePageTitle(d ? t(`difficulties.category.${d.category}`) : undefined);
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!d) return <Loading />;
  return <Difficulty d={d} />;
}

function Difficulty({ d }: { d: DifficultyView }) {
  const { t } = useTranslation();
  const { calendar, instant } = useDates(d.orgId);
  const message = useErrorMessage();
  const when = (m: { day: string; at: string | null }) => (m.at ? instant(m.at, true) : calendar(m.day));
  const reply = useReply(d.id, { onError: (e) => notifications.show({ color: 'red', message: message(e) }) });
  const anonymousAuthor = d.mine && d.anonymised;
  return (
    <Stack gap="lg" maw={860}>
      <DifficultyHeader d={d} when={when} />
      {anonymousAuthor && (
        <Alert color="grape" variant="light">
          {t('difficulties.anonymousForYou')}
        </Alert>
      )}
      {!d.mine && d.anonymised && !d.from && (
        <Alert color="grape" variant="light">
          {t('difficulties.anonymousForCoordination')}
        </Alert>
      )}
      <CoordinationActions d={d} />
      {d.state === 'closed' && d.closingNote && (
        <Alert
          color="sauge"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title={t('difficulties.closingNote')}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {d.closingNote}
          </Text>
        </Alert>
      )}
      <Card withBorder radius="md" component="section" aria-labelledby="difficulty-description">
        <Title order={2} fz="md" mb="xs" id="difficulty-description">
          {t('difficulties.description')}
        </Title>
        {d.description === null ? (
          <Text size="sm" fs="italic" c="dimmed">
            {t('difficulties.descriptionErased')}
          </Text>
        ) : (
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{d.description}</Text>
        )}
      </Card>
      {d.forwards.length > 0 && <DifficultyForwards forwards={d.forwards} calendar={calendar} />}
      {!d.from && (
        <section aria-labelledby="difficulty-thread">
          <Title order={2} fz="md" mb="xs" id="difficulty-thread">
            {t('difficulties.thread')}
          </Title>
          <Thread
            messages={d.thread.map((m) => ({
              id: m.id,
              who: m.mine
                ? t('difficulties.you')
                : (m.author ??
                  (m.side === 'author' ? t('difficulties.anonymousMember') : t('difficulties.coordination'))),
              mine: m.mine,
              body: m.body,
              when: when(m),
            }))}
            canReply={d.actions.reply}
            sending={reply.isPending}
            onSend={(body, done) => reply.mutate(body, { onSuccess: done })}
            replyLabel={t('difficulties.replyLabel')}
            replyHint={anonymousAuthor ? t('difficulties.replyAnonymous') : undefined}
            empty={t('difficulties.threadEmpty')}
          />
        </section>
      )}
      <DifficultyHistory history={d.history} when={when} />
    </Stack>
  );
}
