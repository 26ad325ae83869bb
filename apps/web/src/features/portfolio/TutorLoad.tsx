import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Overview } from './queries';
import { ScrollRegion } from './ScrollRegion';

const shortDay = (day: string, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));

/** Reviews asked of each tutor per week, against the weekly cap: counts only. */
export function TutorLoad({ o }: { o: Overview }) {
  const { t, i18n } = useTranslation();
  const weeks = [...new Set(o.tutorLoad.flatMap((x) => x.weeks.map((w) => w.week)))].sort();
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="portfolio-load">
      <Title order={2} fz={20} id="portfolio-load" mb={4}>
        {t('portfolio.load.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('portfolio.load.help')}
      </Text>
      {o.tutorLoad.length === 0 || weeks.length === 0 ? (
        <Text size="sm">{t('portfolio.load.none')}</Text>
      ) : (
        <ScrollRegion label={t('portfolio.load.caption')}>
          <Table striped withTableBorder miw={200 + weeks.length * 80}>
            <Table.Caption>{t('portfolio.load.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('portfolio.load.tutor')}</Table.Th>
                {weeks.map((w) => (
                  <Table.Th key={w} scope="col" ta="right">
                    {t('portfolio.load.week', { date: shortDay(w, i18n.language) })}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.tutorLoad.map((x) => {
                const byWeek = new Map(x.weeks.map((w) => [w.week, w.count]));
                return (
                  <Table.Tr key={x.tutor.id}>
                    <Table.Th scope="row" fw={500}>
                      {x.tutor.name}
                    </Table.Th>
                    {weeks.map((w) => {
                      const n = byWeek.get(w) ?? 0;
                      const full = n >= x.cap;
                      return (
                        <Table.Td
                          key={w}
                          ta="right"
                          fw={full ? 700 : undefined}
                          c={full ? 'ambre.8' : n === 0 ? 'dimmed' : undefined}
                        >
                          {t('portfolio.load.cell', { count: n, cap: x.cap })}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Card>
  );
}
