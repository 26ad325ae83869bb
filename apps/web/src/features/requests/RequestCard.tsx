import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useDates } from '../../app/dates';
import { ErrorAlert } from '../../app/ui';
import { type Queue, type QueueItem, useDecide } from './queries';

/** One request: who, what they asked, the rules' verdict, its history; accepting or declining it. */
export function RequestCard({
  r,
  q,
  programmeId,
  orgId,
}: {
  r: QueueItem;
  q: Queue;
  programmeId: string;
  orgId: string;
}) {
  const { t } = useTranslation();
  const d = useDates(orgId);
  const role = r.role === 'tutor' ? q.words.tutor : q.words.tutee;
  const facts: [string, string | null][] = [
    [t('join.form.profession'), r.profession],
    [t('join.queue.place'), r.place],
    [t('join.queue.installedOn'), r.installedOn ? d.calendar(r.installedOn) : null],
    [t('join.queue.practisingSince'), r.practisingSince ? String(r.practisingSince) : null],
    [t('join.form.needs'), r.needs],
    [t('join.form.availability'), r.availability || null],
    [t('join.form.preferences'), r.preferences || null],
  ];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="flex-start">
          <Stack gap={0}>
            <Text fw={600}>{r.name}</Text>
            <Text size="sm" c="dimmed">
              {t('join.queue.asks', { role })}
            </Text>
          </Stack>
          <Badge color={r.eligibility.eligible ? 'sauge' : 'orange'} variant="light" tt="none">
            {r.eligibility.eligible ? t('join.queue.fits') : t('join.queue.doesNotFit')}
          </Badge>
        </Group>
        <Text size="sm">
          <a href={`mailto:${r.email}`}>{r.email}</a>
          {r.phone ? ` · ${r.phone}` : ''}
        </Text>
        {r.eligibility.checks.map((c) => (
          <Text key={c.rule} size="sm" c={c.ok ? undefined : 'orange.8'}>
            {c.explanation}
          </Text>
        ))}
        <Stack gap={6}>
          {facts
            .filter(([, v]) => v)
            .map(([label, value]) => (
              <div key={label}>
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {value}
                </Text>
              </div>
            ))}
        </Stack>
        <History r={r} orgId={orgId} />
        {r.actions.accept && <Decision r={r} programmeId={programmeId} role={role} />}
      </Stack>
    </Paper>
  );
}

/** Requested on, accepted or declined on and by whom, withdrawn, matched; the reason or the message written. */
function History({ r, orgId }: { r: QueueItem; orgId: string }) {
  const { t } = useTranslation();
  const d = useDates(orgId);
  return (
    <>
      <Text size="xs" c="dimmed">
        {[
          t('join.queue.requestedOn', { date: d.instant(r.confirmedAt ?? r.createdAt) }),
          r.state === 'accepted' && r.decidedAt
            ? t('join.queue.acceptedOn', { date: d.instant(r.decidedAt), by: r.decidedBy ?? '' })
            : null,
          r.state === 'declined' && r.decidedAt
            ? t('join.queue.declinedOn', { date: d.instant(r.decidedAt), by: r.decidedBy ?? '' })
            : null,
          r.withdrawnAt ? t('join.queue.withdrawnOn', { date: d.instant(r.withdrawnAt) }) : null,
          r.member?.matchedAt ? t('join.queue.matchedOn', { date: d.instant(r.member.matchedAt) }) : null,
          r.state === 'accepted' && !r.member?.matchedAt ? t('join.queue.notMatched') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {r.overrideReason && (
        <Text size="sm">
          <Text span fw={500}>
            {t('join.queue.overrideReason')}
          </Text>{' '}
          {r.overrideReason}
        </Text>
      )}
      {r.declineMessage && (
        <Text size="sm">
          <Text span fw={500}>
            {t('join.queue.declineMessage')}
          </Text>{' '}
          {r.declineMessage}
        </Text>
      )}
    </>
  );
}

/** Accept (with a reason when the request does not fit the rules) or decline (with an optional message). */
function Decision({ r, programmeId, role }: { r: QueueItem; programmeId: string; role: string }) {
  const { t } = useTranslation();
  const decide = useDecide(programmeId);
  const [mode, setMode] = useState<'accept' | 'decline' | null>(null);
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const send = (decision: 'accept' | 'decline') =>
    decide.mutate(
      { id: r.id, decision, text: text.trim() },
      {
        onError: (e) => setFieldError(e instanceof ApiError ? (e.fields[0]?.message ?? null) : null),
      },
    );
  if (!mode)
    return (
      <Group gap="xs" grow>
        <Button onClick={() => setMode('accept')}>{t('join.queue.accept')}</Button>
        <Button variant="default" onClick={() => setMode('decline')}>
          {t('join.queue.decline')}
        </Button>
      </Group>
    );
  const reasonNeeded = mode === 'accept' && !r.eligibility.eligible;
  return (
    <Stack gap="xs">
      {mode === 'accept' && (
        <Alert color={reasonNeeded ? 'orange' : 'sauge'} variant="light">
          {t(reasonNeeded ? 'join.queue.overrideHelp' : 'join.queue.acceptHelp', { role, name: r.name })}
        </Alert>
      )}
      {(reasonNeeded || mode === 'decline') && (
        <Textarea
          label={mode === 'accept' ? t('join.queue.overrideLabel') : t('join.queue.declineLabel')}
          description={mode === 'decline' ? t('join.queue.declineHelp') : undefined}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldError}
          autosize
          minRows={2}
          required={reasonNeeded}
        />
      )}
      {decide.error && !fieldError && <ErrorAlert error={decide.error} />}
      <Group gap="xs" grow>
        <Button
          onClick={() => send(mode)}
          loading={decide.isPending}
          color={mode === 'decline' ? 'red' : undefined}
        >
          {mode === 'accept' ? t('join.queue.acceptSend', { role }) : t('join.queue.declineSend')}
        </Button>
        <Button variant="default" onClick={() => setMode(null)}>
          {t('join.queue.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
