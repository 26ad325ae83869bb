import { Button, Checkbox, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import { ErrorAlert, Loading } from '../../app/ui';
import { useCharter, usePublishCharter } from './queries';

/** The charter's Markdown text, published as a new version; signed charters keep the version they signed. */
export function CharterEditor({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const q = useCharter(programmeId);
  const { instant } = useDates(q.data?.programme.orgId);
  const [body, setBody] = useState('');
  const [resign, setResign] = useState(false);
  useEffect(() => {
    if (q.data) setBody(q.data.current.body);
  }, [q.data]);
  const publish = usePublishCharter(programmeId, {
    onSuccess: (v) => {
      setResign(false);
      notifications.show({
        color: 'sauge',
        message: t('agreements.editor.published', { version: v.current.number }),
      });
    },
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const c = q.data;
  return (
    <section aria-labelledby="charter-editor">
      <Title order={2} fz="lg" id="charter-editor" mb="xs">
        {t('agreements.editor.title', { version: c.current.number })}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('agreements.editor.help')}
        </Text>
        <Textarea
          label={t('agreements.editor.text')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={12}
          maxRows={30}
          readOnly={!c.can.publish}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        />
        {c.can.publish && (
          <>
            <Checkbox
              label={t('agreements.editor.resign')}
              description={t('agreements.editor.resignHelp')}
              checked={resign}
              onChange={(e) => setResign(e.currentTarget.checked)}
            />
            {publish.error && <ErrorAlert error={publish.error} />}
            <Group>
              <Button
                disabled={body.trim() === c.current.body.trim()}
                loading={publish.isPending}
                onClick={() => publish.mutate({ body, resignRequired: resign })}
              >
                {t('agreements.editor.publish')}
              </Button>
            </Group>
          </>
        )}
        <Text size="xs" c="dimmed">
          {c.versions
            .map((v) =>
              t('agreements.editor.version', {
                version: v.number,
                date: instant(v.createdAt),
                author: v.author ?? t('agreements.editor.defaultAuthor'),
              }),
            )
            .join(' · ')}
        </Text>
      </Stack>
    </section>
  );
}
