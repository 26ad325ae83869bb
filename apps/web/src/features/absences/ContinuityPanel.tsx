import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui';
import { useContinuity } from './queries';

/**
 * The continuity check: every live tutee of the team's members (or, for the coordination, of the
 * programme's tutors) has an active tutor and a backup available; the ones who do not, with why.
 * The team page mounts it with its team; the absences page with the programme for the coordination.
 */
export function ContinuityPanel(props: { teamId: string } | { programmeId: string }) {
  const { t } = useTranslation();
  const check = useContinuity(props);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="continuity-title">
      <Title order={3} size="h4" id="continuity-title" mb="xs">
        {t('absences.continuity.title')}
      </Title>
      {check.error ? (
        <ErrorAlert error={check.error} />
      ) : !check.data ? (
        <Loading />
      ) : check.data.issues.length === 0 ? (
        <Group gap="xs">
          <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
          <Text size="sm">{t('absences.continuity.allGood', { count: check.data.checked })}</Text>
        </Group>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('absences.continuity.summary', {
              count: check.data.issues.length,
              checked: check.data.checked,
            })}
          </Text>
          {check.data.issues.map((x) => (
            <Paper key={`${x.tutor.id}:${x.tutee.id}`} withBorder p="xs" radius="sm">
              <Text size="sm" fw={600}>
                {x.tutee.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t('absences.continuity.tutor', { tutor: x.tutor.name })}
                {x.team ? ` · ${x.team}` : ''}
              </Text>
              <Group gap={4} mt={4}>
                {x.problems.map((p) => (
                  <Badge
                    key={p}
                    color={p === 'backupPending' ? 'yellow' : 'red'}
                    variant="light"
                    c="dark.8"
                    style={{ textTransform: 'none' }}
                  >
                    {t(`absences.continuity.problems.${p}`)}
                  </Badge>
                ))}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
