import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { type Ratings, type SelfEvaluationView, useSelfEvaluation, useWriteSelfEvaluation } from './queries';
import { SkillGrid } from './SkillGrid';

/** The tutor's self-evaluation of this academic year, last year's beside; private to them. */
export function SelfEvaluationPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('feedback.self.title'));
  const query = useSelfEvaluation(orgId);
  if (query.error instanceof ApiError && query.error.status === 403)
    return (
      <Alert color="gray" variant="light">
        {t('feedback.tutorsOnly')}
      </Alert>
    );
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <SelfEvaluation orgId={orgId} view={query.data} />;
}

function SelfEvaluation({ orgId, view }: { orgId: string; view: SelfEvaluationView }) {
  const { t } = useTranslation();
  const { instant } = useDates(orgId);
  const message = useErrorMessage();
  const [ratings, setRatings] = useState<Ratings>(view.current?.ratings ?? {});
  const [strengths, setStrengths] = useState(view.current?.strengths ?? '');
  const [toImprove, setToImprove] = useState(view.current?.toImprove ?? '');
  const [error, setError] = useState<string | null>(null);
  const write = useWriteSelfEvaluation(orgId, {
    onSuccess: (v, body) =>
      notifications.show({
        color: 'sauge',
        message: body.save && v.current?.savedAt ? t('feedback.self.saved') : t('feedback.self.drafted'),
      }),
    onError: (e) => setError(message(e)),
  });
  const send = (save: boolean) => {
    setError(null);
    write.mutate({ ratings, strengths, toImprove, save });
  };
  const previous = view.previous;
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title={t('feedback.self.title')}
        eyebrow={t('feedback.self.year', { year: view.year })}
        badges={
          <Badge variant="light" color={view.current?.savedAt ? 'sauge' : 'gray'} tt="none">
            {view.current?.savedAt
              ? t('feedback.self.savedOn', { date: instant(view.current.savedAt) })
              : view.current
                ? t('feedback.self.draft')
                : t('feedback.self.notStarted')}
          </Badge>
        }
        description={t('feedback.self.intro')}
      />
      <Alert color="ardoise" variant="light" icon={<IconLock aria-hidden />}>
        {t('feedback.self.private')}
      </Alert>
      <SkillGrid value={ratings} onChange={setRatings} previous={previous?.ratings} />
      <Textarea
        label={t('feedback.self.strengths')}
        autosize
        minRows={3}
        maxLength={3000}
        value={strengths}
        onChange={(e) => setStrengths(e.currentTarget.value)}
      />
      <Textarea
        label={t('feedback.self.toImprove')}
        autosize
        minRows={3}
        maxLength={3000}
        value={toImprove}
        onChange={(e) => setToImprove(e.currentTarget.value)}
      />
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap">
        <Button variant="default" loading={write.isPending} onClick={() => send(false)}>
          {t('feedback.self.saveDraft')}
        </Button>
        <Button
          leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          loading={write.isPending}
          onClick={() => send(true)}
        >
          {t('feedback.self.save')}
        </Button>
      </Group>
      {previous && <Previous previous={previous} />}
    </Stack>
  );
}

/** Last year's strengths and aims, beside this year's grid. */
function Previous({ previous }: { previous: NonNullable<SelfEvaluationView['previous']> }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md">
      <Title order={2} fz="md" mb="xs">
        {t('feedback.self.previous', { year: previous.year })}
      </Title>
      <Text size="sm" fw={600}>
        {t('feedback.self.strengths')}
      </Text>
      <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
        {previous.strengths || '—'}
      </Text>
      <Text size="sm" fw={600}>
        {t('feedback.self.toImprove')}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {previous.toImprove || '—'}
      </Text>
    </Card>
  );
}
