import { Alert, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { Thread } from '../difficulties/Thread';
import { type ThreadView, useThread, useWrite } from './queries';

/** What a tutee and their tutor write to each other: the two of them only, at any time while the pair lasts. */
export function ThreadPage() {
  const { pairingId = '' } = useParams();
  const { t } = useTranslation();
  const query = useThread(pairingId);
  usePageTitle(query.data ? t('threads.title', { name: query.data.other.name }) : undefined);
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <PairThread v={query.data} />;
}

function PairThread({ v }: { v: ThreadView }) {
  const { t } = useTranslation();
  const { instant } = useDates(v.orgId);
  const message = useErrorMessage();
  const write = useWrite(v.pairingId, {
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        eyebrow={v.programme.name}
        title={t('threads.title', { name: v.other.name })}
        description={t('threads.intro', { name: v.other.name })}
      />
      <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
        <Text size="sm">{t('threads.private', { name: v.other.name })}</Text>
      </Alert>
      {!v.open && (
        <Alert variant="light" color="yellow">
          {t('threads.closed')}
        </Alert>
      )}
      <section aria-label={t('threads.messages')}>
        <Thread
          messages={v.messages.map((m) => ({
            id: m.id,
            who: m.mine ? t('threads.you') : (m.author?.name ?? t('threads.formerMember')),
            mine: m.mine,
            body: m.erased ? null : m.body,
            when: instant(m.at, true),
          }))}
          canReply={v.open}
          sending={write.isPending}
          onSend={(body, done) => write.mutate(body, { onSuccess: done })}
          replyLabel={t('threads.writeLabel', { name: v.other.name })}
          replyHint={t('threads.writeHint', { name: v.other.name })}
          empty={t('threads.empty', { name: v.other.name })}
        />
      </section>
    </Stack>
  );
}
