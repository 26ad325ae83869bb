import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileZip, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useSignedIn } from '../../app/session';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { SupervisorSection } from '../supervisor';
import { AddTrace } from './AddTrace';
import { CompetencyMap } from './CompetencyMap';
import { QuotaProgress } from './QuotaProgress';
import { type PortfolioView, portfolioZipUrl, usePortfolio } from './queries';
import { SynthesisSection } from './SynthesisSection';
import { TraceList } from './TraceList';
import { usePortfolioDates } from './words';

/**
 * A resident's portfolio: their phase and internship, where each kind of trace stands against what
 * the phase expects, the traces by due date, the competency map, the end-of-phase synthesis and the
 * internship supervisor's feedback. The resident's own page, and
 * the same page read-only for their tutor.
 */
export function PortfolioPage() {
  const { programmeId = '', residentId } = useParams();
  const { t } = useTranslation();
  const me = useSignedIn();
  const query = usePortfolio(programmeId, residentId ?? me.id);
  const v = query.data;
  usePageTitle(
    v
      ? v.viewer === 'self'
        ? t('portfolio.page.mine')
        : t('portfolio.page.of', { name: v.resident.name })
      : undefined,
  );
  if (query.error instanceof ApiError && (query.error.isNotFound || query.error.status === 403))
    return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!v) return <Loading />;
  return (
    <Stack gap="xl">
      <PageHeader
        eyebrow={v.programme.name}
        title={
          v.viewer === 'self' ? t('portfolio.page.mine') : t('portfolio.page.of', { name: v.resident.name })
        }
        description={v.viewer === 'self' ? t('portfolio.page.introSelf') : t('portfolio.page.introTutor')}
        actions={
          v.viewer === 'self' ? (
            <Group gap="sm">
              <AddTrace v={v} />
              <Button
                component="a"
                href={portfolioZipUrl(v.programme.id, v.resident.id)}
                download
                variant="default"
                leftSection={<IconFileZip size={18} aria-hidden />}
              >
                {t('portfolio.page.zip')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      <Where v={v} />
      {v.phase === null ? (
        <Alert color="ambre" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {v.viewer === 'self' ? t('portfolio.page.noPhaseSelf') : t('portfolio.page.noPhase')}
        </Alert>
      ) : (
        <>
          <QuotaProgress quotas={v.quotas} period={v.period.label} />
          <TraceList v={v} />
          <CompetencyMap programmeId={v.programme.id} ratings={v.ratings} />
          <SynthesisSection programmeId={v.programme.id} residentId={v.resident.id} phase={v.phase} />
        </>
      )}
      <SupervisorSection programmeId={v.programme.id} residentId={v.resident.id} />
    </Stack>
  );
}

/** The phase, the internship of the semester and the tutor. */
function Where({ v }: { v: PortfolioView }) {
  const { t } = useTranslation();
  const { day } = usePortfolioDates(v.timeZone);
  const facts = [
    { label: t('portfolio.page.phase'), value: v.phase?.label ?? t('portfolio.page.phaseUnknown') },
    {
      label: t('portfolio.page.internship'),
      value: t('portfolio.page.internshipDates', {
        period: v.period.label,
        from: day(v.period.startsOn),
        to: day(v.period.endsOn),
      }),
    },
    { label: t('portfolio.page.site'), value: v.period.site ?? t('portfolio.page.siteUnknown') },
    { label: t('portfolio.page.tutor'), value: v.tutor?.name ?? t('portfolio.page.noTutor') },
  ];
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="portfolio-where">
      <Title order={2} fz={18} id="portfolio-where" mb="sm">
        {v.viewer === 'self'
          ? t('portfolio.page.whereTitle')
          : t('portfolio.page.whereTitleOf', { name: v.resident.name })}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
        {facts.map((f) => (
          <Stack key={f.label} gap={2}>
            <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
              {f.label}
            </Text>
            <Text component="dd" m={0} size="sm" fw={500} className="break-anywhere">
              {f.value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {v.viewer === 'tutor' && (
        <Group mt="sm">
          <Anchor component={Link} to="/relectures" size="sm">
            {t('portfolio.page.toQueue')}
          </Anchor>
        </Group>
      )}
    </Card>
  );
}
