import { Alert, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconEyeCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { Thread } from '../difficulties/Thread';
import { ConsultationQuestion } from './ConsultationQuestion';
import { type ConsultationView, useCloseConsultation, useConsultation, useReplyTo } from './queries';

/** One request for advice: the question and its excerpts, the conversation with the expert. */
export function ConsultationPage() {
  const { consultationId = '' } = useParams();
  const { t } = useTranslation();
  const query = useConsultation(consultationId);
  usePageTitle(t('consultations.pageTitle'));
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <Consultation c={query.data} />;
}

function Consultation({ c }: { c: ConsultationView }) {
  const { t } = useTranslation();
  const { instant } = useDates(c.orgId);
  const message = useErrorMessage();
  const onError = (e: unknown) => notifications.show({ color: 'red', message: message(e) });
  const reply = useReplyTo(c.id, { onError });
  const close = useCloseConsultation(c.id, {
    onSuccess: () => notifications.show({ color: 'sauge', message: t('consultations.closed') }),
    onError,
  });
  const asker = c.standing === 'asker';
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        eyebrow={c.programme.name}
        title={
          asker
            ? t('consultations.toExpert', { name: c.expert.name })
            : t('consultations.fromAsker', { name: c.asker.name })
        }
        badges={
          <>
            <Badge color={c.state === 'open' ? 'sauge' : 'gray'} variant="light" tt="none">
              {t(`consultations.state.${c.state}`)}
            </Badge>
            {c.anonymised && (
              <Badge color="grape" variant="light" tt="none">
                {t('consultations.anonymised')}
              </Badge>
            )}
          </>
        }
        description={t('consultations.askedOn', { date: instant(c.createdAt, true) })}
        actions={
          c.actions.close ? (
            <Button
              variant="light"
              leftSection={<IconCheck size={16} aria-hidden />}
              loading={close.isPending}
              onClick={() => close.mutate()}
            >
              {t('consultations.close')}
            </Button>
          ) : undefined
        }
      />
      <Alert color={asker ? 'ardoise' : 'grape'} variant="light" icon={<IconEyeCheck aria-hidden />}>
        {asker
          ? c.subject
            ? t('consultations.askerAbout', { name: c.subject.name, expert: c.expert.name })
            : t('consultations.askerAnonymous', { expert: c.expert.name })
          : t('consultations.expertSees')}
      </Alert>
      <ConsultationQuestion c={c} />
      <section aria-labelledby="consultation-thread">
        <Group justify="space-between" mb="xs">
          <Title order={2} fz="md" id="consultation-thread">
            {t('consultations.thread')}
          </Title>
        </Group>
        <Thread
          messages={c.thread.map((m) => ({
            id: m.id,
            who: m.mine ? t('difficulties.you') : (m.author ?? ''),
            mine: m.mine,
            body: m.body,
            when: instant(m.at, true),
          }))}
          canReply={c.actions.reply}
          sending={reply.isPending}
          onSend={(body, done) => reply.mutate(body, { onSuccess: done })}
          replyLabel={asker ? t('consultations.replyAsker') : t('consultations.replyExpert')}
          empty={asker ? t('consultations.waiting') : t('consultations.answerFirst')}
        />
      </section>
    </Stack>
  );
}
