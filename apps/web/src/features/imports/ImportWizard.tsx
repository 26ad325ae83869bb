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
import { IconCircleCheck, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorMessage } from '../../app/errors';
import { useProgrammeContext } from '../programmes/context';
import { useCommitImport } from './api';
import classes from './imports.module.css';
import { PreviewStep } from './PreviewStep';
import { Steps } from './Steps';
import type { CommitResult, ImportPreview } from './types';
import { UploadStep } from './UploadStep';

/** File → preview with every problem → confirm → progress → what was done. Nothing is written before "confirm". */
export function ImportWizard() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const message = useErrorMessage();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<CommitResult | null>(null);
  const [attempt, setAttempt] = useState(0);
  const commit = useCommitImport(programme.id, { onSuccess: (r) => setResult(r) });
  const restart = () => {
    setPreview(null);
    setResult(null);
    commit.reset();
    setAttempt((a) => a + 1);
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
      {step === 0 && <UploadStep key={attempt} programme={programme} onPreview={setPreview} />}
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
            onCommit={() => commit.mutate(preview)}
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
