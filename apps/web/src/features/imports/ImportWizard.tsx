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
import type { FileWithPath } from '@mantine/dropzone';
import { IconCircleCheck, IconLock, IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorMessage } from '../../app/errors';
import { useProgrammeContext } from '../programmes/context';
import { uploadImport, useCommitImport, useSendImportInvitations } from './api';
import classes from './imports.module.css';
import { PreviewStep } from './PreviewStep';
import { Steps } from './Steps';
import type { ColumnChoice, ColumnChoices, CommitResult, ImportPreview } from './types';
import { type ImportableRole, UploadStep } from './UploadStep';

/** File → preview with every problem → confirm → progress → what was done. Nothing is written before "confirm". */
export function ImportWizard() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const message = useErrorMessage();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<CommitResult | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [file, setFile] = useState<FileWithPath | null>(null);
  const [choices, setChoices] = useState<ColumnChoices>({});
  const [defaultRole, setDefaultRole] = useState<ImportableRole | ''>('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const commit = useCommitImport(programme.id, { onSuccess: (r) => setResult(r) });
  const restart = () => {
    setPreview(null);
    setResult(null);
    setFile(null);
    setChoices({});
    setError(null);
    commit.reset();
    setAttempt((a) => a + 1);
  };

  /** Sends the file with the columns chosen so far; the answer is a preview or the file's problems. */
  const send = async (f: FileWithPath, chosen: ColumnChoices) => {
    setError(null);
    setProgress(0);
    const form = new FormData();
    if (defaultRole) form.append('defaultRole', defaultRole);
    if (Object.keys(chosen).length > 0) form.append('columns', JSON.stringify(chosen));
    form.append('file', f, f.name);
    try {
      setPreview(await uploadImport(programme.id, form, setProgress));
    } catch (e) {
      setPreview(null);
      setError(e);
    } finally {
      setProgress(null);
    }
  };
  const chooseFile = (f: FileWithPath) => {
    setFile(f);
    setChoices({});
    void send(f, {});
  };
  const choose = (header: string, choice: ColumnChoice) => {
    if (!file) return;
    const next = { ...choices, [header]: choice };
    setChoices(next);
    void send(file, next);
  };

  if (!programme.actions.import) {
    return (
      <Alert variant="light" color="gray" icon={<IconLock aria-hidden />}>
        {t('imports.notAllowed')}
      </Alert>
    );
  }
  const step = result ? 3 : commit.isPending ? 2 : preview ? 1 : 0;
  const labels = [
    t('imports.steps.file'),
    t('imports.steps.check'),
    t('imports.steps.import'),
    t('imports.steps.done'),
  ];

  return (
    <Stack gap="lg">
      <Steps current={step} labels={labels} />
      {step === 0 && (
        <UploadStep
          key={attempt}
          programme={programme}
          defaultRole={defaultRole}
          onDefaultRole={setDefaultRole}
          onFile={chooseFile}
          onChoose={choose}
          onReject={setError}
          progress={progress}
          error={error}
          filename={file?.name ?? ''}
        />
      )}
      {step === 1 && preview && (
        <>
          {commit.error && (
            <Alert color="red" variant="light" role="alert">
              {message(commit.error)}
            </Alert>
          )}
          <PreviewStep
            programme={programme}
            preview={preview}
            onBack={restart}
            onChoose={choose}
            updating={progress !== null}
            onCommit={(invite) => commit.mutate({ preview, invite })}
          />
        </>
      )}
      {step === 2 && preview && (
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
      )}
      {step === 3 && result && (
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
            {preview && result.notInvited > 0 && (
              <LaterInvitations programmeId={programme.id} importId={preview.id} count={result.notInvited} />
            )}
            <Group gap="sm">
              <Button component={Link} to={`/programmes/${programme.id}`}>
                {t('imports.result.seePeople')}
              </Button>
              <Button variant="default" onClick={restart}>
                {t('imports.result.another')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
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
