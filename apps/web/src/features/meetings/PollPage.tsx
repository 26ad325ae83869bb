import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, usePageTitle } from '../../app/ui';
import { PollHeader } from './PollHeader';
import { PollOption } from './PollOption';
import { slotLabel, useAnswerPoll, usePoll } from './queries';

/**
 * The poll reached from an e-mail or SMS link, without signing in: one tap per proposed time, saved
 * at once. The link is the person's own; the page shows how many people answered, never who.
 */
export function PollPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  usePageTitle(t('meetings.poll.pageTitle'));
  const poll = usePoll(token);
  const answer = useAnswerPoll(token);

  if (!token || (poll.error instanceof ApiError && poll.error.status === 404)) {
    return (
      <Alert color="red" title={t('meetings.poll.invalidTitle')}>
        {t('meetings.poll.invalid')}
      </Alert>
    );
  }
  if (poll.error instanceof ApiError && poll.error.status === 410) {
    return (
      <Alert color="gray" title={t('meetings.poll.closedTitle')}>
        {t('meetings.poll.closed')}
      </Alert>
    );
  }
  if (poll.error) return <ErrorAlert error={poll.error} />;
  if (!poll.data) return <Loading />;
  const p = poll.data;
  const lang = i18n.language;
  return (
    <Stack gap="md">
      <PollHeader poll={p} />
      {p.status === 'confirmed' && p.confirmed && (
        <Alert color="sauge" title={t('meetings.poll.confirmedTitle')}>
          {slotLabel(p.confirmed.start, p.timeZone, lang, true)}
        </Alert>
      )}
      {p.status === 'polling' && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {p.options.map((o) => (
            <PollOption
              key={o.id}
              option={o}
              timeZone={p.timeZone}
              pending={
                answer.isPending && answer.variables?.optionId === o.id ? answer.variables.answer : null
              }
              onAnswer={(value) => answer.mutate({ optionId: o.id, answer: value })}
            />
          ))}
        </Stack>
      )}
      {answer.isSuccess && (
        <Text size="sm" c="sauge.8" role="status">
          {t('meetings.poll.saved')}
        </Text>
      )}
      {answer.error && <ErrorAlert error={answer.error} />}
      <Text size="xs" c="dimmed">
        {t('meetings.poll.private')}
      </Text>
    </Stack>
  );
}
