import { Badge, Button } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useThreadWith } from './queries';

/** On a tutor's or a tutee's card: write to them in the pair's thread, with what is unread. */
export function WriteLink({
  person,
  programmeId,
}: {
  person: { userId: string; name: string };
  programmeId: string;
}) {
  const { t } = useTranslation();
  const thread = useThreadWith(person.userId, programmeId);
  if (!thread) return null;
  return (
    <Button
      component={Link}
      to={`/echanges/${thread.pairingId}`}
      variant="light"
      size="sm"
      leftSection={<IconMessage size={16} aria-hidden />}
      rightSection={
        thread.unread > 0 ? (
          <Badge color="red" variant="filled" size="sm">
            {t('threads.home.unread', { count: thread.unread })}
          </Badge>
        ) : undefined
      }
    >
      {t('threads.home.write', { name: person.name })}
    </Button>
  );
}
