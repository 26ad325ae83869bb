import { Button, Progress, Stack, Text } from '@mantine/core';
import { Dropzone, type FileWithPath } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import classes from './imports.module.css';

/** The spreadsheet formats the import reads. */
const ACCEPT = {
  'text/csv': ['.csv'],
  'text/plain': ['.csv', '.txt'],
  'application/vnd.ms-excel': ['.csv', '.xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
};

/** The file dropped or chosen; a file of another kind is refused at once. */
export function FileDropzone({
  busy,
  onFile,
  onReject,
}: {
  busy: boolean;
  onFile: (file: FileWithPath) => void;
  onReject: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const openRef = useRef<() => void>(null);
  return (
    <Dropzone
      onDrop={(files) => files[0] && onFile(files[0])}
      onReject={() => onReject(new ApiError(400, 'unsupported_format', t('imports.upload.rejected')))}
      accept={ACCEPT}
      multiple={false}
      maxSize={5 * 1024 * 1024 + 1}
      openRef={openRef}
      disabled={busy}
      activateOnClick={false}
      className={classes.dropzone}
      aria-label={t('imports.upload.dropzone')}
    >
      <Stack align="center" gap="sm" style={{ pointerEvents: 'none' }} ta="center">
        <Dropzone.Accept>
          <IconUpload size={44} stroke={1.5} color="var(--mantine-color-sauge-7)" aria-hidden />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconX size={44} stroke={1.5} color="var(--mantine-color-red-7)" aria-hidden />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconFileSpreadsheet size={44} stroke={1.5} color="var(--mantine-color-sauge-7)" aria-hidden />
        </Dropzone.Idle>
        <Text fw={600}>{t('imports.upload.drop')}</Text>
        <Text size="sm" c="dimmed">
          {t('imports.upload.formats')}
        </Text>
        <Button
          style={{ pointerEvents: 'all' }}
          onClick={() => openRef.current?.()}
          disabled={busy}
          leftSection={<IconUpload size={16} aria-hidden />}
        >
          {t('imports.upload.choose')}
        </Button>
      </Stack>
    </Dropzone>
  );
}

/** The file leaving the browser (in percent), then the server reading it. */
export function UploadProgress({ progress, filename }: { progress: number; filename: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} role="status" aria-live="polite">
      <Text size="sm">
        {progress < 1
          ? t('imports.upload.sending', { filename, percent: Math.round(progress * 100) })
          : t('imports.upload.analysing', { filename })}
      </Text>
      <Progress
        value={progress < 1 ? progress * 100 : 100}
        animated={progress >= 1}
        striped={progress >= 1}
        aria-label={t('imports.upload.progress')}
      />
    </Stack>
  );
}
