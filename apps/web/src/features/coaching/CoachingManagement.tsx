import { Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSeedling } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { CardHeading } from '../../app/ui';
import { EndCoaching } from './EndCoaching';
import { type ProgrammeCoaching, useCreateCoaching } from './queries';

type Manage = NonNullable<ProgrammeCoaching['manage']>;
type NewTutor = Manage['newTutors'][number];

/**
 * The coordination's view: each tutor in their first year with their coach, or a coach to choose
 * (the proposed one first: a teammate, else whoever coaches the fewest); the coachings that ended.
 */
export function CoachingManagement({ programmeId, d }: { programmeId: string; d: ProgrammeCoaching }) {
  const { t, i18n } = useTranslation();
  const m = d.manage;
  if (!m) return null;
  const day = (iso: string) => formatInstant(iso, d.timeZone, i18n.language);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="coaching-title">
      <CardHeading
        icon={IconSeedling}
        id="coaching-title"
        title={t('coaching.manage.title', { count: m.newTutors.length })}
        help={t('coaching.manage.help')}
      />
      {m.newTutors.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('coaching.manage.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {m.newTutors.map((n) => (
            <NewTutorRow
              key={n.id}
              n={n}
              m={m}
              programmeId={programmeId}
              canPair={d.actions.create}
              day={day}
            />
          ))}
        </Stack>
      )}
      {m.ended.length > 0 && (
        <Stack gap={4} mt="lg">
          <Text fw={600} size="sm">
            {t('coaching.manage.ended')}
          </Text>
          {m.ended.map((e) => (
            <Text key={e.id} size="sm" c="dimmed">
              {t(`coaching.manage.endedLine.${e.reason}`, {
                coach: e.coach.name,
                newTutor: e.newTutor.name,
                date: day(e.endedAt),
              })}
              {e.note ? ` — « ${e.note} »` : ''}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function NewTutorRow({
  n,
  m,
  programmeId,
  canPair,
  day,
}: {
  n: NewTutor;
  m: Manage;
  programmeId: string;
  canPair: boolean;
  day: (iso: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid={`new-tutor-${n.id}`}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{n.name}</Text>
        <Text size="xs" c="dimmed">
          {t('coaching.manage.since', { date: day(n.tutorSince) })}
        </Text>
        {!n.coaching && (
          <Badge size="sm" variant="light" color="orange" tt="none">
            {t('coaching.manage.noCoach')}
          </Badge>
        )}
      </Group>
      {n.coaching ? (
        <>
          <Text size="sm">
            {t('coaching.manage.coachedBy', { name: n.coaching.coach.name, date: day(n.coaching.endsAt) })}
          </Text>
          {canPair && <EndCoaching id={n.coaching.id} name={n.name} />}
        </>
      ) : (
        canPair && <PairForm n={n} m={m} programmeId={programmeId} />
      )}
    </Stack>
  );
}

function PairForm({ n, m, programmeId }: { n: NewTutor; m: Manage; programmeId: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [coachId, setCoachId] = useState<string | null>(n.proposedCoachId);
  const create = useCreateCoaching(programmeId, (e) =>
    notifications.show({ color: 'red', message: message(e) }),
  );
  if (m.coaches.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('coaching.manage.noExperienced')}
      </Text>
    );
  const options = m.coaches.map((c) => ({
    value: c.id,
    label: `${c.name}${c.id === n.proposedCoachId ? ` (${t('coaching.manage.proposed')})` : ''} · ${t('coaching.manage.load', { count: c.coaching })}`,
  }));
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={t('coaching.manage.coachFor', { name: n.name })}
        data={options}
        value={coachId}
        onChange={setCoachId}
        allowDeselect={false}
        style={{ flex: '1 1 240px' }}
      />
      <Button
        disabled={!coachId}
        loading={create.isPending}
        onClick={() => coachId && create.mutate({ newTutorId: n.id, coachId })}
      >
        {t('coaching.manage.pair')}
      </Button>
    </Group>
  );
}
