import { Card, List, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarEvent, IconHeartHandshake, IconMessageCircle, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../app/types';
import { roleLabel } from '../../app/ui';

/** What the programme expects, in a few plain lines: people who know what is asked drop out less. */
export function Expectations({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const r = programme.rules;
  const tutor = roleLabel(t, 'tutor', programme.template).toLowerCase();
  const icon = (Icon: typeof IconCalendarEvent) => (
    <ThemeIcon size={26} radius="xl" variant="light" aria-hidden>
      <Icon size={15} />
    </ThemeIcon>
  );
  return (
    <Card component="aside" aria-labelledby="expectations-title" bg="sauge.0" withBorder={false}>
      <Title order={3} fz="md" mb="sm" id="expectations-title">
        {t('people.expect.title')}
      </Title>
      <List spacing="sm" size="sm" center>
        <List.Item icon={icon(IconCalendarEvent)}>
          {t(`rulesText.meetings.${r.meetings.per}`, { count: r.meetings.target })}
          {r.meetings.minimum > 0 && r.meetings.minimum < r.meetings.target && (
            <Text span c="dimmed" size="sm">
              {' '}
              {t('people.expect.minimum', { count: r.meetings.minimum })}
            </Text>
          )}
        </List.Item>
        <List.Item icon={icon(IconUserCheck)}>
          {t(`people.expect.participation.${r.participation.mode}`, { count: r.participation.firstN ?? 0 })}
        </List.Item>
        {r.contactEveryDays && (
          <List.Item icon={icon(IconMessageCircle)}>
            {t('people.expect.contact', { count: r.contactEveryDays })}
          </List.Item>
        )}
        <List.Item icon={icon(IconHeartHandshake)}>{t('people.expect.anytime', { tutor })}</List.Item>
      </List>
    </Card>
  );
}
