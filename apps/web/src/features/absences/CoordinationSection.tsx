import { Badge, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../app/dates';
import { ErrorAlert, Loading } from '../../app/ui';
import { ContinuityPanel } from './ContinuityPanel';
import { useCoordination, useNameBackup } from './queries';

/** The coordination's view: every absence not over with its reason, backups to name, continuity. */
export function CoordinationSection({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const view = useCoordination(programmeId, true);
  const name = useNameBackup();
  const day = (d: string) => formatCalendarDate(d, i18n.language);
  if (view.error) return <ErrorAlert error={view.error} />;
  if (!view.data) return <Loading />;
  const v = view.data;
  return (
    <Stack gap="md" component="section" aria-labelledby="coordination-absences">
      <Title order={3} size="h4" id="coordination-absences">
        {t('absences.coordination.title')}
      </Title>
      {name.error && <ErrorAlert error={name.error} />}
      {v.absences.length === 0 && <Text c="dimmed">{t('absences.coordination.none')}</Text>}
      {v.absences.map((a) => (
        <Paper key={a.id} withBorder p="md" radius="md">
          <Group justify="space-between" gap="xs">
            <Text fw={600}>{a.tutor.name}</Text>
            <Badge variant="light" color={a.status === 'current' ? 'orange' : 'blue'} c="dark.8">
              {t(`absences.status.${a.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('absences.period', { from: day(a.startOn), to: day(a.endOn) })}
            {a.reason ? ` · ${t('absences.mine.reason', { reason: a.reason })}` : ''}
          </Text>
          {!a.inTeam && (
            <Text size="sm" c="orange.8" mt={4}>
              {t('absences.coordination.noTeam')}
            </Text>
          )}
          <Stack gap="xs" mt="sm">
            {a.covers.map((c) =>
              c.state === 'accepted' || !v.actions.assign ? (
                <Text key={c.id} size="sm">
                  {c.tutee.name} → {c.backup?.name ?? t('absences.mine.nobody')} (
                  {t(`absences.cover.states.${c.state}`)})
                </Text>
              ) : (
                <NativeSelect
                  key={c.id}
                  label={t('absences.coordination.nameFor', {
                    tutee: c.tutee.name,
                    state: t(`absences.cover.states.${c.state}`),
                  })}
                  value={c.backup?.id ?? ''}
                  onChange={(e) =>
                    e.currentTarget.value && name.mutate({ coverId: c.id, backupId: e.currentTarget.value })
                  }
                  data={[
                    { value: '', label: t('absences.coordination.choose') },
                    ...v.tutors
                      .filter((x) => x.id !== a.tutor.id)
                      .map((x) => ({ value: x.id, label: x.name })),
                  ]}
                />
              ),
            )}
          </Stack>
        </Paper>
      ))}
      <ContinuityPanel programmeId={programmeId} />
    </Stack>
  );
}
