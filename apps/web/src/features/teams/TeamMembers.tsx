import { Anchor, Badge, Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconMail, IconPhone, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CardHeading } from '../../app/ui';
import type { TeamMember, TeamPageView } from './queries';

/** The shared caseload: each member with their contact details and their load against capacity. */
export function TeamMembers({ team }: { team: TeamPageView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="team-caseload">
      <CardHeading
        icon={IconUsersGroup}
        id="team-caseload"
        title={t('teams.caseload.title')}
        help={t(
          team.relation === 'teammate' ? 'teams.caseload.helpMember' : 'teams.caseload.helpCoordination',
        )}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {team.members.map((m) => (
          <MemberCard key={m.id} m={m} portfolio={team.programme.portfolio} />
        ))}
      </SimpleGrid>
    </section>
  );
}

function MemberCard({ m, portfolio }: { m: TeamMember; portfolio: boolean }) {
  const { t } = useTranslation();
  const { tutees, capacity, alerts, traces } = m.load;
  const full = capacity > 0 && tutees >= capacity;
  const percent = capacity > 0 ? Math.min(100, Math.round((tutees / capacity) * 100)) : 0;
  return (
    <Card withBorder padding="md" radius="md" component="article" aria-label={m.name}>
      <Stack gap={8}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{m.name}</Text>
          {m.me && (
            <Badge variant="light" tt="none">
              {t('teams.you')}
            </Badge>
          )}
        </Group>
        {m.email && (
          <Anchor href={`mailto:${m.email}`} size="sm">
            <Group gap={6} wrap="nowrap">
              <IconMail size={16} aria-hidden />
              <span style={{ overflowWrap: 'anywhere' }}>{m.email}</span>
            </Group>
          </Anchor>
        )}
        {m.phone && (
          <Anchor href={`tel:${m.phone}`} size="sm">
            <Group gap={6} wrap="nowrap">
              <IconPhone size={16} aria-hidden />
              {m.phone}
            </Group>
          </Anchor>
        )}
        <Text size="sm">{t('teams.caseload.tutees', { count: tutees, capacity })}</Text>
        <Progress
          value={percent}
          color={full ? 'orange' : 'sauge'}
          aria-label={t('teams.caseload.tutees', { count: tutees, capacity })}
        />
        <Group gap="xs">
          <Badge variant={alerts > 0 ? 'filled' : 'light'} color={alerts > 0 ? 'red.9' : 'gray'} tt="none">
            {t('teams.caseload.alerts', { count: alerts })}
          </Badge>
          {portfolio && traces !== null && (
            <Badge variant={traces > 0 ? 'filled' : 'light'} color={traces > 0 ? 'blue.9' : 'gray'} tt="none">
              {t('teams.caseload.traces', { count: traces })}
            </Badge>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
