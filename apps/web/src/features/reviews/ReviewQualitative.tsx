import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReviewSummary } from '../followup/queries';

/**
 * The yearly review's qualitative side on screen: the pairs against the minimum of meetings, the end
 * reviews' ratings from five answers, the themes of the reviews shared (and the themes their authors
 * named, on this screen only), the questionnaires answered. No one's words.
 */
export function ReviewQualitative({ r }: { r: ReviewSummary }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
    maximumFractionDigits: 1,
  });
  const q = r.qualitative;
  const themes = q.themes.themes.filter((x) => x.count > 0);
  return (
    <Stack gap="xs">
      <PairsFigures r={r} />
      <Text size="sm" fw={500}>
        {t('reviews.yearly.endReviews', {
          submitted: q.endReviews.submitted,
          invited: q.endReviews.invited,
          shared: q.endReviews.shared,
        })}
      </Text>
      <Stack gap={2}>
        {q.endReviews.scales.map((s) => (
          <Text key={s.id} size="sm">
            <Text span c="dimmed">
              {t(`reviews.scales.${s.id}`, { defaultValue: s.id })}
            </Text>{' '}
            {s.mean !== null
              ? t('reviews.end.outOf5', { value: numbers.format(s.mean) })
              : t('reviews.coordination.withheld', { min: r.minAggregate })}
          </Text>
        ))}
      </Stack>
      <Group gap={6}>
        <Text size="sm" c="dimmed">
          {t('reviews.yearly.themes')}
        </Text>
        {themes.length === 0 && <Text size="sm">{t('reviews.yearly.noTheme')}</Text>}
        {themes.map((x) => (
          <Badge key={x.id} variant="light" tt="none">
            {t(`reviews.themes.${x.id}`)} · {x.count}
          </Badge>
        ))}
      </Group>
      {q.themes.suggestions.length > 0 && (
        <Text size="sm">
          <Text span c="dimmed">
            {t('reviews.yearly.suggestions')}
          </Text>{' '}
          {q.themes.suggestions.join(' · ')}
        </Text>
      )}
      <Text size="sm">
        <Text span c="dimmed">
          {t('reviews.yearly.questionnaires')}
        </Text>{' '}
        {q.questionnaires.length === 0
          ? t('reviews.yearly.noQuestionnaire')
          : q.questionnaires
              .map((x) => t('reviews.yearly.answers', { title: x.title, count: x.answers }))
              .join(' · ')}
      </Text>
    </Stack>
  );
}

/** The pairs against the programme's minimum of meetings, completed and ended early. */
function PairsFigures({ r }: { r: ReviewSummary }) {
  const { t } = useTranslation();
  const m = r.mentoring;
  const figures: Figure[] = [
    ['atMinimum', m.pairsAtMinimum],
    ['belowMinimum', m.pairsBelowMinimum],
    ['completed', m.completed],
    ['endedEarly', m.endedEarly],
  ];
  if (m.chartersSigned !== null) figures.push(['chartersSigned', m.chartersSigned]);
  return (
    <>
      <Figures title={t('reviews.yearly.pairs', { min: m.meetingsMinimum })} figures={figures} />
      {m.requests && (
        <Figures
          title={t('reviews.yearly.requests')}
          figures={[
            ['received', m.requests.received],
            ['accepted', m.requests.accepted],
            ['declined', m.requests.declined],
            ['matched', m.requests.matched],
            ['medianDaysToMatch', m.requests.medianDaysToMatch],
          ]}
        />
      )}
    </>
  );
}

/** A figure's key under reviews.yearly, and its value (— when there is none). */
type Figure = [string, number | null];

/** Figures under a title, as a list of terms and values. */
function Figures({ title, figures }: { title: string; figures: Figure[] }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR');
  return (
    <>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: figures.length > 4 ? 5 : 4 }} spacing="sm" component="dl" m={0}>
        {figures.map(([k, v]) => (
          <div key={k}>
            <Text component="dt" size="xs" c="dimmed">
              {t(`reviews.yearly.${k}`)}
            </Text>
            <Text component="dd" m={0} fz="lg" fw={600}>
              {v === null ? '—' : numbers.format(v)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </>
  );
}
