import { Alert, Badge, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui';
import { InterviewGridForm } from './InterviewGridForm';
import { InterviewRecordView } from './InterviewRecordView';
import { InterviewSignatures, ResidentViewPanel } from './InterviewSigning';
import { gridOf, type InterviewGrid } from './interviewQueries';
import { type MeetingDetail, type Report, slotLabel, useReport, useSaveReport } from './queries';
import { type Attendance, ReportAttendance } from './ReportAttendance';
import { ReportContentForm } from './ReportContentForm';
import { ReportContentView } from './ReportContentView';

type Content = NonNullable<Report['content']>;

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
  const [grid, setGrid] = useState<InterviewGrid | null>(null);
  useEffect(() => {
    if (!report.data) return;
    setAttendance(Object.fromEntries(report.data.attendance.map((a) => [a.userId, a.status ?? 'present'])));
    setDuration(report.data.durationMinutes ?? report.data.plannedMinutes);
    setContent(report.data.content);
    setGrid(report.data.interview?.record ? gridOf(report.data.interview) : null);
  }, [report.data]);
  const save = useSaveReport(meeting.id);
  // The save buttons are shown only with the content (the viewer may edit it).
  const send = (file: boolean) =>
    save.mutate({
      attendance: Object.entries(attendance).map(([userId, status]) => ({ userId, status })),
      durationMinutes: duration === '' ? null : Number(duration),
      ...(grid ? { interview: grid } : { content: content as Content }),
      file,
    });
  if (report.error) return <ErrorAlert error={report.error} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  const lang = i18n.language;
  const editable = r.actions.edit && (content || grid);
  if (r.status === 'none' && !editable) return <ReportNotOpen meeting={meeting} report={r} />;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <ReportHeading status={r.status} />
        <Text size="sm" c="dimmed">
          {r.date ? slotLabel(r.date, r.timeZone, lang, true) : ''}
        </Text>
        <ReportAttendance
          rows={r.attendance}
          editable={!!editable}
          value={attendance}
          onChange={setAttendance}
        />
        <Duration
          editable={!!editable}
          value={duration}
          onChange={setDuration}
          recorded={r.durationMinutes}
        />
        {r.interview ? (
          <InterviewPart
            meeting={meeting}
            report={r}
            grid={editable ? grid : null}
            onGrid={setGrid}
            onSend={send}
            save={save}
          />
        ) : editable && content ? (
          <ReportContentForm
            meeting={meeting}
            status={r.status}
            content={content}
            onContent={setContent}
            onSend={send}
            save={save}
          />
        ) : r.content ? (
          <ReportContentView content={r.content} />
        ) : (
          <Alert color="gray" variant="light">
            {r.status === 'none' ? t('meetings.report.notYet') : t('meetings.report.contentHidden')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** The meeting's length: typed by the report's author, read by the others. */
function Duration({
  editable,
  value,
  onChange,
  recorded,
}: {
  editable: boolean;
  value: number | string;
  onChange: (v: number | string) => void;
  recorded: number | null;
}) {
  const { t } = useTranslation();
  if (editable)
    return (
      <NumberInput
        label={t('meetings.report.duration')}
        value={value}
        onChange={onChange}
        min={1}
        max={1440}
        w={200}
      />
    );
  return (
    <Text size="sm">
      <b>{t('meetings.report.duration')}</b> {recorded ?? '—'}
    </Text>
  );
}

/** A tutored interview's grid: filled by the tutor, read by the resident, then signed by both. */
function InterviewPart({
  meeting,
  report: r,
  grid,
  onGrid,
  onSend,
  save,
}: {
  meeting: MeetingDetail;
  report: Report;
  grid: InterviewGrid | null;
  onGrid: (next: InterviewGrid) => void;
  onSend: (file: boolean) => void;
  save: ReturnType<typeof useSaveReport>;
}) {
  const { t } = useTranslation();
  const view = r.interview;
  if (!view) return null;
  if (!view.record && !grid)
    return (
      <Alert color="gray" variant="light">
        {r.status === 'none' ? t('meetings.report.notYet') : t('meetings.interview.hidden')}
      </Alert>
    );
  return (
    <Stack gap="lg">
      {grid ? (
        <InterviewGridForm
          view={view}
          grid={grid}
          onGrid={onGrid}
          status={r.status}
          onSend={onSend}
          save={save}
        />
      ) : (
        <InterviewRecordView view={view} />
      )}
      {r.status === 'filed' && (
        <>
          <ResidentViewPanel meetingId={meeting.id} view={view} />
          <InterviewSignatures meetingId={meeting.id} view={view} timeZone={r.timeZone} />
        </>
      )}
    </Stack>
  );
}

/** The report's title and where it stands (none, draft, filed). */
function ReportHeading({ status }: { status: Report['status'] }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Title order={2} fz={20}>
        {t('meetings.report.title')}
      </Title>
      <Badge variant="light" color={status === 'filed' ? 'sauge' : 'gray'} tt="none">
        {t(`meetings.report.status.${status}`)}
      </Badge>
    </Group>
  );
}

/** No report yet, and none to fill: when it opens, or that it is not written yet. */
function ReportNotOpen({ meeting, report: r }: { meeting: MeetingDetail; report: Report }) {
  const { t, i18n } = useTranslation();
  // Before the meeting starts nothing is recorded: no attendance, no duration, and the date it opens.
  const notStarted = !!r.date && new Date(r.date).getTime() > Date.now();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <ReportHeading status="none" />
        <Alert color="gray" variant="light">
          {notStarted && r.date
            ? t(meeting.myRole === 'organiser' ? 'meetings.report.opensOn' : 'meetings.report.notHeld', {
                date: slotLabel(r.date, r.timeZone, i18n.language, true),
              })
            : t('meetings.report.notYet')}
        </Alert>
      </Stack>
    </Paper>
  );
}
