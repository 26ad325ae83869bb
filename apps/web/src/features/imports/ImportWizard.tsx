import { Alert, Stack } from '@mantine/core';
import type { FileWithPath } from '@mantine/dropzone';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors';
import { useProgrammeContext } from '../programmes/context';
import { ImportProgress, ImportResult } from './ImportResult';
import { PreviewStep } from './PreviewStep';
import { uploadImport, useCommitImport } from './queries';
import { Steps } from './Steps';
import type { ColumnChoice, ColumnChoices, CommitResult, ImportPreview } from './types';
import { type ImportableRole, UploadStep } from './UploadStep';

/**
 * The file being checked: sent again with each column the person chooses; the answer is a preview
 * or the file's problems (`error`). `progress` follows the upload while one is under way.
 */
function useImportFile(programmeId: string) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [file, setFile] = useState<FileWithPath | null>(null);
  const [choices, setChoices] = useState<ColumnChoices>({});
  const [defaultRole, setDefaultRole] = useState<ImportableRole | ''>('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  /** Sends the file with the columns chosen so far. */
  const send = async (f: FileWithPath, columns: ColumnChoices) => {
    setError(null);
    setProgress(0);
    try {
      setPreview(await uploadImport(programmeId, { file: f, defaultRole, columns }, setProgress));
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
  const reset = () => {
    setPreview(null);
    setFile(null);
    setChoices({});
    setError(null);
  };
  return { preview, file, defaultRole, setDefaultRole, progress, error, setError, chooseFile, choose, reset };
}

/** File → preview with every problem → confirm → progress → what was done. Nothing is written before "confirm". */
export function ImportWizard() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const message = useErrorMessage();
  const upload = useImportFile(programme.id);
  const { preview, progress } = upload;
  const [result, setResult] = useState<CommitResult | null>(null);
  const [attempt, setAttempt] = useState(0);
  const commit = useCommitImport(programme.id, { onSuccess: (r) => setResult(r) });
  const restart = () => {
    upload.reset();
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
      {step === 0 && (
        <UploadStep
          key={attempt}
          programme={programme}
          defaultRole={upload.defaultRole}
          onDefaultRole={upload.setDefaultRole}
          onFile={upload.chooseFile}
          onChoose={upload.choose}
          onReject={upload.setError}
          progress={progress}
          error={upload.error}
          filename={upload.file?.name ?? ''}
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
            onChoose={upload.choose}
            updating={progress !== null}
            onCommit={(invite) => commit.mutate({ preview, invite })}
          />
        </>
      )}
      {step === 2 && preview && <ImportProgress preview={preview} />}
      {step === 3 && result && (
        <ImportResult programmeId={programme.id} importId={preview?.id} result={result} onAnother={restart} />
      )}
    </Stack>
  );
}
