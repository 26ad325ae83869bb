import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconMapPin, IconQuestionMark, IconVideo, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, usePageTitle } from '../../app/ui';
import { type Answer, slotLabel, timeLabel, useAnswerPoll, usePoll } from './api';

const choices: { value: Answer; color: string; icon: typeof IconCheck }[] = [
  { value: 'yes', color: 'sauge', icon: IconCheck },
  { value: 'ifNeedBe', color: 'ambre', icon: IconQuestionMark },
  { value: 'no', color: 'red', icon: IconX },
];

/**
 * The poll reached from an e-mail or SMS link, without signing in: one tap per proposed time, saved
 * at once. The link is the person's own; the page shows how many people answered, never who.
 */
export function PollPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  usePageTitle(t('meetings.poll.pageTitle'));
  const poll = usePoll(token);
  const answer = useAnswerPoll(token);

  if (!token || (poll.error instanceof ApiError && poll.error.status === 404)) {
    return (
      <Alert color="red" title={t('meetings.poll.invalidTitle')}>
        {t('meetings.poll.invalid')}
      </Alert>
    );
  }
  if (poll.error instanceof ApiError && poll.error.status === 410) {
    return (
      <Alert color="gray" title={t('meetings.poll.closedTitle')}>
        {t('meetings.poll.closed')}
      </Alert>
    );
  }
  if (poll.error) return <ErrorAlert error={poll.error} />;
  if (!poll.data) return <Loading />;
  const p = poll.data;
  const lang = i18n.language;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {p.programmeName}
        </Text>
        <Title order={1} fz={22}>
          {p.title}
        </Title>
        <Text size="sm">
          {t('meetings.poll.intro', {
            name: p.me.name,
            organiser: p.organiserName,
            minutes: p.durationMinutes,
          })}
        </Text>
        <Badge variant="light" color="sauge" tt="none" w="fit-content">
          {t(`meetings.mode.${p.mode}`)}
        </Badge>
        {p.place && (
          <Text size="sm">
            <IconMapPin size={14} aria-hidden /> <b>{t('meetings.detail.place')}</b> {p.place}
          </Text>
        )}
        {p.videoUrl && (
          <Text size="sm">
            <IconVideo size={14} aria-hidden /> <b>{t('meetings.poll.videoLink')}</b>{' '}
            <Anchor href={p.videoUrl} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
              {p.videoUrl}
            </Anchor>
          </Text>
        )}
      </Stack>
      {p.status === 'confirmed' && p.confirmed && (
        <Alert color="sauge" title={t('meetings.poll.confirmedTitle')}>
          {slotLabel(p.confirmed.start, p.timeZone, lang, true)}
        </Alert>
      )}
      {p.status === 'polling' && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {p.options.map((o) => {
            const label = `${slotLabel(o.start, p.timeZone, lang)} – ${timeLabel(o.end, p.timeZone, lang)}`;
            return (
              <Paper key={o.id} component="li" withBorder p="sm" radius="md">
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
                        loading={
                          answer.isPending &&
                          answer.variables?.optionId === o.id &&
                          answer.variables.answer === value
                        }
                        onClick={() => answer.mutate({ optionId: o.id, answer: value })}
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
          })}
        </Stack>
      )}
      {answer.isSuccess && (
        <Text size="sm" c="sauge.8" role="status">
          {t('meetings.poll.saved')}
        </Text>
      )}
      {answer.error && <ErrorAlert error={answer.error} />}
      <Text size="xs" c="dimmed">
        {t('meetings.poll.private')}
      </Text>
    </Stack>
  );
}
