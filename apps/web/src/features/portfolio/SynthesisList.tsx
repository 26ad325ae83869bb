import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui';
import { type Overview, type SynthesisStatus, synthesisPdfUrl, useSyntheses } from './queries';
import { usePortfolioDates } from './words';

/**
 * The coordination's list of end-of-phase syntheses: who, which phase, which version, and whether
 * both signed it (when) — never the text. Only a co-signed synthesis can be downloaded.
 */
export function SynthesisList({
  programmeId,
  cohortId,
  overview,
  timeZone,
}: {
  programmeId: string;
  cohortId: string | null;
  overview: Overview | undefined;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const list = useSyntheses(programmeId, cohortId);
  const phaseLabel = (id: string) => overview?.phases.find((p) => p.phaseId === id)?.phaseLabel ?? id;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="portfolio-syntheses">
      <Title order={2} fz={20} id="portfolio-syntheses" mb={4}>
        {t('portfolio.syntheses.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('portfolio.syntheses.help')}
      </Text>
      {list.error && <ErrorAlert error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data?.length === 0 && <Text size="sm">{t('portfolio.syntheses.none')}</Text>}
      {list.data && list.data.length > 0 && (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {list.data.map((s) => (
            <Row
              key={`${s.resident.id}:${s.phaseId}`}
              s={s}
              phase={phaseLabel(s.phaseId)}
              programmeId={programmeId}
              timeZone={timeZone}
            />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function Row({
  s,
  phase,
  programmeId,
  timeZone,
}: {
  s: SynthesisStatus;
  phase: string;
  programmeId: string;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const { instant } = usePortfolioDates(timeZone);
  const dates = [
    s.tutorSignedAt && t('portfolio.syntheses.tutorSigned', { date: instant(s.tutorSignedAt) }),
    s.residentSignedAt && t('portfolio.syntheses.residentSigned', { date: instant(s.residentSignedAt) }),
  ].filter(Boolean);
  return (
    <Group
      component="li"
      justify="space-between"
      align="flex-start"
      gap="xs"
      py="sm"
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
        <Text fw={600} size="sm" className="break-anywhere">
          {s.resident.name}
        </Text>
        <Text size="sm" c="dimmed">
          {t('portfolio.syntheses.phaseVersion', { phase, version: s.version })}
        </Text>
        {dates.length > 0 && <Text size="xs">{dates.join(' · ')}</Text>}
      </Stack>
      <Group gap="sm" align="center">
        <Badge color={s.signedByBoth ? 'sauge' : 'ambre'} variant="light">
          {s.signedByBoth ? t('portfolio.syntheses.coSigned') : t('portfolio.syntheses.awaiting')}
        </Badge>
        {s.signedByBoth && (
          <Anchor
            href={synthesisPdfUrl(programmeId, s.resident.id, s.phaseId)}
            size="sm"
            download
            aria-label={t('portfolio.syntheses.pdfOf', { name: s.resident.name, phase })}
          >
            <Group gap={4} component="span" wrap="nowrap">
              <IconDownload size={16} aria-hidden />
              {t('portfolio.syntheses.pdf')}
            </Group>
          </Anchor>
        )}
      </Group>
    </Group>
  );
}
