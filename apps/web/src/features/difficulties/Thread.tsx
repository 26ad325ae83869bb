import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ThreadItem } from './ThreadItem';

export interface ThreadMessage {
  id: string;
  /** Who wrote it, as the viewer may know: a name, "you", "anonymous member". */
  who: string;
  mine: boolean;
  /** Null once erased with its writer's data. */
  body: string | null;
  when: string;
  /** What stands in for an emptied message, when not "erased". */
  goneLabel?: string;
  /** The viewer's actions on this message (delete, hide), under its text. */
  actions?: ReactNode;
}

/**
 * A conversation on a difficulty or a consultation: the messages, oldest first, the viewer's own on
 * the right, and the box to write the next one when the viewer may.
 */
export function Thread({
  messages,
  canReply,
  onSend,
  sending,
  replyLabel,
  replyHint,
  empty,
}: {
  messages: ThreadMessage[];
  canReply: boolean;
  onSend: (body: string, done: () => void) => void;
  sending: boolean;
  replyLabel: string;
  replyHint?: string;
  empty: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Stack gap="sm">
      {messages.length === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {messages.map((m) => (
          <ThreadItem key={m.id} m={m} />
        ))}
      </Stack>
      {canReply && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) onSend(text.trim(), () => setText(''));
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={replyLabel}
              description={replyHint}
              autosize
              minRows={3}
              maxLength={5000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={sending}
                disabled={!text.trim()}
                leftSection={<IconSend size={16} aria-hidden />}
              >
                {t('thread.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
