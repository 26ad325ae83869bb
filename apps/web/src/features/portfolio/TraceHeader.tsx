import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../app/ui';
import type { TraceView } from './queries';
import { TraceBadges } from './TraceBadges';
import { ReviewWeek } from './TraceList';
import { dueDay, usePortfolioDates } from './words';

/** The trace's title, where it stands, and the facts around it: kind, family, due date, reviewer. */
export function TraceHeader({ v, showReviewWeek }: { v: TraceView; showReviewWeek: boolean }) {
  const { t } = useTranslation();
  const { day, instant } = usePortfolioDates(v.timeZone);
  const x = v.trace;
  const back =
    v.viewer === 'self'
      ? { to: `/portfolio/${v.programme.id}`, label: t('portfolio.trace.backSelf') }
      : v.viewer === 'tutor'
        ? {
            to: `/portfolio/${v.programme.id}/${v.resident.id}`,
            label: t('portfolio.trace.backTutor', { name: v.resident.name }),
          }
        : null;
  const facts = [
    { label: t('portfolio.trace.type'), value: x.typeLabel },
    ...(x.family ? [{ label: t('portfolio.trace.family'), value: x.family }] : []),
    { label: t('portfolio.trace.resident'), value: v.resident.name },
    { label: t('portfolio.trace.due'), value: day(dueDay(x)) },
    ...(x.validatedAt ? [{ label: t('portfolio.trace.validatedAt'), value: instant(x.validatedAt) }] : []),
    ...(v.reviewer ? [{ label: t('portfolio.trace.reviewer'), value: v.reviewer.name }] : []),
  ];
  return (
    <Stack gap={0}>
      {back && (
        <Group mb="xs">
          <Anchor component={Link} to={back.to} size="sm">
            <Group gap={4} component="span" wrap="nowrap">
              <IconArrowLeft size={14} aria-hidden />
              {back.label}
            </Group>
          </Anchor>
        </Group>
      )}
      <PageHeader
        eyebrow={`${v.programme.name} · ${x.period}`}
        title={x.title || x.typeLabel}
        badges={<TraceBadges trace={x} timeZone={v.timeZone} />}
      />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0} mt={-8} mb="xs">
        {facts.map((f) => (
          <Stack key={f.label} gap={0}>
            <Text component="dt" size="xs" c="dimmed" fw={600}>
              {f.label}
            </Text>
            <Text component="dd" m={0} size="sm" className="break-anywhere">
              {f.value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <LinkedCompetencies v={v} />
      {showReviewWeek && x.state === 'submitted' && (
        <ReviewWeek trace={x} v={{ timeZone: v.timeZone, weeklyReviewCap: null }} />
      )}
    </Stack>
  );
}

/** The competencies the tutor linked when validating, each at the level the trace shows. */
function LinkedCompetencies({ v }: { v: TraceView }) {
  const { t } = useTranslation();
  const labels = new Map(v.expectations.map((e) => [e.competencyId, e.label]));
  if (v.trace.competencies.length === 0) return null;
  return (
    <Stack gap={4} mt="xs">
      <Text size="xs" c="dimmed" fw={600}>
        {t('portfolio.trace.competencies')}
      </Text>
      <Group gap={6} wrap="wrap" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {v.trace.competencies.map((c) => (
          <Text
            key={c.id}
            component="li"
            size="sm"
            px={10}
            py={2}
            bg="sauge.0"
            c="sauge.9"
            style={{ borderRadius: 12 }}
          >
            {t('portfolio.trace.competency', {
              name: labels.get(c.id) ?? c.id,
              level: t(`portfolio.level.${c.level}`),
            })}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}
