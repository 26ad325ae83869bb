import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowBackUp, IconDeviceFloppy, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors';
import { DraftAttachments } from './Attachments';
import { MarkdownEditor } from './MarkdownEditor';
import type { Submitted, TraceView } from './queries';
import { SubmitTrace } from './SubmitTrace';
import { type Draft, useDraft } from './useDraft';
import { usePortfolioDates } from './words';

/** The resident writes: title, family of situations, text (from the kind's template if they wish) and files. */
export function DraftEditor({ v, onSubmitted }: { v: TraceView; onSubmitted: (s: Submitted) => void }) {
  const { t } = useTranslation();
  const draft = useDraft(v);
  const { values, change } = draft;
  const last = v.versions.at(-1);
  const files = last?.attachments ?? [];
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="trace-draft">
      <Stack gap="md">
        <Title order={2} fz={18} id="trace-draft">
          {v.trace.state === 'revision' ? t('portfolio.draft.headingRevision') : t('portfolio.draft.heading')}
        </Title>
        <RevisionAsked v={v} />
        <Restored draft={draft} timeZone={v.timeZone} />
        <TextInput
          label={t('portfolio.draft.title')}
          required
          maxLength={200}
          value={values.title}
          onChange={(e) => change({ title: e.currentTarget.value })}
          error={draft.titled ? undefined : t('portfolio.draft.titleNeeded')}
        />
        {v.families.length > 0 && (
          <Select
            label={t('portfolio.draft.family')}
            placeholder={t('portfolio.draft.familyPlaceholder')}
            data={v.families}
            value={values.family}
            onChange={(family) => change({ family })}
            clearable
            searchable
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {v.template && values.body.trim() === '' && (
          <Alert variant="light" color="sauge" icon={<IconTemplate aria-hidden />}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('portfolio.draft.templateOffer', { type: v.trace.typeLabel })}</Text>
              <Button size="xs" variant="light" onClick={() => change({ body: v.template ?? '' })}>
                {t('portfolio.draft.useTemplate')}
              </Button>
            </Stack>
          </Alert>
        )}
        <MarkdownEditor
          label={t('portfolio.draft.body')}
          description={t('portfolio.draft.bodyHelp')}
          value={values.body}
          onChange={(body) => change({ body })}
        />
        <SaveState draft={draft} timeZone={v.timeZone} />
        <DraftAttachments traceId={v.trace.id} attachments={files} removable={!last?.submittedAt} />
        <SubmitTrace v={v} draft={draft} onSubmitted={onSubmitted} />
      </Stack>
    </Card>
  );
}

/** Whether the server has the text; the text stays on the device until it does. */
function SaveState({ draft, timeZone }: { draft: Draft; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const time = (ms: number) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
    }).format(ms);
  const state = draft.saving
    ? t('portfolio.draft.saving')
    : draft.error
      ? t('portfolio.draft.notSaved', { reason: message(draft.error) })
      : draft.dirty
        ? t('portfolio.draft.unsaved')
        : draft.savedAt
          ? t('portfolio.draft.savedAt', { time: time(draft.savedAt) })
          : t('portfolio.draft.upToDate');
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Text
        size="sm"
        c={draft.error ? 'red.8' : 'dimmed'}
        role="status"
        aria-live="polite"
        style={{ flex: '1 1 200px' }}
      >
        {state}
      </Text>
      <Button
        variant="default"
        leftSection={<IconDeviceFloppy size={16} aria-hidden />}
        onClick={() => void draft.saveNow().catch(() => undefined)}
        loading={draft.saving}
        disabled={!draft.dirty || !draft.titled}
      >
        {t('portfolio.draft.save')}
      </Button>
    </Group>
  );
}

/** A text found on the device that the server never got: taken back, and said so. */
function Restored({ draft, timeZone }: { draft: Draft; timeZone: string }) {
  const { t } = useTranslation();
  const { instant } = usePortfolioDates(timeZone);
  if (draft.restoredAt === null) return null;
  return (
    <Alert
      color="ambre"
      variant="light"
      title={t('portfolio.draft.restoredTitle')}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={draft.dismissRestored}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {t('portfolio.draft.restored', { date: instant(new Date(draft.restoredAt).toISOString(), true) })}
        </Text>
        <Button size="xs" variant="subtle" color="ambre.8" onClick={draft.discardRestored}>
          {t('portfolio.draft.discardRestored')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** While revising: what the tutor asked, and by when, above the text (the thread is further down). */
function RevisionAsked({ v }: { v: TraceView }) {
  const { t } = useTranslation();
  const { day } = usePortfolioDates(v.timeZone);
  const asked = v.messages.findLast((m) => m.kind === 'revision');
  if (v.trace.state !== 'revision' || !asked) return null;
  return (
    <Alert
      color="ambre"
      variant="light"
      icon={<IconArrowBackUp aria-hidden />}
      title={t('portfolio.draft.revisionTitle', {
        name: asked.author?.name ?? t('portfolio.submit.yourTutor'),
        date: v.trace.revisionDueOn ? day(v.trace.revisionDueOn) : '—',
      })}
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
        {asked.body}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('portfolio.draft.revisionThread')}
      </Text>
    </Alert>
  );
}
