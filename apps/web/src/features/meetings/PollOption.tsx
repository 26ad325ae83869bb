import { Button, Group, Paper, Text } from '@mantine/core';
import { IconCheck, IconQuestionMark, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Answer, type Poll, slotLabel, timeLabel } from './queries';

const choices: { value: Answer; color: string; icon: typeof IconCheck }[] = [
  { value: 'yes', color: 'sauge', icon: IconCheck },
  { value: 'ifNeedBe', color: 'ambre', icon: IconQuestionMark },
  { value: 'no', color: 'red', icon: IconX },
];

/** One proposed time of the poll: three large buttons to answer it, and how many answered what. */
export function PollOption({
  option: o,
  timeZone,
  pending,
  onAnswer,
}: {
  option: Poll['options'][number];
  timeZone: string;
  /** The answer being saved for this time, if any. */
  pending: Answer | null;
  onAnswer: (answer: Answer) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = `${slotLabel(o.start, timeZone, lang)} – ${timeLabel(o.end, timeZone, lang)}`;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Text fw={600} mb={6} id={`opt-${o.id}`}>
        {label}
      </Text>
      <Group gap={6} grow wrap="nowrap" role="group" aria-labelledby={`opt-${o.id}`}>
        {choices.map(({ value, color, icon: Icon }) => {
          const active = o.myAnswer === value;
          return (
            <Button
              key={value}
              h={52}
              px={4}
              color={color}
              variant={active ? 'filled' : 'light'}
              aria-pressed={active}
              leftSection={active ? <Icon size={16} aria-hidden /> : undefined}
              loading={pending === value}
              onClick={() => onAnswer(value)}
              styles={{
                label: {
                  whiteSpace: 'normal',
                  lineHeight: 1.15,
                  overflow: 'visible',
                  textAlign: 'center',
                },
              }}
            >
              {t(`meetings.answer.${value}`)}
            </Button>
          );
        })}
      </Group>
      <Text size="xs" c="dimmed" mt={6}>
        {t('meetings.poll.counts', {
          yes: o.counts.yes,
          ifNeedBe: o.counts.ifNeedBe,
          no: o.counts.no,
        })}
      </Text>
    </Paper>
  );
}
