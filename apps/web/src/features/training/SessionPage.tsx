import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import {
  type SessionDetail,
  useAttendance,
  useCancelSession,
  useRegistration,
  useSession,
  useUpdateSession,
} from './queries';
import { PlaceBadge, RegistrationButtons, SessionWhen, SessionWhere } from './SessionCard';
import { SessionFormModal } from './SessionFormModal';

/** One session: its details and the viewer's place; for the coordination, who comes, who waits, who came. */
export function SessionPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const session = useSession(sessionId);
  usePageTitle(session.data?.title);
  if (session.error) return <ErrorAlert error={session.error} />;
  if (!session.data) return <Loading />;
  const s = session.data;
  return (
    <Stack gap="lg" maw={820}>
      <Anchor component={Link} to={`/programmes/${s.programmeId}/formations`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('training.back')}
        </Group>
      </Anchor>
      <PageHeader
        eyebrow={t(`training.kinds.${s.kind}`)}
        title={s.title}
        badges={s.cancelled || s.mine.status !== 'none' ? <PlaceBadge s={s} /> : undefined}
      />
      <Paper withBorder p="md">
        <Stack gap="xs">
          <SessionWhen s={s} />
          <SessionWhere s={s} />
          <Text size="sm">{t('training.places', { count: s.capacity, registered: s.registered })}</Text>
          {s.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {s.description}
            </Text>
          )}
          <OwnPlace s={s} />
        </Stack>
      </Paper>
      {s.actions.manage && <Manage s={s} />}
      {(s.registrations.length > 0 || s.waitingList.length > 0) && <People s={s} />}
    </Stack>
  );
}

function OwnPlace({ s }: { s: SessionDetail }) {
  const registration = useRegistration(s.id);
  if (!s.actions.register && !s.actions.cancelRegistration) return null;
  return (
    <Stack gap="xs">
      {registration.error && <ErrorAlert error={registration.error} />}
      <RegistrationButtons s={s} pending={registration.isPending} act={(a) => registration.mutate(a)} />
    </Stack>
  );
}

/** Changing or cancelling the session (everyone registered or waiting is told). */
function Manage({ s }: { s: SessionDetail }) {
  const { t } = useTranslation();
  const update = useUpdateSession(s.id);
  const cancel = useCancelSession(s.id);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  return (
    <Group gap="sm">
      <Button variant="light" onClick={() => setEditing(true)}>
        {t('training.edit')}
      </Button>
      {confirming ? (
        <Group gap="xs">
          <Text size="sm">{t('training.cancelConfirm')}</Text>
          <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('training.cancelYes')}
          </Button>
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      ) : (
        <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
          {t('training.cancelSession')}
        </Button>
      )}
      {cancel.error && <ErrorAlert error={cancel.error} />}
      {editing && <SessionFormModal opened onClose={() => setEditing(false)} session={s} save={update} />}
    </Group>
  );
}

/** Who registered (with attendance once it started) and who waits, in order. */
function People({ s }: { s: SessionDetail }) {
  const { t } = useTranslation();
  const attendance = useAttendance(s.id);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="registered-title">
        <Title order={2} fz={18} mb="sm" id="registered-title">
          {t('training.registrations', { count: s.registrations.length })}
        </Title>
        {attendance.error && <ErrorAlert error={attendance.error} />}
        <Stack gap={8}>
          {s.registrations.map((r) => (
            <Group key={r.id} justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">{r.name}</Text>
              {s.actions.recordAttendance ? (
                <SegmentedControl
                  size="xs"
                  aria-label={t('training.attendanceOf', { name: r.name })}
                  value={r.attendance ?? ''}
                  onChange={(v) => attendance.mutate([{ userId: r.id, status: v as 'present' | 'absent' }])}
                  data={[
                    { value: 'present', label: t('training.present') },
                    { value: 'absent', label: t('training.absent') },
                  ]}
                />
              ) : r.attendance ? (
                <Text size="sm" c="dimmed">
                  {t(`training.${r.attendance}`)}
                </Text>
              ) : null}
            </Group>
          ))}
        </Stack>
      </Paper>
      {s.waitingList.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="waiting-title">
          <Title order={2} fz={18} mb="sm" id="waiting-title">
            {t('training.waitingList', { count: s.waitingList.length })}
          </Title>
          <Stack gap={6} component="ol" m={0} pl="md">
            {s.waitingList.map((r) => (
              <Text component="li" size="sm" key={r.id}>
                {r.name}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
