import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarDown, IconCheck, IconQuestionMark, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import {
  type MeetingDetail,
  slotLabel,
  timeLabel,
  useAnswerMeeting,
  useCancelMeeting,
  useConfirmMeeting,
  useMeeting,
} from './api';
import { ConfirmDateModal } from './ConfirmDateModal';
import { statusColor } from './MeetingsPanel';
import { NudgeButton } from './NudgeButton';
import { ReportSection } from './ReportSection';
import { Whereabouts } from './Whereabouts';

const answerIcon = { yes: IconCheck, ifNeedBe: IconQuestionMark, no: IconX } as const;
const answerColor = { yes: 'sauge', ifNeedBe: 'ambre', no: 'red' } as const;

export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const meeting = useMeeting(meetingId);
  usePageTitle(meeting.data?.title);
  const confirm = useConfirmMeeting(meetingId);
  const cancel = useCancelMeeting(meetingId);
  const answer = useAnswerMeeting(meetingId);
  const [confirming, setConfirming] = useState<MeetingDetail['options'][number] | null>(null);

  if (meeting.error instanceof ApiError && meeting.error.isNotFound) return <NotFound />;
  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  if (!meeting.data) return <Loading />;
  const m = meeting.data;
  const lang = i18n.language;
  const zone = m.timeZone;
  const people = new Map([
    [m.organiser.id, m.organiser.name],
    ...m.participants.map((p) => [p.id, p.name] as [string, string]),
  ]);
  const waiting = m.answered ? m.participants.filter((p) => !m.answered?.includes(p.id)) : [];

  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title={m.title}
        badges={
          <>
            <Badge color={statusColor[m.status]} variant="light" tt="none">
              {t(`meetings.status.${m.status}`)}
            </Badge>
            <Badge variant="outline" color="sauge" tt="none">
              {t(`meetings.mode.${m.mode}`)}
            </Badge>
          </>
        }
        description={
          m.start
            ? `${slotLabel(m.start, zone, lang, true)} – ${timeLabel(m.end as string, zone, lang)}`
            : t('meetings.detail.pollIntro')
        }
      />
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Text size="sm">
            <b>{t('meetings.detail.organiser')}</b> {m.organiser.name}
          </Text>
          <Text size="sm">
            <b>{t('meetings.detail.participants')}</b> {m.participants.map((p) => p.name).join(', ')}
          </Text>
          <Whereabouts meeting={m} />
          {m.start && m.myRole !== 'coordinator' && m.status !== 'cancelled' && (
            <Anchor href={`/api/meetings/${m.id}/invitation`} size="sm" download>
              <IconCalendarDown size={14} aria-hidden /> {t('meetings.detail.addToCalendar')}
            </Anchor>
          )}
        </Stack>
      </Paper>

      {m.guide && (
        <Paper withBorder p="md">
          <Title order={2} fz={18} mb="xs">
            {t('meetings.detail.guide', { title: m.guide.title })}
          </Title>
          <List size="sm" spacing={4}>
            {m.guide.themes.map((th) => (
              <List.Item key={th}>{th}</List.Item>
            ))}
          </List>
        </Paper>
      )}

      {m.status === 'polling' && (
        <Stack gap="sm">
          <Title order={2} fz={20}>
            {t('meetings.detail.options')}
          </Title>
          {waiting.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('meetings.detail.waiting', { names: waiting.map((p) => p.name).join(', ') })}
            </Text>
          )}
          {m.actions.nudge && <NudgeButton meeting={m} />}
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {m.options.map((o) => (
              <Paper key={o.id} component="li" withBorder p="sm" data-testid="option">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={2}>
                    <Text fw={600}>
                      {slotLabel(o.start, zone, lang)} – {timeLabel(o.end, zone, lang)}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('meetings.poll.counts', o.counts)}
                    </Text>
                  </Stack>
                  {m.actions.confirm && (
                    <Button size="xs" onClick={() => setConfirming(o)}>
                      {t('meetings.detail.confirm')}
                    </Button>
                  )}
                </Group>
                {o.answers && o.answers.length > 0 && (
                  <Group gap={6} mt={6}>
                    {o.answers.map((a) => {
                      const Icon = answerIcon[a.answer];
                      return (
                        <Badge
                          key={a.userId}
                          color={answerColor[a.answer]}
                          variant="light"
                          tt="none"
                          leftSection={<Icon size={12} aria-hidden />}
                        >
                          {people.get(a.userId)} · {t(`meetings.answer.${a.answer}`)}
                        </Badge>
                      );
                    })}
                  </Group>
                )}
                {m.actions.answer && (
                  <Group gap={6} mt={8} grow role="group" aria-label={t('meetings.detail.yourAnswer')}>
                    {(['yes', 'ifNeedBe', 'no'] as const).map((v) => (
                      <Button
                        key={v}
                        size="xs"
                        color={answerColor[v]}
                        variant={o.myAnswer === v ? 'filled' : 'light'}
                        aria-pressed={o.myAnswer === v}
                        onClick={() => answer.mutate({ optionId: o.id, answer: v })}
                      >
                        {t(`meetings.answer.${v}`)}
                      </Button>
                    ))}
                  </Group>
                )}
              </Paper>
            ))}
          </Stack>
          {answer.error && <ErrorAlert error={answer.error} />}
          <ConfirmDateModal
            meeting={m}
            option={confirming}
            confirm={confirm}
            onClose={() => setConfirming(null)}
          />
        </Stack>
      )}

      {m.status === 'confirmed' && m.myRole === 'organiser' && confirm.isSuccess && (
        <Alert color="sauge" role="status">
          {t('meetings.detail.confirmed')}
        </Alert>
      )}

      {m.status !== 'polling' && m.status !== 'cancelled' && <ReportSection meeting={m} />}

      {m.actions.cancel && (
        <Group>
          <Button
            variant="subtle"
            color="red"
            onClick={() => window.confirm(t('meetings.detail.cancelConfirm')) && cancel.mutate()}
            loading={cancel.isPending}
          >
            {t('meetings.detail.cancel')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
