import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconQuestionMark, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type MeetingDetail, slotLabel, timeLabel } from './queries';

type Option = MeetingDetail['options'][number];
type Answer = 'yes' | 'ifNeedBe' | 'no';

const answerIcon = { yes: IconCheck, ifNeedBe: IconQuestionMark, no: IconX } as const;
const answerColor = { yes: 'sauge', ifNeedBe: 'ambre', no: 'red' } as const;

/** One proposed date of a poll: its counts, who answered what, and the buttons to answer or fix it. */
export function MeetingOption({
  meeting: m,
  option: o,
  people,
  onConfirm,
  onAnswer,
}: {
  meeting: MeetingDetail;
  option: Option;
  people: Map<string, string>;
  onConfirm: () => void;
  onAnswer: (answer: Answer) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const zone = m.timeZone;
  return (
    <Paper component="li" withBorder p="sm" data-testid="option">
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
          <Button size="xs" onClick={onConfirm}>
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
              onClick={() => onAnswer(v)}
            >
              {t(`meetings.answer.${v}`)}
            </Button>
          ))}
        </Group>
      )}
    </Paper>
  );
}
