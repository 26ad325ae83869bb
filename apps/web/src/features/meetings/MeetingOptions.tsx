import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { ConfirmDateModal } from './ConfirmDateModal';
import { MeetingOption } from './MeetingOption';
import { NudgeButton } from './NudgeButton';
import { type MeetingDetail, useAnswerMeeting, type useConfirmMeeting } from './queries';

/** A poll's proposed dates, who has not answered yet, and fixing one date. */
export function MeetingOptions({
  meeting: m,
  confirm,
}: {
  meeting: MeetingDetail;
  confirm: ReturnType<typeof useConfirmMeeting>;
}) {
  const { t } = useTranslation();
  const answer = useAnswerMeeting(m.id);
  const [confirming, setConfirming] = useState<MeetingDetail['options'][number] | null>(null);
  const people = new Map([
    [m.organiser.id, m.organiser.name],
    ...m.participants.map((p) => [p.id, p.name] as [string, string]),
  ]);
  const waiting = m.answered ? m.participants.filter((p) => !m.answered?.includes(p.id)) : [];
  return (
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
          <MeetingOption
            key={o.id}
            meeting={m}
            option={o}
            people={people}
            onConfirm={() => setConfirming(o)}
            onAnswer={(v) => answer.mutate({ optionId: o.id, answer: v })}
          />
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
  );
}
