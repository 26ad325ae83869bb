import { ActionIcon, Alert, Anchor, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileTypePdf, IconPaperclip, IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import {
  type Attachment,
  attachmentUrl,
  type TraceRef,
  useDeleteAttachment,
  useUploadAttachment,
} from './queries';

const ACCEPT = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/webp': ['.webp'],
};
const MAX_BYTES = 10 * 1024 * 1024;

const sizeLabel = (bytes: number, lang: string) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'unit',
    unit: bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bytes >= 1024 * 1024 ? bytes / (1024 * 1024) : Math.max(1, bytes / 1024));

/** The files of a version, each opened in a new tab; the resident removes them while the trace is a draft. */
export function AttachmentList({
  traceRef,
  attachments,
  onDelete,
  deleting,
}: {
  traceRef: TraceRef;
  attachments: Attachment[];
  onDelete?: (id: string) => void;
  deleting?: string | null;
}) {
  const { t, i18n } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <Stack
      component="ul"
      gap={4}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('portfolio.files.list')}
    >
      {attachments.map((a) => {
        const Icon = a.mime === 'application/pdf' ? IconFileTypePdf : IconPhoto;
        return (
          <Group component="li" key={a.id} gap="xs" wrap="nowrap">
            <Icon size={18} aria-hidden style={{ flex: 'none' }} />
            <Anchor
              href={attachmentUrl(traceRef, a.id)}
              target="_blank"
              rel="noopener"
              size="sm"
              className="break-anywhere"
            >
              {a.filename}
            </Anchor>
            <Text size="xs" c="dimmed" style={{ flex: 'none' }}>
              {sizeLabel(a.size, i18n.language)}
            </Text>
            {onDelete && (
              <ActionIcon
                variant="subtle"
                color="red"
                ml="auto"
                loading={deleting === a.id}
                aria-label={t('portfolio.files.delete', { name: a.filename })}
                onClick={() => onDelete(a.id)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

/** The draft's files: PDF and images, 10 MB each, added by drop or by choosing. */
export function DraftAttachments({
  traceId,
  attachments,
  removable,
}: {
  traceId: string;
  attachments: Attachment[];
  /** False while a revision has no draft yet: the files are the sent version's until the first change. */
  removable: boolean;
}) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState(0);
  const [rejected, setRejected] = useState(false);
  const upload = useUploadAttachment(traceId, setProgress);
  const remove = useDeleteAttachment(traceId);
  return (
    <Stack gap="xs">
      <Group gap={6}>
        <IconPaperclip size={18} aria-hidden />
        <Text fw={600} size="sm">
          {t('portfolio.files.title')}
        </Text>
      </Group>
      <AttachmentList
        traceRef={{ traceId }}
        attachments={attachments}
        onDelete={removable ? (id) => remove.mutate(id) : undefined}
        deleting={remove.isPending ? (remove.variables ?? null) : null}
      />
      <FileDrop
        busy={upload.isPending}
        onFiles={(files) => {
          setRejected(false);
          for (const f of files) upload.mutate(f);
        }}
        onReject={() => setRejected(true)}
      />
      {upload.isPending && (
        <Progress
          value={progress * 100}
          size="sm"
          aria-label={t('portfolio.files.progress')}
          animated={progress >= 1}
        />
      )}
      {rejected && (
        <Alert color="red" variant="light" role="alert">
          {t('portfolio.files.rejected')}
        </Alert>
      )}
      {upload.error && <ErrorAlert error={upload.error} />}
      {remove.error && <ErrorAlert error={remove.error} />}
    </Stack>
  );
}

/** Where files are dropped, or chosen with the button (the way in from a keyboard or a phone). */
function FileDrop({
  busy,
  onFiles,
  onReject,
}: {
  busy: boolean;
  onFiles: (files: File[]) => void;
  onReject: () => void;
}) {
  const { t } = useTranslation();
  const openRef = useRef<() => void>(null);
  return (
    <Dropzone
      onDrop={onFiles}
      onReject={onReject}
      accept={ACCEPT}
      maxSize={MAX_BYTES}
      loading={busy}
      openRef={openRef}
      activateOnClick={false}
      aria-label={t('portfolio.files.dropzone')}
      p="sm"
    >
      <Group justify="space-between" gap="sm" wrap="wrap" style={{ pointerEvents: 'none' }}>
        <Group gap="sm" wrap="nowrap">
          <IconUpload size={24} aria-hidden color="var(--mantine-color-sauge-7)" />
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {t('portfolio.files.drop')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('portfolio.files.formats')}
            </Text>
          </Stack>
        </Group>
        <Button
          size="xs"
          variant="light"
          style={{ pointerEvents: 'all' }}
          onClick={() => openRef.current?.()}
          disabled={busy}
        >
          {t('portfolio.files.choose')}
        </Button>
      </Group>
    </Dropzone>
  );
}
