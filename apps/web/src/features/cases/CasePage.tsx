import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconLock, IconMessageQuestion, IconRefresh, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { Thread } from '../difficulties/Thread';
import { type CaseView, useCase, useCaseReply, useDecide, useReopen, useShareCase } from './queries';

/** One case of the team: the situation, the expert's advice when the programme asks it, the decision, the thread. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('cases.pageTitle'));
  const query = useCase(caseId);
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <Case c={query.data} />;
}

function Case({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { instant } = useDates(c.orgId);
  const message = useErrorMessage();
  const onError = (e: unknown) => notifications.show({ color: 'red', message: message(e) });
  const reply = useCaseReply(c.id, { onError });
  const share = useShareCase(c.id, { onError });
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        eyebrow={`${c.team.name} · ${c.programme.name}`}
        title={c.title}
        badges={
          <>
            <Badge color="ardoise" variant="light" tt="none">
              {t(`cases.kinds.${c.kind}`)}
            </Badge>
            <Badge color={c.state === 'open' ? 'sauge' : 'gray'} variant="light" tt="none">
              {t(`cases.state.${c.state}`)}
            </Badge>
            <Badge color="grape" variant="light" tt="none">
              {c.subject ? t('cases.about', { name: c.subject }) : t('cases.anonymised')}
            </Badge>
          </>
        }
        description={t('cases.broughtOn', {
          name: c.mine ? t('cases.you') : (c.author ?? t('cases.formerMember')),
          date: instant(c.createdAt, true),
        })}
      />
      {c.standing === 'coordination' && (
        <Alert color="ardoise" variant="light" icon={<IconLock aria-hidden />}>
          {t('cases.coordinationReads')}
        </Alert>
      )}
      <Card withBorder radius="md">
        <Title order={2} fz="md" mb="xs">
          {t('cases.situation')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{c.situation}</Text>
      </Card>
      <Expert c={c} />
      <Decision c={c} />
      {c.actions.share && (
        <Switch
          checked={c.shared}
          onChange={(e) => share.mutate(e.currentTarget.checked)}
          disabled={share.isPending}
          label={t('cases.share')}
          description={t('cases.shareHint')}
        />
      )}
      <section aria-labelledby="case-thread">
        <Title order={2} fz="md" id="case-thread" mb="xs">
          {t('cases.thread')}
        </Title>
        <Thread
          messages={c.thread.map((m) => ({
            id: m.id,
            who: m.mine ? t('cases.you') : (m.author ?? t('cases.formerMember')),
            mine: m.mine,
            body: m.body,
            when: instant(m.at, true),
          }))}
          canReply={c.actions.reply}
          sending={reply.isPending}
          onSend={(body, done) => reply.mutate(body, { onSuccess: done })}
          replyLabel={t('cases.reply')}
          empty={t('cases.noMessage')}
        />
      </section>
    </Stack>
  );
}

/** The expert's advice: asked, answered, required before the decision. */
function Expert({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  if (!c.expertRequired && c.consultations.length === 0 && !c.actions.askExpert) return null;
  const ask = `/organisations/${c.orgId}/avis-experts/nouvelle?programme=${c.programme.id}&cas=${c.id}`;
  return (
    <Card withBorder radius="md">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('cases.expert')}
        </Title>
        {c.expertRequired && (
          <Alert
            color={c.expertAnswered ? 'sauge' : 'orange'}
            variant="light"
            icon={c.expertAnswered ? <IconShieldCheck aria-hidden /> : <IconMessageQuestion aria-hidden />}
          >
            {c.expertAnswered ? t('cases.expertAnswered') : t('cases.expertRequired')}
          </Alert>
        )}
        {c.consultations.map((k) => (
          <Group key={k.id} gap="xs" wrap="wrap">
            {k.mine ? (
              <Anchor component={Link} to={`/avis-experts/${k.id}`}>
                {t('cases.consultationMine')}
              </Anchor>
            ) : (
              <Text size="sm">{t('cases.consultationBy', { name: k.asker ?? t('cases.formerMember') })}</Text>
            )}
            <Badge variant="light" color={k.answered ? 'sauge' : 'gray'} tt="none">
              {k.answered ? t('cases.answered') : t('cases.waiting')}
            </Badge>
          </Group>
        ))}
        {c.actions.askExpert && (
          <Button
            component={Link}
            to={ask}
            variant="light"
            leftSection={<IconMessageQuestion size={16} aria-hidden />}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('cases.askExpert')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function Decision({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { instant } = useDates(c.orgId);
  const message = useErrorMessage();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = useDecide(c.id, {
    onSuccess: () => {
      setText('');
      notifications.show({ color: 'sauge', message: t('cases.decided') });
    },
    onError: (e) => setError(message(e)),
  });
  const reopen = useReopen(c.id, { onError: (e) => setError(message(e)) });
  return (
    <Card withBorder radius="md">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('cases.decision')}
        </Title>
        {c.decision && (
          <>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{c.decision}</Text>
            <Text size="sm" c="dimmed">
              {t('cases.decidedBy', {
                name: c.decidedBy ?? t('cases.formerMember'),
                date: c.decidedAt ? instant(c.decidedAt, true) : '',
              })}
            </Text>
          </>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {c.actions.decide && (
          <>
            <Textarea
              label={c.decision ? t('cases.newDecision') : t('cases.decisionLabel')}
              autosize
              minRows={3}
              maxLength={5000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Button
              leftSection={<IconCheck size={16} aria-hidden />}
              loading={decide.isPending}
              disabled={text.trim().length < 3}
              onClick={() => {
                setError(null);
                decide.mutate(text);
              }}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('cases.record')}
            </Button>
          </>
        )}
        {c.actions.reopen && (
          <Button
            variant="light"
            leftSection={<IconRefresh size={16} aria-hidden />}
            loading={reopen.isPending}
            onClick={() => reopen.mutate()}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('cases.reopen')}
          </Button>
        )}
        {!c.decision && !c.actions.decide && <Text c="dimmed">{t('cases.noDecision')}</Text>}
      </Stack>
    </Card>
  );
}
