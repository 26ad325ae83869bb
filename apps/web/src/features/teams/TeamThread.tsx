import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { Loading } from '../../app/ui';
import { Thread } from '../difficulties/Thread';
import { type TeamPageView, useTeamThread, useWriteInTeam } from './queries';

/** The team's thread: every member writes and reads; the coordination does not read it. */
export function TeamThread({ team }: { team: TeamPageView }) {
  const { t } = useTranslation();
  const { instant } = useDates(team.orgId);
  const query = useTeamThread(team.id, team.actions.readThread);
  const message = useErrorMessage();
  const write = useWriteInTeam(team.id, {
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  return (
    <section aria-labelledby="team-thread">
      <Text id="team-thread" fw={600} fz="lg">
        {t('teams.thread.title')}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('teams.thread.help')}
      </Text>
      {!query.data ? (
        <Loading />
      ) : (
        <Thread
          messages={query.data.messages.map((m) => ({
            id: m.id,
            who: m.mine ? t('threads.you') : (m.author?.name ?? t('threads.formerMember')),
            mine: m.mine,
            body: m.erased ? null : m.body,
            when: instant(m.at, true),
          }))}
          canReply={query.data.open}
          sending={write.isPending}
          onSend={(body, done) => write.mutate(body, { onSuccess: done })}
          replyLabel={t('teams.thread.write')}
          empty={t('teams.thread.empty')}
        />
      )}
    </section>
  );
}
