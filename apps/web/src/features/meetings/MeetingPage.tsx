import { Alert, Badge, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { MeetingFacts } from './MeetingFacts';
import { MeetingOptions } from './MeetingOptions';
import { statusColor } from './MeetingsPanel';
import { slotLabel, timeLabel, useCancelMeeting, useConfirmMeeting, useMeeting } from './queries';
import { ReportSection } from './ReportSection';

export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const meeting = useMeeting(meetingId);
  usePageTitle(meeting.data?.title);
  const confirm = useConfirmMeeting(meetingId);
  const cancel = useCancelMeeting(meetingId);

  if (meeting.error instanceof ApiError && meeting.error.isNotFound) return <NotFound />;
  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  if (!meeting.data) return <Loading />;
  const m = meeting.data;
  const lang = i18n.language;
  const zone = m.timeZone;

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
      <MeetingFacts meeting={m} />

      {m.status === 'polling' && <MeetingOptions meeting={m} confirm={confirm} />}

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
