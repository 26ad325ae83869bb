import { Alert, Badge, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useDates } from '../../app/dates';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { EndReviewForm } from './EndReviewForm';
import { EndReviewRead } from './EndReviewRead';
import { type EndReviewView, useEndReview } from './queries';

/**
 * One end review: its author fills it in (a draft, then sent once); once sent, or for the coordination
 * it was shared with, it reads as it was sent.
 */
export function EndReviewPage() {
  const { reviewId = '' } = useParams();
  const query = useEndReview(reviewId);
  usePageTitle(query.data?.title);
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <Review v={query.data} />;
}

function Review({ v }: { v: EndReviewView }) {
  const { t } = useTranslation();
  const { instant } = useDates(v.orgId);
  const names = v.with.join(', ');
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader
        eyebrow={v.programme.name}
        title={v.author ? t('reviews.end.titleOf', { title: v.title, name: v.author.name }) : v.title}
        description={
          v.author
            ? t('reviews.end.sharedBy', { name: v.author.name, date: instant(v.submittedAt ?? v.updatedAt) })
            : t('reviews.end.intro', { names, date: instant(v.endedAt) })
        }
      />
      {!v.author && (
        <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
          <Text size="sm">{t('reviews.end.private', { names })}</Text>
        </Alert>
      )}
      {v.submittedAt && !v.author && (
        <Badge color="sauge" variant="light" tt="none" size="lg">
          {t('reviews.end.sentOn', { date: instant(v.submittedAt) })}
        </Badge>
      )}
      {v.actions.edit ? <EndReviewForm v={v} /> : <EndReviewRead v={v} />}
    </Stack>
  );
}
