import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading } from '../../app/ui';
import { TraceMarkdown } from '../portfolio/TraceMarkdown';
import { type Suggestion, useAccept, useDecline, useSuggestions } from './queries';

const stateColor = { pending: 'yellow', accepted: 'green', declined: 'gray' } as const;

/** The coordination's queue of suggestions, or a tutor's own suggestions and their outcome. */
export function SuggestionsSection({
  orgId,
  manage,
  pending,
}: {
  orgId: string;
  manage: boolean;
  pending: number;
}) {
  const { t } = useTranslation();
  const query = useSuggestions(orgId, true);
  return (
    <Stack gap="sm" component="section" aria-labelledby="guide-suggestions">
      <Title order={2} fz={18} id="guide-suggestions">
        {manage ? t('guides.suggestions.queue', { count: pending }) : t('guides.suggestions.mine')}
      </Title>
      {query.error && <ErrorAlert error={query.error} />}
      {!query.data && !query.error && <Loading />}
      {query.data?.suggestions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('guides.suggestions.none')}
        </Text>
      )}
      {query.data?.suggestions.map((s) => (
        <SuggestionCard key={s.id} s={s} orgId={orgId} />
      ))}
    </Stack>
  );
}

function SuggestionCard({ s, orgId }: { s: Suggestion; orgId: string }) {
  const { t } = useTranslation();
  const { instant } = useDates(orgId);
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600}>{s.title}</Text>
        <Badge color={stateColor[s.state]} variant="light" tt="none">
          {t(`guides.suggestions.state.${s.state}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {s.guide ? (
          <>
            {t('guides.suggestions.changeOf')}{' '}
            <Anchor component={Link} to={`/guides/${s.guide.id}`}>
              {s.guide.title}
            </Anchor>
          </>
        ) : (
          t('guides.suggestions.newGuide')
        )}{' '}
        · {s.author?.name ?? t('guides.formerMember')} · {instant(s.createdAt)}
      </Text>
      <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
        {s.message}
      </Text>
      {s.note && (
        <Text size="sm" mt="xs">
          <b>{t('guides.suggestions.note')}</b> {s.note}
        </Text>
      )}
      <Button
        variant="subtle"
        size="compact-sm"
        mt="xs"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
      >
        {open ? t('guides.suggestions.hideText') : t('guides.suggestions.showText')}
      </Button>
      {open && (
        <Card withBorder mt="xs" padding="sm">
          <Text size="sm" c="dimmed" mb={4}>
            {s.when}
          </Text>
          <TraceMarkdown text={s.body} />
        </Card>
      )}
      {s.actions.decide && <Decide s={s} />}
    </Card>
  );
}

function Decide({ s }: { s: Suggestion }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [declining, setDeclining] = useState(false);
  const [note, setNote] = useState('');
  const onError = (e: unknown) => notifications.show({ color: 'red', message: message(e) });
  const accept = useAccept({
    onSuccess: () => notifications.show({ message: t('guides.suggestions.accepted') }),
    onError,
  });
  const decline = useDecline({
    onSuccess: () => notifications.show({ message: t('guides.suggestions.declined') }),
    onError,
  });
  if (declining)
    return (
      <Stack gap="xs" mt="sm">
        <Textarea
          label={t('guides.suggestions.noteLabel')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        <Group>
          <Button
            color="red"
            variant="light"
            loading={decline.isPending}
            disabled={!note.trim()}
            onClick={() => decline.mutate({ id: s.id, note })}
          >
            {t('guides.suggestions.decline')}
          </Button>
          <Button variant="subtle" onClick={() => setDeclining(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  return (
    <Group mt="sm">
      <Button loading={accept.isPending} onClick={() => accept.mutate(s.id)}>
        {s.guide ? t('guides.suggestions.acceptChange') : t('guides.suggestions.acceptNew')}
      </Button>
      <Button variant="light" color="gray" onClick={() => setDeclining(true)}>
        {t('guides.suggestions.decline')}
      </Button>
    </Group>
  );
}
