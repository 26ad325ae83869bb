import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconMail, IconPhone, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatInstant } from '../../app/dates';
import { CardHeading } from '../../app/ui';
import { EndCoaching } from './EndCoaching';
import type { ProgrammeCoaching } from './queries';

/** The viewer's own coachings: who coaches them, or whom they coach, reachable, until when. */
export function MyCoaching({ programmeId, d }: { programmeId: string; d: ProgrammeCoaching }) {
  const { t, i18n } = useTranslation();
  if (d.mine.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-coaching-title">
      <CardHeading
        icon={IconUsersGroup}
        id="my-coaching-title"
        title={t('coaching.mine.title')}
        help={t('coaching.mine.help')}
      />
      <Stack gap="md">
        {d.mine.map((c) => (
          <Stack key={c.id} gap={6}>
            <Text fw={600}>
              {t(c.role === 'coach' ? 'coaching.mine.coach' : 'coaching.mine.newTutor', {
                name: c.person.name,
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('coaching.until', { date: formatInstant(c.endsAt, d.timeZone, i18n.language) })}
            </Text>
            <Group gap="md" wrap="wrap">
              <Anchor href={`mailto:${c.person.email}`} size="sm">
                <Group gap={4} wrap="nowrap">
                  <IconMail size={16} aria-hidden />
                  {c.person.email}
                </Group>
              </Anchor>
              {c.person.phone && (
                <Anchor href={`tel:${c.person.phone}`} size="sm">
                  <Group gap={4} wrap="nowrap">
                    <IconPhone size={16} aria-hidden />
                    {c.person.phone}
                  </Group>
                </Anchor>
              )}
            </Group>
            <Group>
              <Button
                component={Link}
                to={`/programmes/${programmeId}/rencontres/nouvelle?avec=${c.person.id}`}
                size="xs"
                variant="light"
                leftSection={<IconCalendarPlus size={16} aria-hidden />}
              >
                {t('coaching.meet', { name: c.person.name })}
              </Button>
            </Group>
            <EndCoaching id={c.id} name={c.person.name} />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
