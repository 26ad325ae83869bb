import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type NetworkView, useRemoveNetworkTeam } from './queries';

/** The member teams: each team's name and organisation, never its people; their coordination removes a team. */
export function NetworkTeams({ n }: { n: NetworkView }) {
  const { t } = useTranslation();
  const remove = useRemoveNetworkTeam(n.id);
  return (
    <Stack gap="sm" component="section" aria-labelledby="network-teams">
      <Title order={2} fz={20} id="network-teams">
        {t('networks.teams.title', { count: n.teams.length })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('networks.teams.help')}
      </Text>
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <List spacing="xs" listStyleType="none" p={0}>
        {n.teams.map((team) => (
          <List.Item key={team.id}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {team.name}
                  {team.mine ? ` · ${t('networks.teams.mine')}` : ''}
                </Text>
                <Text size="sm" c="dimmed">
                  {team.organisation}
                </Text>
              </div>
              {team.canRemove && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  loading={remove.isPending && remove.variables === team.id}
                  onClick={() => remove.mutate(team.id)}
                  aria-label={t('networks.teams.removeOne', { team: team.name })}
                >
                  {team.mine ? t('networks.teams.leave') : t('networks.teams.remove')}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
