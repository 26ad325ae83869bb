import { tuteeQuestions } from '@compagnon/server/modules/feedback/schema.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist, IconLock, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import {
  type PeerList,
  type TutorAggregates,
  useAskPeers,
  usePeerFeedback,
  useTutorAggregates,
} from './queries';

/** A tutor's feedback on their tutoring: their self-evaluation, their peers' feedback, their tutees' in aggregate. */
export function FeedbackPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('feedback.title'));
  const peers = usePeerFeedback(orgId);
  const aggregates = useTutorAggregates(orgId);
  const error = peers.error ?? aggregates.error;
  if (error instanceof ApiError && error.status === 403)
    return (
      <Alert color="gray" variant="light">
        {t('feedback.tutorsOnly')}
      </Alert>
    );
  if (error) return <ErrorAlert error={error} />;
  if (!peers.data || !aggregates.data) return <Loading />;
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('feedback.title')} description={t('feedback.intro')} />
      <Card withBorder radius="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 260px' }}>
            <Title order={2} fz="md">
              {t('feedback.self.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('feedback.self.short')}
            </Text>
          </Stack>
          <Button
            component={Link}
            to={`/organisations/${orgId}/auto-evaluation`}
            variant="light"
            leftSection={<IconChecklist size={16} aria-hidden />}
          >
            {t('feedback.self.open')}
          </Button>
        </Group>
      </Card>
      <Tutees a={aggregates.data} />
      <Peers orgId={orgId} list={peers.data} />
    </Stack>
  );
}

function Tutees({ a }: { a: TutorAggregates }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <Card withBorder radius="md">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('feedback.tutees.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('feedback.tutees.intro', { min: a.min })}
        </Text>
        {!a.enough || !a.means ? (
          <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
            {t('feedback.tutees.notEnough', { min: a.min })}
          </Alert>
        ) : (
          <>
            <Text fw={600}>{t('feedback.tutees.count', { count: a.count ?? 0 })}</Text>
            <Table>
              <Table.Tbody>
                {tuteeQuestions.map((q) => (
                  <Table.Tr key={q}>
                    <Table.Td>{t(`feedback.questions.${q}`)}</Table.Td>
                    <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {t('feedback.tutees.mean', { mean: number.format(a.means?.[q] ?? 0) })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {a.comments.length > 0 && (
              <Stack gap={6}>
                <Text fw={600} size="sm">
                  {t('feedback.tutees.comments')}
                </Text>
                {a.comments.map((c, i) => (
                  // The comments come shuffled and undated: their position is all that tells them apart.
                  // biome-ignore lint/suspicious/noArrayIndexKey: nothing else identifies an anonymous comment
                  <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    « {c} »
                  </Text>
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function Peers({ orgId, list }: { orgId: string; list: PeerList }) {
  const { t } = useTranslation();
  const { instant } = useDates(orgId);
  const message = useErrorMessage();
  const [chosen, setChosen] = useState<string[]>([]);
  const ask = useAskPeers(orgId, {
    onSuccess: () => {
      setChosen([]);
      notifications.show({ color: 'sauge', message: t('feedback.peers.sent') });
    },
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  const askable = list.teammates.filter((m) => !m.asked);
  return (
    <Card withBorder radius="md">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('feedback.peers.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('feedback.peers.intro')}
        </Text>
        {list.teammates.length === 0 ? (
          <Alert color="gray" variant="light">
            {t('feedback.peers.noTeam')}
          </Alert>
        ) : askable.length > 0 ? (
          <Group align="flex-end" wrap="wrap" gap="sm">
            <MultiSelect
              label={t('feedback.peers.choose')}
              data={askable.map((m) => ({ value: m.id, label: m.name }))}
              value={chosen}
              onChange={setChosen}
              style={{ flex: '1 1 260px' }}
            />
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              disabled={chosen.length === 0}
              loading={ask.isPending}
              onClick={() => ask.mutate(chosen)}
            >
              {t('feedback.peers.ask')}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{t('feedback.peers.allAsked', { year: list.year })}</Text>
        )}
        {list.asked.map((r) => (
          <Group key={r.id} gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/retours-pairs/${r.id}`}>
              {r.peer}
            </Anchor>
            <Badge variant="light" color={r.answeredAt ? 'sauge' : 'gray'} tt="none">
              {r.answeredAt
                ? t('feedback.peers.answeredOn', { date: instant(r.answeredAt) })
                : t('feedback.peers.askedOn', { date: instant(r.askedAt) })}
            </Badge>
          </Group>
        ))}
        {list.toAnswer.length > 0 && (
          <>
            <Title order={3} fz="sm" mt="sm">
              {t('feedback.peers.toAnswer')}
            </Title>
            {list.toAnswer.map((r) => (
              <Group key={r.id} gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/retours-pairs/${r.id}`}>
                  {t('feedback.peers.from', { name: r.asker })}
                </Anchor>
                <Badge variant="light" color={r.answeredAt ? 'sauge' : 'orange'} c="dark.8" tt="none">
                  {r.answeredAt ? t('feedback.peers.answered') : t('feedback.peers.waiting')}
                </Badge>
              </Group>
            ))}
          </>
        )}
      </Stack>
    </Card>
  );
}
