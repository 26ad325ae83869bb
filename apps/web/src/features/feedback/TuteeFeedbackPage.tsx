import { tuteeQuestions } from '@compagnon/server/modules/feedback/schema.ts';
import { Alert, Button, Card, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLock, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { type FeedbackAsk, type TuteeAnswerBody, useAnswerAsk, useFeedbackAsk } from './queries';

type Answers = Partial<TuteeAnswerBody['answers']>;

/** A tutee's anonymous feedback on their tutor: five questions from 1 to 5 and a free comment. */
export function TuteeFeedbackPage() {
  const { feedbackAskId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('feedback.ask.title'));
  const query = useFeedbackAsk(feedbackAskId);
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <Ask a={query.data} />;
}

function Ask({ a }: { a: FeedbackAsk }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [answers, setAnswers] = useState<Answers>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useAnswerAsk(a.id, { onError: (e) => setError(message(e)) });
  const complete = tuteeQuestions.every((q) => answers[q]);
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader
        eyebrow={a.programme}
        title={t('feedback.ask.title')}
        description={t(`feedback.ask.moment.${a.moment}`, { name: a.tutor })}
      />
      <Alert color="ardoise" variant="light" icon={<IconLock aria-hidden />}>
        {t('feedback.ask.anonymous', { name: a.tutor })}
      </Alert>
      {a.answered || send.isSuccess ? (
        <Alert color="sauge" variant="light">
          {t('feedback.ask.thanks')}
        </Alert>
      ) : (
        <>
          {tuteeQuestions.map((q) => (
            <Question key={q} q={q} value={answers[q]} onChange={(n) => setAnswers({ ...answers, [q]: n })} />
          ))}
          <Textarea
            label={t('feedback.ask.comment')}
            description={t('feedback.ask.commentHint')}
            autosize
            minRows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          {!complete && (
            <Text size="sm" c="dimmed">
              {t('feedback.ask.answerAll')}
            </Text>
          )}
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            disabled={!complete}
            loading={send.isPending}
            onClick={() => {
              setError(null);
              send.mutate({
                answers: answers as TuteeAnswerBody['answers'],
                comment: comment.trim() || null,
              });
            }}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('feedback.ask.send')}
          </Button>
        </>
      )}
    </Stack>
  );
}

function Question({ q, value, onChange }: { q: string; value?: number; onChange: (n: number) => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" role="group" aria-labelledby={`q-${q}`}>
      <Title order={2} fz="sm" id={`q-${q}`}>
        {t(`feedback.questions.${q}`)}
      </Title>
      <Radio.Group value={value ? String(value) : ''} onChange={(v) => onChange(Number(v))} mt={6}>
        <Stack gap={6}>
          {[1, 2, 3, 4, 5].map((n) => (
            <Radio key={n} value={String(n)} label={t(`feedback.scale.${n}`)} />
          ))}
        </Stack>
      </Radio.Group>
    </Card>
  );
}
