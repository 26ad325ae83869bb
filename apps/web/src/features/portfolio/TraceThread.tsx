import { Badge, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommentForm } from './CommentForm';
import classes from './portfolio.module.css';
import type { TraceMessage, TraceRef, TraceView } from './queries';
import { usePortfolioDates } from './words';

const kindColors: Record<TraceMessage['kind'], string> = {
  comment: 'gray',
  revision: 'ambre',
  validation: 'sauge',
  submission: 'indigo',
};

/** Everything said about the trace, in one place: sendings, comments (on a passage or overall), revisions asked, validation. */
export function TraceThread({
  v,
  traceRef,
  quote,
  onQuoteChange,
  canQuote,
}: {
  v: TraceView;
  traceRef: TraceRef;
  quote: string | null;
  onQuoteChange: (quote: string | null) => void;
  /** The reviewer comments on passages; the resident answers in the thread. */
  canQuote: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="trace-thread">
      <Title order={2} fz={18} id="trace-thread" mb={4}>
        {t('portfolio.thread.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('portfolio.thread.help', { name: v.resident.name })}
      </Text>
      {v.messages.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('portfolio.thread.empty')}
        </Text>
      ) : (
        <Stack component="ol" gap="xs" p={0} m={0} mb="md" style={{ listStyle: 'none' }}>
          {v.messages.map((m) => (
            <Message key={m.id} m={m} timeZone={v.timeZone} />
          ))}
        </Stack>
      )}
      {v.can.comment && (
        <CommentForm traceRef={traceRef} quote={quote} onQuoteChange={onQuoteChange} canQuote={canQuote} />
      )}
    </Card>
  );
}

function Message({ m, timeZone }: { m: TraceMessage; timeZone: string }) {
  const { t } = useTranslation();
  const { instant } = usePortfolioDates(timeZone);
  const who = m.mine ? t('portfolio.thread.you') : (m.author?.name ?? t('portfolio.thread.formerMember'));
  return (
    <Paper component="li" withBorder p="sm" radius="md" bg={m.mine ? 'sauge.0' : undefined}>
      <Group justify="space-between" gap="xs" wrap="wrap" mb={4}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {who}
          </Text>
          <Badge size="sm" variant="light" color={kindColors[m.kind]} tt="none">
            {t(`portfolio.thread.kind.${m.kind}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('portfolio.thread.onVersion', { n: m.versionNumber })}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {instant(m.at, true)}
        </Text>
      </Group>
      {m.quote && (
        <blockquote className={classes.quote} aria-label={t('portfolio.thread.quoted')}>
          {m.quote}
        </blockquote>
      )}
      {m.body && (
        <Text size="sm" mt={m.quote ? 6 : 0} style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
          {m.body}
        </Text>
      )}
    </Paper>
  );
}
