import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconSchool } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatInstant } from '../../app/dates';
import { CardHeading, ErrorAlert, Loading } from '../../app/ui';
import { CoachingSection } from '../coaching/CoachingSection';
import { useProgrammeContext } from '../programmes/context';
import { type ProgrammeTraining, useCreateSession, useProgrammeTraining } from './queries';
import { SessionCard } from './SessionCard';
import { SessionFormModal } from './SessionFormModal';

/**
 * The programme's training sessions: tutors see those to come and register; the coordination also
 * sees past and cancelled ones, publishes new ones, and sees who has not taken the initial training.
 */
export function TrainingPanel() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const training = useProgrammeTraining(programme.id);
  const create = useCreateSession(programme.id);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  if (training.error) return <ErrorAlert error={training.error} />;
  if (!training.data) return <Loading />;
  const d = training.data;
  const upcoming = d.sessions.filter((s) => !s.past);
  const past = d.sessions.filter((s) => s.past);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 260px' }}>
          <Title order={2} fz={20}>
            {t('training.upcoming')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('training.intro')}
          </Text>
        </Stack>
        {d.actions.create && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('training.new')}
          </Button>
        )}
      </Group>
      {upcoming.length === 0 ? (
        <Text c="dimmed">{t('training.none')}</Text>
      ) : (
        upcoming.map((s) => <SessionCard key={s.id} s={s} />)
      )}
      <CoachingSection programmeId={programme.id} />
      {d.untrained && <Untrained d={d} />}
      {past.length > 0 && (
        <Stack gap="sm">
          <Title order={2} fz={20}>
            {t('training.past')}
          </Title>
          {past.map((s) => (
            <SessionCard key={s.id} s={s} />
          ))}
        </Stack>
      )}
      {creating && (
        <SessionFormModal
          opened
          onClose={() => setCreating(false)}
          save={{
            ...create,
            mutateAsync: async (v) => {
              const made = await create.mutateAsync(v);
              navigate(`/formations/${made.id}`);
              return made;
            },
          }}
        />
      )}
    </Stack>
  );
}

/** The programme's tutors never marked present at an initial training of the organisation. */
function Untrained({ d }: { d: ProgrammeTraining }) {
  const { t, i18n } = useTranslation();
  const list = d.untrained ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="untrained-title">
      <CardHeading
        icon={IconSchool}
        id="untrained-title"
        title={t('training.untrained.title', { count: list.length })}
        help={t('training.untrained.help')}
      />
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('training.untrained.none')}
        </Text>
      ) : (
        <List spacing={6} listStyleType="none" p={0}>
          {list.map((u) => (
            <List.Item key={u.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={500}>
                  {u.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('training.untrained.since', {
                    date: formatInstant(u.tutorSince, d.timeZone, i18n.language),
                  })}
                </Text>
                {u.registeredForInitial && (
                  <Badge size="sm" variant="light" color="sauge" tt="none">
                    {t('training.untrained.registered')}
                  </Badge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
