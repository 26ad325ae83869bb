import { Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type NetworkView, useRemoveNetworkTeam } from './queries';

/** The member teams: each team's name and organisation, never its people; their coordination removes a team. */
export function NetworkTeams({ n }: { n: NetworkView }) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState<NetworkView['teams'][number] | null>(null);
  const remove = useRemoveNetworkTeam(n.id, { onSuccess: () => setAsked(null) });
  return (
    <Stack gap="sm" component="section" aria-labelledby="network-teams">
      <Title order={2} fz={20} id="network-teams">
        {t('networks.teams.title', { count: n.teams.length })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('networks.teams.help')}
      </Text>
      <List spacing="xs" listStyleType="none" p={0}>
        {n.teams.map((team) => (
          <List.Item key={team.id}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {team.name}
                  {team.mine
                    ? ` · ${t(team.member ? 'networks.teams.mine' : 'networks.teams.coordinated')}`
                    : ''}
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
                  onClick={() => setAsked(team)}
                  aria-label={t('networks.teams.removeOne', { team: team.name })}
                >
                  {team.mine ? t('networks.teams.leave') : t('networks.teams.remove')}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      <Modal
        opened={asked !== null}
        onClose={() => setAsked(null)}
        title={asked?.mine ? t('networks.teams.leaveTitle') : t('networks.teams.removeTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('networks.teams.confirm', { team: asked?.name ?? '' })}</Text>
          {remove.error ? <ErrorAlert error={remove.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsked(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => asked && remove.mutate(asked.id)}>
              {asked?.mine ? t('networks.teams.leave') : t('networks.teams.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
