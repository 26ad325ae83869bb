import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, NotFound, usePageTitle } from '../../app/ui';
import { useTrace } from './queries';
import { TraceScreen } from './TraceScreen';

/** A trace, signed in: the resident's to write, their tutor's to read and review. */
export function TracePage() {
  const { traceId = '' } = useParams();
  const ref = { traceId };
  const query = useTrace(ref);
  usePageTitle(query.data ? query.data.trace.title || query.data.trace.typeLabel : undefined);
  if (query.error instanceof ApiError && (query.error.isNotFound || query.error.status === 403))
    return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <TraceScreen v={query.data} traceRef={ref} />;
}

/**
 * The tutor's private review link, e-mailed when the trace's review week starts: the trace, its
 * thread and the review, without signing in.
 */
export function ReviewLinkPage() {
  const { t } = useTranslation();
  const { token: pathToken } = useParams();
  const [params] = useSearchParams();
  const token = pathToken ?? params.get('token') ?? '';
  const ref = { token };
  const query = useTrace(ref);
  usePageTitle(t('portfolio.link.pageTitle'));
  const status = query.error instanceof ApiError ? query.error.status : null;
  if (token.length < 10 || status === 400 || status === 404)
    return (
      <Alert color="red" title={t('portfolio.link.invalidTitle')}>
        {t('portfolio.link.invalid')}
      </Alert>
    );
  if (status === 410)
    return (
      <Alert color="gray" title={t('portfolio.link.expiredTitle')}>
        {t('portfolio.link.expired')}
      </Alert>
    );
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <TraceScreen v={query.data} traceRef={ref} />;
}
