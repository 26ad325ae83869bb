import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../app/ui';
import { type MeetingDetail, type Report, slotLabel, useReport, useSaveReport } from './api';

type Attendance = 'present' | 'excused' | 'absent';
type Content = NonNullable<Report['content']>;
const FIELDS = ['themes', 'problems', 'conclusions', 'remarks'] as const;

/**
 * Attendance and the meeting report grid. The organiser fills it (pre-filled from the meeting and its
 * guide) and files it; others see what the programme's visibility rule lets them see.
 */
export function ReportSection({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation();
  const report = useReport(meeting.id, true);
  const [attendance, setAttendance] = useState<Record<string, Attendance>>({});
  const [duration, setDuration] = useState<number | string>('');
  const [content, setContent] = useState<Content | null>(null);
  useEffect(() => {
    if (!report.data) return;
    setAttendance(Object.fromEntries(report.data.attendance.map((a) => [a.userId, a.status ?? 'present'])));
    setDuration(report.data.durationMinutes ?? report.data.plannedMinutes);
    setContent(report.data.content);
  }, [report.data]);
  const save = useSaveReport(meeting.id);
  // The save buttons are shown only with the content (the viewer may edit it).
  const send = (file: boolean) =>
    save.mutate({
      attendance: Object.entries(attendance).map(([userId, status]) => ({ userId, status })),
      durationMinutes: duration === '' ? null : Number(duration),
      content: content as Content,
      file,
    });
  if (report.error) return <ErrorAlert error={report.error} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  const lang = i18n.language;
  const editable = r.actions.edit && content;
  // Before the meeting starts nothing is recorded: no attendance, no duration, and the date it opens.
  const notStarted = !!r.date && new Date(r.date).getTime() > Date.now();
  if (r.status === 'none' && !editable) {
    return (
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} fz={20}>
              {t('meetings.report.title')}
            </Title>
            <Badge variant="light" color="gray" tt="none">
              {t('meetings.report.status.none')}
            </Badge>
          </Group>
          <Alert color="gray" variant="light">
            {notStarted && r.date
              ? t(meeting.myRole === 'organiser' ? 'meetings.report.opensOn' : 'meetings.report.notHeld', {
                  date: slotLabel(r.date, r.timeZone, lang, true),
                })
              : t('meetings.report.notYet')}
          </Alert>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz={20}>
            {t('meetings.report.title')}
          </Title>
          <Badge variant="light" color={r.status === 'filed' ? 'sauge' : 'gray'} tt="none">
            {t(`meetings.report.status.${r.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {r.date ? slotLabel(r.date, r.timeZone, lang, true) : ''}
        </Text>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('meetings.report.attendance')}
          </Text>
          {r.attendance.map((a) =>
            editable ? (
              <Group key={a.userId} justify="space-between" wrap="wrap" gap={6}>
                <Text size="sm" id={`att-${a.userId}`}>
                  {a.name}
                </Text>
                <SegmentedControl
                  size="xs"
                  aria-labelledby={`att-${a.userId}`}
                  value={attendance[a.userId] ?? 'present'}
                  onChange={(v) => setAttendance({ ...attendance, [a.userId]: v as Attendance })}
                  data={(['present', 'excused', 'absent'] as const).map((v) => ({
                    value: v,
                    label: t(`meetings.attendance.${v}`),
                  }))}
                />
              </Group>
            ) : (
              <Text key={a.userId} size="sm">
                {a.name} — {a.status ? t(`meetings.attendance.${a.status}`) : '—'}
              </Text>
            ),
          )}
        </Stack>
        {editable ? (
          <NumberInput
            label={t('meetings.report.duration')}
            value={duration}
            onChange={setDuration}
            min={1}
            max={1440}
            w={200}
          />
        ) : (
          <Text size="sm">
            <b>{t('meetings.report.duration')}</b> {r.durationMinutes ?? '—'}
          </Text>
        )}
        {editable && content ? (
          <>
            <TextInput
              label={t('meetings.report.place')}
              value={content.place}
              onChange={(e) => setContent({ ...content, place: e.currentTarget.value })}
            />
            {FIELDS.map((f) => (
              <Textarea
                key={f}
                label={t(`meetings.report.${f}`)}
                value={content[f]}
                autosize
                minRows={2}
                onChange={(e) => setContent({ ...content, [f]: e.currentTarget.value })}
              />
            ))}
            <TextInput
              type="date"
              label={t('meetings.report.next')}
              value={content.nextMeetingDate ?? ''}
              onChange={(e) => setContent({ ...content, nextMeetingDate: e.currentTarget.value || null })}
            />
            <Group gap="sm">
              <Button
                variant="default"
                onClick={() => send(false)}
                loading={save.isPending && save.variables?.file === false}
              >
                {t('meetings.report.saveDraft')}
              </Button>
              <Button onClick={() => send(true)} loading={save.isPending && save.variables?.file === true}>
                {r.status === 'filed' ? t('meetings.report.update') : t('meetings.report.file')}
              </Button>
              {content.nextMeetingDate && (
                <Button
                  component={Link}
                  to={`/programmes/${meeting.programmeId}/rencontres/nouvelle?from=${content.nextMeetingDate}&avec=${meeting.participants.map((p) => p.id).join(',')}`}
                  variant="subtle"
                >
                  {t('meetings.report.nextPoll')}
                </Button>
              )}
            </Group>
            {save.isSuccess && (
              <Text size="sm" c="sauge.8" role="status">
                {save.data.status === 'filed' ? t('meetings.report.filed') : t('meetings.report.draftSaved')}
              </Text>
            )}
            {save.error && <ErrorAlert error={save.error} />}
          </>
        ) : r.content ? (
          <Stack gap="xs">
            {r.content.place && (
              <Text size="sm">
                <b>{t('meetings.report.place')}</b> {r.content.place}
              </Text>
            )}
            {FIELDS.map((f) =>
              r.content?.[f] ? (
                <Stack key={f} gap={2}>
                  <Text size="sm" fw={600}>
                    {t(`meetings.report.${f}`)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.content[f]}
                  </Text>
                </Stack>
              ) : null,
            )}
          </Stack>
        ) : (
          <Alert color="gray" variant="light">
            {r.status === 'none' ? t('meetings.report.notYet') : t('meetings.report.contentHidden')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
