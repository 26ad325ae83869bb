import '@mantine/charts/styles.css';
import { Button, Card, Group, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { formatCalendarDate, intlLocale } from '../../app/dates';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { ReviewQualitative } from '../reviews/ReviewQualitative';
import { type ReviewSummary, reviewFileUrl, useReview } from './queries';

/** "2025–2026" for a review year across two calendar years, "2026" for one starting in January. */
const yearLabel = (y: number, startMonth: number) => (startMonth === 1 ? String(y) : `${y}–${y + 1}`);

export function ReviewDownload({ programmeId }: { programmeId: string; timeZone: string }) {
  const { t } = useProgrammeTranslation();
  // The current review year, as the programme's review month makes it, comes from the server.
  const current = useReview(programmeId, null);
  const [chosen, setChosen] = useState<number | null>(null);
  const shown = useReview(programmeId, chosen);
  const currentYear = current.data?.year;
  const startMonth = current.data?.period.startMonth ?? 11;
  const year = chosen ?? currentYear;
  const years =
    currentYear === undefined
      ? []
      : [currentYear, currentYear - 1, currentYear - 2].map((y) => ({
          value: String(y),
          label: yearLabel(y, startMonth),
        }));
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('followup.review.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('followup.review.hint')}
        </Text>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('followup.review.year')}
            data={years}
            value={year === undefined ? null : String(year)}
            onChange={(v) => setChosen(v ? Number(v) : null)}
            w={160}
            allowDeselect={false}
          />
          <Button
            component="a"
            href={reviewFileUrl(programmeId, year, 'pdf')}
            download
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('followup.review.pdf')}
          </Button>
          <Button
            component="a"
            href={reviewFileUrl(programmeId, year, 'csv')}
            download
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('followup.review.csv')}
          </Button>
        </Group>
        {shown.data ? (
          <ReviewFigures r={shown.data} />
        ) : (
          shown.isPending && <Loader size="sm" aria-label={t('followup.review.loading')} />
        )}
      </Stack>
    </Card>
  );
}

/** The review's period and its figures: people, pairs, meetings. */
function ReviewFigures({ r }: { r: ReviewSummary }) {
  const { t, i18n } = useProgrammeTranslation();
  const numbers = new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 1 });
  const figures = [
    ['tutors', r.participation.tutors],
    ['tutees', r.participation.tutees],
    ['pairs', r.participation.pairs],
    ['pairsEndedEarly', r.participation.pairsEndedEarly],
    ['meetings', r.meetings.total],
    ['perPairMean', r.meetings.perPairMean],
  ] as const;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('followup.review.summary', {
          start: formatCalendarDate(r.period.start, i18n.language),
          end: formatCalendarDate(r.period.end, i18n.language),
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" component="dl" m={0}>
        {figures.map(([k, v]) => (
          <div key={k}>
            <Text component="dt" size="xs" c="dimmed">
              {t(`followup.review.figures.${k}`)}
            </Text>
            <Text component="dd" m={0} fz="lg" fw={600}>
              {numbers.format(v)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Themes themes={r.difficultyThemes} />
      <ReviewQualitative r={r} />
    </Stack>
  );
}

/** The systemic difficulties raised, by theme: a theme under the minimum is only said to be under it. */
function Themes({ themes }: { themes: ReviewSummary['difficultyThemes'] }) {
  const { t } = useProgrammeTranslation();
  const shown = themes.themes.filter((x) => x.count !== null);
  const parts = shown.map((x) =>
    t('followup.review.theme', { label: t(`difficulties.category.${x.category}`), count: x.count }),
  );
  parts.push(
    shown.length === 0
      ? t('followup.review.themesNone', { min: themes.minimum })
      : t('followup.review.themesOthers', { min: themes.minimum }),
  );
  return (
    <Text size="sm">
      <Text span c="dimmed">
        {t('followup.review.themesTitle')}
      </Text>{' '}
      {parts.join(' · ')}
    </Text>
  );
}
