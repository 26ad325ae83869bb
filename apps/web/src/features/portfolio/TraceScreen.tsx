import { Alert, Grid, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftEditor } from './DraftEditor';
import type { Submitted, TraceRef, TraceView } from './queries';
import { ReviewActions } from './ReviewActions';
import { TraceHeader } from './TraceHeader';
import { TraceReader } from './TraceReader';
import { TraceThread } from './TraceThread';
import { Versions } from './Versions';
import { usePortfolioDates } from './words';

/**
 * One trace, for the resident who writes it and for the tutor who reads it (signed in or through
 * the e-mailed link): the draft being written or the version sent, the earlier versions, the
 * review, and the one thread where everything about the trace is said.
 */
export function TraceScreen({ v, traceRef }: { v: TraceView; traceRef: TraceRef }) {
  const [sent, setSent] = useState<Submitted | null>(null);
  const [quote, setQuote] = useState<string | null>(null);
  const sentVersions = v.versions.filter((x) => x.submittedAt !== null);
  const shown = v.can.edit ? null : (sentVersions.at(-1) ?? null);
  const earlier = sentVersions.filter((x) => x !== shown);
  const reviewer = v.viewer !== 'self';
  return (
    <Stack gap="lg">
      <TraceHeader v={v} showReviewWeek={!sent} />
      {sent && <SentNotice sent={sent} v={v} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            {v.can.edit ? (
              <DraftEditor key={v.trace.id} v={v} onSubmitted={setSent} />
            ) : shown ? (
              <TraceReader
                version={shown}
                traceRef={traceRef}
                timeZone={v.timeZone}
                onQuote={v.can.comment && reviewer ? setQuote : undefined}
              />
            ) : (
              <NothingSent v={v} />
            )}
            <Versions versions={earlier} traceRef={traceRef} timeZone={v.timeZone} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            {v.can.review && <ReviewActions v={v} traceRef={traceRef} />}
            <TraceThread
              v={v}
              traceRef={traceRef}
              quote={quote}
              onQuoteChange={setQuote}
              canQuote={reviewer}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Right after sending: the week the tutor is asked to read it, and why when it is not this week. */
function SentNotice({ sent, v }: { sent: Submitted; v: TraceView }) {
  const { t } = useTranslation();
  const { day } = usePortfolioDates(v.timeZone);
  const name = v.reviewer?.name ?? t('portfolio.submit.yourTutor');
  return (
    <Alert
      color="indigo"
      variant="light"
      icon={<IconSend aria-hidden />}
      title={t('portfolio.submit.sentTitle')}
      role="status"
    >
      <Stack gap={4}>
        <Text size="sm">
          {sent.reviewWeek
            ? t('portfolio.submit.sentWeek', { name, date: day(sent.reviewWeek) })
            : t('portfolio.submit.sentNoWeek')}
        </Text>
        {sent.deferred && sent.reviewWeek && (
          <Text size="sm">{t('portfolio.submit.deferred', { name })}</Text>
        )}
      </Stack>
    </Alert>
  );
}

function NothingSent({ v }: { v: TraceView }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light">
      {v.viewer === 'self'
        ? t('portfolio.reader.nothingYetSelf')
        : t('portfolio.reader.nothingYet', { name: v.resident.name })}
    </Alert>
  );
}
