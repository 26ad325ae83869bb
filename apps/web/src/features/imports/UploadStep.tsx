import { FIELD_LABELS } from '@compagnon/server/modules/imports/columns.ts';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Dropzone, type FileWithPath } from '@mantine/dropzone';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, uploadWithProgress } from '../../app/api';
import { useErrorMessage } from '../../app/errors';
import { type Programme, type Role, roles } from '../../app/types';
import { roleLabel } from '../../app/ui';
import classes from './imports.module.css';
import type { ImportIssue, ImportPreview, RejectedFile } from './types';

const ACCEPT = {
  'text/csv': ['.csv'],
  'text/plain': ['.csv', '.txt'],
  'application/vnd.ms-excel': ['.csv', '.xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
};

export function issueText(issue: ImportIssue, lang: string) {
  return lang === 'en' ? issue.messageEn : issue.message;
}

function rejectedFrom(error: unknown): RejectedFile | null {
  if (!(error instanceof ApiError)) return null;
  const d = (error.details ?? {}) as Partial<RejectedFile> & { messageEn?: string };
  if (!d.fileErrors && !d.rowErrors) return null;
  return {
    message: error.message,
    messageEn: d.messageEn ?? error.message,
    fileErrors: d.fileErrors ?? [],
    rowErrors: d.rowErrors ?? [],
    warnings: d.warnings ?? [],
    columns: d.columns ?? [],
    ignoredColumns: d.ignoredColumns ?? [],
    rowCount: d.rowCount,
    validRowCount: d.validRowCount,
  };
}

/** The problems of a refused file, line by line, so they can be fixed in the spreadsheet. */
function Rejection({ rejected, filename }: { rejected: RejectedFile; filename: string }) {
  const { t, i18n } = useTranslation();
  const lines = new Set(rejected.rowErrors.map((e) => e.line));
  return (
    <Card
      withBorder
      style={{ borderColor: 'var(--mantine-color-red-3)' }}
      aria-labelledby="import-errors-title"
    >
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconAlertTriangle
            size={22}
            color="var(--mantine-color-red-8)"
            aria-hidden
            style={{ flex: 'none' }}
          />
          <Stack gap={4}>
            <Title order={2} fz="lg" id="import-errors-title">
              {t('imports.rejectedTitle', { filename })}
            </Title>
            <Text size="sm" role="alert">
              {i18n.language === 'en' ? rejected.messageEn : rejected.message}
            </Text>
          </Stack>
        </Group>
        {rejected.fileErrors.length > 1 && (
          <List size="sm" spacing={4}>
            {rejected.fileErrors.map((e) => (
              <List.Item key={`${e.code}-${e.line ?? ''}-${e.message}`}>
                {issueText(e, i18n.language)}
              </List.Item>
            ))}
          </List>
        )}
        {rejected.rowErrors.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              {t('imports.rowErrorsSummary', {
                count: rejected.rowErrors.length,
                lines: lines.size,
                total: rejected.rowCount ?? 0,
              })}
            </Text>
            <Table.ScrollContainer minWidth={520} type="native" mah={420}>
              <Table striped verticalSpacing="xs" aria-label={t('imports.rowErrorsTable')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t('imports.col.line')}</Table.Th>
                    <Table.Th w={160}>{t('imports.col.column')}</Table.Th>
                    <Table.Th>{t('imports.col.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rejected.rowErrors.map((e) => (
                    <Table.Tr
                      key={`${e.line}-${e.code}-${e.column ?? ''}-${e.message}`}
                      data-testid="row-error"
                    >
                      <Table.Td fw={600}>{e.line}</Table.Td>
                      <Table.Td>{e.column ?? '—'}</Table.Td>
                      <Table.Td>{issueText(e, i18n.language).replace(/^(Ligne|Line) \d+ ?: ?/, '')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        {rejected.ignoredColumns.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('imports.ignoredColumns', {
              count: rejected.ignoredColumns.length,
              columns: rejected.ignoredColumns.map((c) => `« ${c} »`).join(', '),
            })}
          </Text>
        )}
        <Text size="sm">{t('imports.fixAndRetry')}</Text>
      </Stack>
    </Card>
  );
}

export function UploadStep({
  programme,
  onPreview,
}: {
  programme: Programme;
  onPreview: (p: ImportPreview) => void;
}) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const openRef = useRef<() => void>(null);
  const [defaultRole, setDefaultRole] = useState<Role | ''>('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filename, setFilename] = useState('');
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const rejected = rejectedFrom(error);

  const send = async (file: FileWithPath) => {
    setError(null);
    setFilename(file.name);
    setProgress(0);
    const form = new FormData();
    if (defaultRole) form.append('defaultRole', defaultRole);
    form.append('file', file, file.name);
    try {
      const preview = await uploadWithProgress<ImportPreview>(
        `/api/programmes/${programme.id}/imports`,
        form,
        setProgress,
      );
      onPreview(preview);
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

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
        onChange={(v) => setDefaultRole((v as Role | '') ?? '')}
        allowDeselect={false}
        data={[
          { value: '', label: t('imports.upload.roleFromFile') },
          ...roles.map((r) => ({ value: r, label: roleLabel(t, r, programme.template) })),
        ]}
        maw={420}
        disabled={busy}
      />

      <Dropzone
        onDrop={(files) => files[0] && void send(files[0])}
        onReject={() => setError(new ApiError(400, 'unsupported_format', t('imports.upload.rejected')))}
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

      {error !== null && !busy && rejected && <Rejection rejected={rejected} filename={filename} />}
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
