import { Alert, Anchor, Card, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { Thread } from '../difficulties/Thread';
import { type AnnouncementView, useAnnouncement, useReply } from './queries';

/** One announcement: its text; a recipient answers the coordination privately, the coordination reads every answer. */
export function AnnouncementPage() {
  const { announcementId = '' } = useParams();
  const { t } = useTranslation();
  const query = useAnnouncement(announcementId);
  usePageTitle(query.data?.title ?? t('announcements.tab'));
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <Announcement a={query.data} />;
}

function Announcement({ a }: { a: AnnouncementView }) {
  const { t } = useTranslation();
  const { instant } = useDates(a.programme.orgId);
  const message = useErrorMessage();
  const reply = useReply(a.id, { onError: (e) => notifications.show({ color: 'red', message: message(e) }) });
  const manager = a.counts !== null;
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        eyebrow={
          <Anchor component={Link} to={`/programmes/${a.programme.id}/annonces`} size="sm" c="dimmed">
            {a.programme.name}
          </Anchor>
        }
        title={a.title}
        description={`${a.author?.name ?? t('announcements.formerMember')} · ${t(`announcements.audience.${a.audience}`)} · ${instant(a.at, true)}`}
      />
      <Card withBorder padding="md">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{a.body}</Text>
        {a.link && (
          <Anchor href={a.link} target="_blank" rel="noopener noreferrer" mt="sm" display="block">
            {a.link}
          </Anchor>
        )}
      </Card>
      {a.counts && (
        <Text size="sm">
          {t('announcements.counts', {
            recipients: a.counts.recipients,
            read: a.counts.read,
            count: a.counts.replies,
          })}
        </Text>
      )}
      {(manager || a.actions.reply || a.replies.length > 0) && (
        <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
          <Text size="sm">
            {manager ? t('announcements.repliesPrivate') : t('announcements.replyPrivate')}
          </Text>
        </Alert>
      )}
      {(manager || a.actions.reply || a.replies.length > 0) && (
        <section aria-label={manager ? t('announcements.replies') : t('announcements.myReplies')}>
          <Thread
            messages={a.replies.map((r) => ({
              id: r.id,
              who: r.mine ? t('announcements.you') : (r.author?.name ?? t('announcements.formerMember')),
              mine: r.mine,
              body: r.erased ? null : r.body,
              when: instant(r.at, true),
            }))}
            canReply={a.actions.reply}
            sending={reply.isPending}
            onSend={(body, done) => reply.mutate(body, { onSuccess: done })}
            replyLabel={t('announcements.replyLabel')}
            replyHint={t('announcements.replyHint')}
            empty={manager ? t('announcements.noReplies') : t('announcements.noReplyYet')}
          />
        </section>
      )}
    </Stack>
  );
}
