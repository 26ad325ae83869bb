import { Button, Card, Collapse, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import classes from './portfolio.module.css';
import type { PortfolioView, TraceSummary } from './queries';
import { TraceBadges } from './TraceBadges';
import { dueDay, reviewDeferred, usePortfolioDates } from './words';

/** The traces by semester (the current one first), each by due date, with where it stands. */
export function TraceList({ v }: { v: PortfolioView }) {
  const { t } = useTranslation();
  const periods = [...new Set(v.traces.map((x) => x.period))].sort((a, b) =>
    a === v.period.label ? -1 : b === v.period.label ? 1 : b.localeCompare(a),
  );
  return (
    <section aria-labelledby="portfolio-traces">
      <Title order={2} fz={20} id="portfolio-traces" mb={4}>
        {t('portfolio.traces.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {v.viewer === 'self' ? t('portfolio.traces.helpSelf') : t('portfolio.traces.helpTutor')}
      </Text>
      {v.traces.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('portfolio.traces.none')}
        </Text>
      )}
      <Stack gap="lg">
        {periods.map((period) => (
          <PeriodTraces
            key={period}
            period={period}
            current={period === v.period.label}
            traces={v.traces.filter((x) => x.period === period)}
            v={v}
          />
        ))}
      </Stack>
    </section>
  );
}

/** A semester's traces by due date; past semesters folded, with what they came to. */
function PeriodTraces({
  period,
  current,
  traces,
  v,
}: {
  period: string;
  current: boolean;
  traces: TraceSummary[];
  v: PortfolioView;
}) {
  const { t } = useTranslation();
  const [open, { toggle }] = useDisclosure(current);
  const id = `traces-${period.replace(/\W+/g, '-')}`;
  const validated = traces.filter((x) => x.state === 'validated').length;
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3} fz={16}>
          {current ? t('portfolio.traces.current', { period }) : period}
        </Title>
        {!current && (
          <Button variant="subtle" size="xs" onClick={toggle} aria-expanded={open} aria-controls={id}>
            {open
              ? t('portfolio.traces.fold')
              : t('portfolio.traces.unfold', {
                  count: traces.length,
                  validated: t('portfolio.quotas.validated', { count: validated }),
                })}
          </Button>
        )}
      </Group>
      <Collapse expanded={open} id={id}>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {[...traces]
            .sort((a, b) => dueDay(a).localeCompare(dueDay(b)))
            .map((x) => (
              <li key={x.id}>
                <TraceItem trace={x} v={v} />
              </li>
            ))}
        </Stack>
      </Collapse>
    </Stack>
  );
}

function TraceItem({ trace, v }: { trace: TraceSummary; v: PortfolioView }) {
  const { t } = useTranslation();
  const { day, instant } = usePortfolioDates(v.timeZone);
  const when =
    trace.state === 'validated' && trace.validatedAt
      ? t('portfolio.traces.validatedOn', { date: instant(trace.validatedAt) })
      : trace.state === 'submitted' && trace.submittedAt
        ? t('portfolio.traces.submittedOn', { date: instant(trace.submittedAt) })
        : t('portfolio.traces.dueOn', { date: day(dueDay(trace)) });
  const subtitle = traceSubtitle(trace);
  return (
    <UnstyledButton
      component={Link}
      to={`/portfolio/traces/${trace.id}`}
      className={classes.traceLink}
      data-late={trace.late || undefined}
    >
      <Group wrap="nowrap" gap="sm" align="flex-start">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600} className="break-anywhere">
            {trace.title || trace.typeLabel}
          </Text>
          {subtitle && (
            <Text size="sm" c="dimmed" className="break-anywhere">
              {subtitle}
            </Text>
          )}
          <Group gap="xs" wrap="wrap">
            <TraceBadges trace={trace} timeZone={v.timeZone} />
            {trace.state !== 'revision' && <Text size="sm">{when}</Text>}
          </Group>
          {trace.state === 'submitted' && <ReviewWeek trace={trace} v={v} />}
        </Stack>
        <IconChevronRight size={18} aria-hidden className={classes.arrow} />
      </Group>
    </UnstyledButton>
  );
}

/** When the tutor is asked to read a sent trace, and plainly why when the weekly cap put it later. */
export function ReviewWeek({
  trace,
  v,
}: {
  trace: TraceSummary;
  v: { timeZone: string; weeklyReviewCap: number | null };
}) {
  const { t } = useTranslation();
  const { day } = usePortfolioDates(v.timeZone);
  if (!trace.reviewWeek) return null;
  return (
    <Card p={8} radius="sm" bg="indigo.0">
      <Text size="sm">{t('portfolio.review.week', { date: day(trace.reviewWeek) })}</Text>
      {reviewDeferred(trace, v.timeZone) && (
        <Text size="xs" c="dimmed">
          {v.weeklyReviewCap === null
            ? t('portfolio.review.deferredNoCap')
            : t('portfolio.review.deferred', { count: v.weeklyReviewCap })}
        </Text>
      )}
    </Card>
  );
}

/** The kind and family under a trace's title, unless the title already says the kind. */
export function traceSubtitle(trace: TraceSummary): string {
  const kind = trace.title && !trace.title.startsWith(trace.typeLabel) ? trace.typeLabel : null;
  return [kind, trace.family].filter(Boolean).join(' · ');
}
