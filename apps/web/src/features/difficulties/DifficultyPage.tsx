import { Alert, Badge, Card, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { CoordinationActions } from './CoordinationActions';
import { StateBadge } from './DifficultyList';
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
      <PageHeader
        eyebrow={
          d.programme?.name ??
          (d.from ? t('difficulties.fromOrganisation', { organisation: d.from }) : undefined)
        }
        title={t(`difficulties.category.${d.category}`)}
        badges={
          <>
            <StateBadge state={d.state} />
            <Badge variant="outline" color="gray" tt="none">
              {t(`difficulties.scope.${d.scope}`)}
            </Badge>
            {d.anonymised && (
              <Badge variant="light" color="grape" tt="none">
                {t('difficulties.anonymous')}
              </Badge>
            )}
          </>
        }
        description={
          d.mine
            ? t('difficulties.raisedByYou', { date: when(d.raised) })
            : d.author
              ? t('difficulties.raisedBy', { date: when(d.raised), author: d.author.name })
              : d.from
                ? t('difficulties.raisedFrom', { date: when(d.raised), organisation: d.from })
                : t('difficulties.raisedByAnonymous', { date: when(d.raised) })
        }
      />
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
      {d.forwards.length > 0 && (
        <section aria-labelledby="difficulty-forwards">
          <Title order={2} fz="md" mb="xs" id="difficulty-forwards">
            {t('difficulties.forwards')}
          </Title>
          <List size="sm" spacing={4}>
            {d.forwards.map((f) => (
              <List.Item key={f.organisation}>
                {t('difficulties.forwardedTo', {
                  organisation: f.organisation,
                  date: calendar(f.day),
                  state: t(`difficulties.state.${f.state}`),
                })}
              </List.Item>
            ))}
          </List>
        </section>
      )}
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
      <section aria-labelledby="difficulty-history">
        <Title order={2} fz="md" mb="xs" id="difficulty-history">
          {t('difficulties.history')}
        </Title>
        <List size="sm" spacing={4}>
          {d.history.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows, in order, and has no ids
            <List.Item key={i}>
              {when(h)} —{' '}
              {h.kind === 'raised'
                ? t('difficulties.event.raised')
                : h.kind === 'forwarded'
                  ? t('difficulties.event.forwarded', { organisation: h.organisation ?? '', by: h.by ?? '' })
                  : t('difficulties.event.state', { state: t(`difficulties.state.${h.to}`), by: h.by ?? '' })}
            </List.Item>
          ))}
        </List>
      </section>
    </Stack>
  );
}
