import {
  Alert,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorMessage } from '../../app/errors';
import classes from './imports.module.css';
import { useSendImportInvitations } from './queries';
import type { CommitResult, ImportPreview } from './types';

/** The import being written: how many people. */
export function ImportProgress({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Stack gap="sm" role="status" aria-live="polite">
        <Title order={2} fz="lg">
          {t('imports.progress.title')}
        </Title>
        <Text size="sm">
          {t('imports.progress.body', { count: preview.counts.new + preview.counts.updated })}
        </Text>
        <Progress value={100} animated striped aria-label={t('imports.progress.title')} />
      </Stack>
    </Card>
  );
}

/** What the import did: people created, updated, unchanged, invited; the invitations left for later. */
export function ImportResult({
  programmeId,
  importId,
  result,
  onAnother,
}: {
  programmeId: string;
  importId: string | undefined;
  result: CommitResult;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card>
      <Stack gap="lg">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
            <IconCircleCheck size={26} />
          </ThemeIcon>
          <Stack gap={2} role="status">
            <Title order={2} fz="lg">
              {t('imports.result.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('imports.result.body')}
            </Text>
          </Stack>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {(['created', 'updated', 'unchanged', 'invited'] as const).map((k) => (
            <Card key={k} padding="md" className={classes.stat} data-testid={`result-${k}`}>
              <Text fz={26} fw={700} lh={1.1}>
                {result[k]}
              </Text>
              <Text size="sm" c="dimmed">
                {t(`imports.result.${k}`, { count: result[k] })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        {result.invited > 0 && (
          <Text size="sm">{t('imports.result.invitedNote', { count: result.invited })}</Text>
        )}
        {importId && result.notInvited > 0 && (
          <LaterInvitations programmeId={programmeId} importId={importId} count={result.notInvited} />
        )}
        <Group gap="sm">
          <Button component={Link} to={`/programmes/${programmeId}`}>
            {t('imports.result.seePeople')}
          </Button>
          <Button variant="default" onClick={onAnother}>
            {t('imports.result.another')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The invitations an import left for later, sent in one go from its result. */
function LaterInvitations({
  programmeId,
  importId,
  count,
}: {
  programmeId: string;
  importId: string;
  count: number;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const send = useSendImportInvitations(programmeId, importId);
  if (send.data) {
    return (
      <Text size="sm" role="status">
        {t('imports.result.sent', { count: send.data.invited })}
      </Text>
    );
  }
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm">{t('imports.result.notInvitedNote', { count })}</Text>
      {send.error && (
        <Alert color="red" variant="light" role="alert">
          {message(send.error)}
        </Alert>
      )}
      <Button
        variant="light"
        leftSection={<IconMailForward size={16} aria-hidden />}
        loading={send.isPending}
        onClick={() => send.mutate()}
      >
        {t('imports.result.sendInvitations', { count })}
      </Button>
    </Stack>
  );
}
