import { Button, Group, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/ui';
import type { MeetingDetail, Report, useSaveReport } from './queries';
import { REPORT_FIELDS } from './ReportContentView';

type Content = NonNullable<Report['content']>;

/** The report grid as its author fills it, saved as a draft or filed; and the next meeting's poll. */
export function ReportContentForm({
  meeting,
  status,
  content,
  onContent,
  onSend,
  save,
}: {
  meeting: MeetingDetail;
  status: Report['status'];
  content: Content;
  onContent: (next: Content) => void;
  onSend: (file: boolean) => void;
  save: ReturnType<typeof useSaveReport>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('meetings.report.place')}
        value={content.place}
        onChange={(e) => onContent({ ...content, place: e.currentTarget.value })}
      />
      {REPORT_FIELDS.map((f) => (
        <Textarea
          key={f}
          label={t(`meetings.report.${f}`)}
          value={content[f]}
          autosize
          minRows={2}
          onChange={(e) => onContent({ ...content, [f]: e.currentTarget.value })}
        />
      ))}
      <TextInput
        type="date"
        label={t('meetings.report.next')}
        value={content.nextMeetingDate ?? ''}
        onChange={(e) => onContent({ ...content, nextMeetingDate: e.currentTarget.value || null })}
      />
      <Group gap="sm">
        <Button
          variant="default"
          onClick={() => onSend(false)}
          loading={save.isPending && save.variables?.file === false}
        >
          {t('meetings.report.saveDraft')}
        </Button>
        <Button onClick={() => onSend(true)} loading={save.isPending && save.variables?.file === true}>
          {status === 'filed' ? t('meetings.report.update') : t('meetings.report.file')}
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
  );
}
