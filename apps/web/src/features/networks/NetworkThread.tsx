import { Button, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { Loading } from '../../app/ui';
import { Thread } from '../difficulties/Thread';
import {
  type NetworkView,
  type NetworkThread as ThreadView,
  useDeleteNetworkMessage,
  useHideNetworkMessage,
  useNetworkThread,
  useWriteInNetwork,
} from './queries';

/**
 * The network's thread: each message with its author's name, team and organisation. Nobody is
 * e-mailed per message; the unread count shows in the list of networks and the navigation.
 */
export function NetworkThread({ n }: { n: NetworkView }) {
  const { t, i18n } = useTranslation();
  const [before, setBefore] = useState<string | undefined>(undefined);
  const query = useNetworkThread(n.id, before);
  const message = useErrorMessage();
  const onError = (e: unknown) => notifications.show({ color: 'red', message: message(e) });
  const write = useWriteInNetwork(n.id, { onSuccess: () => setBefore(undefined), onError });
  const remove = useDeleteNetworkMessage(n.id, { onError });
  const hide = useHideNetworkMessage(n.id, { onError });
  const actionsOf = (m: ThreadView['messages'][number]) =>
    m.actions.delete || m.actions.hide ? (
      <Group gap="xs" mt={4} justify="flex-end">
        {m.actions.delete && (
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => remove.mutate(m.id)}>
            {t('networks.thread.delete')}
          </Button>
        )}
        {m.actions.hide && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => hide.mutate(m.id)}>
            {t('networks.thread.hide')}
          </Button>
        )}
      </Group>
    ) : undefined;
  const who = (m: ThreadView['messages'][number]) => {
    if (!m.author) return t('threads.formerMember');
    const name = m.mine ? t('threads.you') : m.author.name;
    return `${name} · ${[m.author.team, m.author.organisation].filter(Boolean).join(', ')}`;
  };
  return (
    <section aria-labelledby="network-thread">
      <Title order={2} fz={20} id="network-thread">
        {t('networks.thread.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('networks.thread.help')}
      </Text>
      {!query.data ? (
        <Loading />
      ) : (
        <>
          {(query.data.more || before) && (
            <Group mb="sm" gap="sm">
              {query.data.more && (
                <Button size="xs" variant="default" onClick={() => setBefore(query.data.messages[0]?.id)}>
                  {t('networks.thread.earlier')}
                </Button>
              )}
              {before && (
                <Button size="xs" variant="subtle" onClick={() => setBefore(undefined)}>
                  {t('networks.thread.latest')}
                </Button>
              )}
            </Group>
          )}
          <Thread
            messages={query.data.messages.map((m) => ({
              id: m.id,
              who: who(m),
              mine: m.mine,
              body: m.erased || m.hidden ? null : m.body,
              goneLabel: m.hidden ? t('networks.thread.hidden') : t('networks.thread.deleted'),
              when: formatInstant(m.at, n.timeZone, i18n.language, true),
              actions: actionsOf(m),
            }))}
            canReply={query.data.open && !before}
            sending={write.isPending}
            onSend={(body, done) => write.mutate(body, { onSuccess: done })}
            replyLabel={t('networks.thread.write')}
            empty={t('networks.thread.empty')}
          />
        </>
      )}
    </section>
  );
}
