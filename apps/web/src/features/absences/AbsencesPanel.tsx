import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeContext } from '../programmes/context';
import { CoordinationSection } from './CoordinationSection';
import { CoverLines } from './CoverLines';
import { OwnAbsenceCard } from './OwnAbsenceCard';
import { type CoverRequest, type MemberView, useAnswer, useDeclare, useMyAbsences } from './queries';

/**
 * Leave and replacement in a programme: a tutee reads whom to contact while their tutor is away; a
 * tutor answers the requests to stand in, declares an absence and follows its backups; the
 * coordination sees every absence, names backups and checks continuity.
 */
export function AbsencesPanel() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const mine = useMyAbsences(programme.id);
  const coordinates = programme.myRoles.includes('coordinator') || programme.actions.archive;
  if (mine.error) return <ErrorAlert error={mine.error} />;
  if (!mine.data) return <Loading />;
  const v = mine.data;
  const nothing = !v.actions.declare && v.requests.length === 0 && v.contacts.length === 0 && !coordinates;
  return (
    <Stack gap="lg">
      <CoverLines programmeId={programme.id} />
      {v.requests.length > 0 && <Requests requests={v.requests} />}
      {v.actions.declare && <DeclareForm programmeId={programme.id} today={v.today} inTeam={v.inTeam} />}
      {v.absences.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="own-absences">
          <Title order={3} size="h4" id="own-absences">
            {t('absences.mine.title')}
          </Title>
          {v.absences.map((a) => (
            <OwnAbsenceCard key={a.id} absence={a} today={v.today} />
          ))}
        </Stack>
      )}
      {coordinates && <CoordinationSection programmeId={programme.id} />}
      {nothing && <Text c="dimmed">{t('absences.nothing')}</Text>}
    </Stack>
  );
}

function Requests({ requests }: { requests: CoverRequest[] }) {
  const { t, i18n } = useTranslation();
  const accept = useAnswer('accept');
  const decline = useAnswer('decline');
  const day = (d: string) => formatCalendarDate(d, i18n.language);
  return (
    <Stack gap="sm" component="section" aria-labelledby="cover-requests">
      <Title order={3} size="h4" id="cover-requests">
        {t('absences.requests.title')}
      </Title>
      {(accept.error || decline.error) && <ErrorAlert error={accept.error ?? decline.error} />}
      {requests.map((r) => (
        <Paper key={r.id} withBorder p="md" radius="md">
          <Text fw={600}>{t('absences.requests.who', { tutor: r.tutor.name, tutee: r.tutee.name })}</Text>
          <Text size="sm" c="dimmed">
            {t('absences.period', { from: day(r.startOn), to: day(r.endOn) })}
          </Text>
          {r.state === 'accepted' ? (
            <Text size="sm" mt="xs" c="teal.8">
              {r.running
                ? t('absences.requests.running', { tutee: r.tutee.name })
                : t('absences.requests.accepted')}
            </Text>
          ) : (
            <Group mt="sm" gap="sm">
              <Button
                size="sm"
                onClick={() => accept.mutate(r.id)}
                loading={accept.isPending}
                disabled={!r.actions.accept}
              >
                {t('absences.requests.accept', { tutee: r.tutee.name })}
              </Button>
              <Button
                size="sm"
                variant="default"
                onClick={() => decline.mutate(r.id)}
                loading={decline.isPending}
                disabled={!r.actions.decline}
              >
                {t('absences.requests.decline')}
              </Button>
            </Group>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function DeclareForm({
  programmeId,
  today,
  inTeam,
}: {
  programmeId: string;
  today: string;
  inTeam: boolean;
}) {
  const { t } = useTranslation();
  const declare = useDeclare(programmeId);
  const message = useErrorMessage();
  const [startOn, setStart] = useState(today);
  const [endOn, setEnd] = useState(today);
  const [reason, setReason] = useState('');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="declare-title">
      <Title order={3} size="h4" id="declare-title" mb="xs">
        {t('absences.declare.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {inTeam ? t('absences.declare.help') : t('absences.declare.noTeam')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          declare.mutate({ startOn, endOn, reason: reason.trim() || null });
        }}
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('absences.declare.from')}
              value={startOn}
              min={today}
              onChange={(e) => setStart(e.currentTarget.value)}
              required
            />
            <TextInput
              type="date"
              label={t('absences.declare.to')}
              value={endOn}
              min={startOn}
              onChange={(e) => setEnd(e.currentTarget.value)}
              required
            />
          </Group>
          <Textarea
            label={t('absences.declare.reason')}
            description={t('absences.declare.reasonHelp')}
            value={reason}
            maxLength={500}
            autosize
            minRows={1}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {declare.error && (
            <Text c="red" size="sm">
              {message(declare.error)}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={declare.isPending}>
              {t('absences.declare.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export type { MemberView };
