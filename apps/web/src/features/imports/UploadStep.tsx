import { FIELD_LABELS } from '@compagnon/server/modules/imports/columns.ts';
import { Alert, Anchor, Card, Select, Stack, Text, Title } from '@mantine/core';
import type { FileWithPath } from '@mantine/dropzone';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors';
import type { Programme, Role } from '../../app/types';
import { roleLabel } from '../../app/ui';
import { ColumnMapping } from './ColumnMapping';
import { FileDropzone, UploadProgress } from './FileDropzone';
import { Rejection, rejectedFrom } from './Rejection';
import type { ColumnChoice } from './types';

/** The roles a file may give: coordinators are named in the app. */
const importableRoles = ['tutor', 'tutee', 'expert'] as const satisfies readonly Role[];
export type ImportableRole = (typeof importableRoles)[number];

/** The columns a file may have, in the order the introduction lists them. */
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
  const { t } = useTranslation();
  const message = useErrorMessage();
  const rejected = rejectedFrom(error);
  const busy = progress !== null;

  return (
    <Stack gap="lg">
      <UploadIntro />
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
      <FileDropzone busy={busy} onFile={onFile} onReject={onReject} />
      {busy && <UploadProgress progress={progress} filename={filename} />}
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

/** What the file must hold, and the optional columns it may have. */
function UploadIntro() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
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
  );
}
