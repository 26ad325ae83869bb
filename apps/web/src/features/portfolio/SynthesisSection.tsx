import { Alert, Anchor, Badge, Button, Card, Group, Spoiler, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui';
import { type SynthesisView, synthesisPdfUrl, useSynthesis } from './queries';
import { SynthesisEditor } from './SynthesisEditor';
import { SynthesisSignatures } from './SynthesisSignatures';
import { TraceMarkdown } from './TraceMarkdown';
import { usePortfolioDates } from './words';

/**
 * "Synthèse de fin de phase": drafted from the validated traces and the levels, edited by the tutor
 * (each save a new version, which clears the signatures), then signed by the tutor and the resident.
 */
export function SynthesisSection({
  programmeId,
  residentId,
  phase,
}: {
  programmeId: string;
  residentId: string;
  phase: { id: string; label: string };
}) {
  const { t } = useTranslation();
  const query = useSynthesis(programmeId, residentId, phase.id);
  const [editing, setEditing] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const v = query.data;
  const titleId = `synthesis-${phase.id}`;
  // Changed meanwhile (a new version, or a signature already given): read it again, and say so.
  const reload = () => {
    setEditing(false);
    setReloaded(true);
    void query.refetch();
  };
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} fz={20} id={titleId}>
            {t('portfolio.synthesis.title', { phase: phase.label })}
          </Title>
          {v && <StateBadge v={v} />}
        </Group>
        {query.error && <ErrorAlert error={query.error} />}
        {!v && !query.error && <Loading />}
        {v && <Status v={v} />}
        {v && reloaded && (
          <Alert
            color="indigo"
            variant="light"
            role="status"
            withCloseButton
            onClose={() => setReloaded(false)}
          >
            {t('portfolio.synthesis.reloaded')}
          </Alert>
        )}
        {v && editing && <SynthesisEditor v={v} onDone={() => setEditing(false)} onReloaded={reload} />}
        {v && !editing && (
          <>
            <Reader v={v} onEdit={() => setEditing(true)} />
            <SynthesisSignatures v={v} onReloaded={reload} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function StateBadge({ v }: { v: SynthesisView }) {
  const { t } = useTranslation();
  return (
    <Badge color={v.signedByBoth ? 'sauge' : v.saved ? 'indigo' : 'gray'} variant="light">
      {v.signedByBoth
        ? t('portfolio.synthesis.signedBoth')
        : v.saved
          ? t('portfolio.synthesis.versionN', { version: v.version })
          : t('portfolio.synthesis.draftBadge')}
    </Badge>
  );
}

/** A draft drawn from the records (not saved yet), or the version saved and when. */
function Status({ v }: { v: SynthesisView }) {
  const { t } = useTranslation();
  const { instant } = usePortfolioDates(v.timeZone);
  if (!v.saved)
    return (
      <Alert color="ambre" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {v.viewer === 'tutor' ? t('portfolio.synthesis.draftTutor') : t('portfolio.synthesis.draftSelf')}
      </Alert>
    );
  if (!v.updatedAt) return null;
  return (
    <Text size="sm" c="dimmed">
      {t('portfolio.synthesis.savedAt', { version: v.version, date: instant(v.updatedAt, true) })}
    </Text>
  );
}

/** The text, folded past a screen's height; the tutor's edit button and the PDF. */
function Reader({ v, onEdit }: { v: SynthesisView; onEdit: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Card withBorder radius="sm" p="sm" bg="var(--mantine-color-body)">
        <Spoiler
          maxHeight={360}
          showLabel={t('portfolio.synthesis.showAll')}
          hideLabel={t('portfolio.synthesis.showLess')}
        >
          <TraceMarkdown text={v.body} />
        </Spoiler>
      </Card>
      <Group gap="sm">
        {v.can.edit && (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
            {v.saved ? t('portfolio.synthesis.edit') : t('portfolio.synthesis.review')}
          </Button>
        )}
        <Anchor href={synthesisPdfUrl(v.programme.id, v.resident.id, v.phase.id)} size="sm" download>
          <Group gap={4} component="span" wrap="nowrap">
            <IconDownload size={16} aria-hidden />
            {v.saved ? t('portfolio.synthesis.pdf') : t('portfolio.synthesis.pdfDraft')}
          </Group>
        </Anchor>
      </Group>
    </>
  );
}
