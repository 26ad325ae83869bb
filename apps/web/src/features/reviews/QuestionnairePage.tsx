import { Alert, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { type AskView, useAnswer, useAsk } from './queries';

/** A questionnaire of the programme, answered anonymously, once. */
export function QuestionnairePage() {
  const { askId = '' } = useParams();
  const query = useAsk(askId);
  usePageTitle(query.data?.title);
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <Answer v={query.data} />;
}

function Answer({ v }: { v: AskView }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [answers, setAnswers] = useState<Record<string, number | boolean | string>>({});
  const answer = useAnswer(v.id, {
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  const done = v.answered || answer.isSuccess;
  return (
    <Stack gap="lg" maw={680}>
      <PageHeader eyebrow={v.programme.name} title={v.title} />
      <Alert variant="light" color="gray" icon={<IconEyeOff size={18} aria-hidden />}>
        <Text size="sm">{t('reviews.questionnaire.anonymous')}</Text>
      </Alert>
      {done ? (
        <Stack gap="sm">
          <Alert color="sauge" variant="light">
            {t('reviews.questionnaire.thanks')}
          </Alert>
          <Button component={Link} to="/" variant="light" w="fit-content">
            {t('reviews.questionnaire.home')}
          </Button>
        </Stack>
      ) : (
        <Stack gap="md">
          {v.questions.map((q) => (
            <Stack key={q.id} gap={4}>
              {q.kind === 'text' ? (
                <Textarea
                  label={q.label}
                  autosize
                  minRows={2}
                  maxLength={1000}
                  value={String(answers[q.id] ?? '')}
                  onChange={(e) => setAnswers({ ...answers, [q.id]: e.currentTarget.value })}
                />
              ) : (
                <>
                  <Text size="sm" fw={500} id={`q-${q.id}`}>
                    {q.label}
                  </Text>
                  <SegmentedControl
                    fullWidth
                    aria-labelledby={`q-${q.id}`}
                    data={
                      q.kind === 'scale'
                        ? ['1', '2', '3', '4', '5']
                        : [
                            { value: 'yes', label: t('reviews.questionnaire.yes') },
                            { value: 'no', label: t('reviews.questionnaire.no') },
                          ]
                    }
                    value={answerValue(answers[q.id])}
                    onChange={(x) =>
                      setAnswers({ ...answers, [q.id]: q.kind === 'scale' ? Number(x) : x === 'yes' })
                    }
                  />
                </>
              )}
            </Stack>
          ))}
          <Group>
            <Button onClick={() => answer.mutate(answers)} loading={answer.isPending}>
              {t('reviews.questionnaire.send')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

const answerValue = (v: number | boolean | string | undefined) =>
  v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
