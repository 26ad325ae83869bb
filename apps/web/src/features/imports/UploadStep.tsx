import { FIELD_LABELS } from '@compagnon/server/modules/imports/columns.ts';
import { Alert, Anchor, Button, Card, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { Dropzone, type FileWithPath } from '@mantine/dropzone';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useErrorMessage } from '../../app/errors';
import type { Programme, Role } from '../../app/types';
import { roleLabel } from '../../app/ui';
import { ColumnMapping } from './ColumnMapping';
import classes from './imports.module.css';
import { Rejection, rejectedFrom } from './Rejection';
import type { ColumnChoice } from './types';

/** The roles a file may give: coordinators are named in the app. */
const importableRoles = ['tutor', 'tutee', 'expert'] as const satisfies readonly Role[];
export type ImportableRole = (typeof importableRoles)[number];

const ACCEPT = {
  'text/csv': ['.csv'],
  'text/plain': ['.csv', '.txt'],
  'application/vnd.ms-excel': ['.csv', '.xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
};

export function UploadStep({
  programme,
  defaultRole,
  onDefaultRole,
  onFile,
  onChoose,
  onReject,
  progress,
  error,
  filename,
}: {
  programme: Programme;
  defaultRole: ImportableRole | '';
  onDefaultRole: (role: ImportableRole | '') => void;
  onFile: (file: FileWithPath) => void;
  onChoose: (header: string, choice: ColumnChoice) => void;
  onReject: (error: unknown) => void;
  progress: number | null;
  error: unknown;
  filename: string;
}) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const openRef = useRef<() => void>(null);
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const rejected = rejectedFrom(error);

  const busy = progress !== null;
  const fields = [
    'email',
    'lastName',
    'firstName',
    'fullName',
    'role',
    'phone',
    'site',
    'siteCity',
    'homeCommune',
    'professionalProject',
    'themes',
    'languages',
    'faculty',
    'desYear',
    'capacity',
  ] as const;

  return (
    <Stack gap="lg">
      <Card>
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('imports.upload.title')}
          </Title>
          <Text size="sm">{t('imports.upload.intro')}</Text>
          <Text size="sm" c="dimmed">
            {t('imports.upload.required')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('imports.upload.optional', {
              fields: fields
                .filter((f) => !['email', 'lastName', 'firstName', 'fullName', 'role'].includes(f))
                .map((f) => FIELD_LABELS[f][lang])
                .join(', '),
            })}
          </Text>
        </Stack>
      </Card>

      <Select
        label={t('imports.upload.defaultRole')}
        description={t('imports.upload.defaultRoleHelp')}
        value={defaultRole}
        onChange={(v) => onDefaultRole((v as ImportableRole | '') ?? '')}
        allowDeselect={false}
        data={[
          { value: '', label: t('imports.upload.roleFromFile') },
          ...importableRoles.map((r) => ({ value: r, label: roleLabel(t, r, programme.template) })),
        ]}
        maw={420}
        disabled={busy}
      />

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

      {busy && (
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
      )}

      {error !== null && rejected && <Rejection rejected={rejected} filename={filename} />}
      {error !== null && rejected && rejected.fileColumns.length > 0 && (
        <ColumnMapping columns={rejected.fileColumns} onChoose={onChoose} busy={busy} />
      )}
      {error !== null && !busy && !rejected && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
          {message(error)}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {t('imports.upload.privacy')}{' '}
        <Anchor
          size="xs"
          href="data:text/csv;charset=utf-8,%EF%BB%BFE-mail%3BNom%3BPr%C3%A9nom%3BR%C3%B4le%3BT%C3%A9l%C3%A9phone%3BLieu%20de%20stage%0D%0A"
          download="modele-import-compagnon.csv"
        >
          {t('imports.upload.template')}
        </Anchor>
      </Text>
    </Stack>
  );
}
