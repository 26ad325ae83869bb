import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamPageView } from '../teams/queries';
import { ContinuityPanel } from './ContinuityPanel';
import { LeaveBadge } from './LeaveBadge';
import { useTeamLeave } from './queries';

/** On a team's page: who of the team is away, from today on (days only), then the continuity check. */
export function TeamLeaveSection({ team }: { team: TeamPageView }) {
  const { t } = useTranslation();
  const leave = useTeamLeave(team.id);
  const away = (leave.data?.members ?? []).filter((m) => m.absences.length > 0);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="team-leave-title">
        <Title order={3} size="h4" id="team-leave-title" mb="xs">
          {t('absences.teamLeave.title')}
        </Title>
        {leave.data && away.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('absences.teamLeave.none')}
          </Text>
        )}
        <Stack gap="xs">
          {away.map((m) => (
            <Group key={m.userId} gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {m.name}
              </Text>
              {m.absences.map((a) => (
                <LeaveBadge key={a.startOn} startOn={a.startOn} endOn={a.endOn} />
              ))}
            </Group>
          ))}
        </Stack>
      </Paper>
      <ContinuityPanel teamId={team.id} />
    </Stack>
  );
}
