import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconLifebuoy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { TraceMarkdown } from '../portfolio/TraceMarkdown';
import { GuideForm } from './GuideForm';
import { type GuideView, useArchiveGuide, useGuide, useSuggest, useUpdateGuide } from './queries';

/** One guide of the library: its text; the coordination edits or archives it, a tutor suggests a change. */
export function GuidePage() {
  const { guideId = '' } = useParams();
  const { t } = useTranslation();
  const query = useGuide(guideId);
  usePageTitle(query.data?.title ?? t('guides.title'));
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <Guide g={query.data} />;
}

function Guide({ g }: { g: GuideView }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'read' | 'edit' | 'suggest'>('read');
  const message = useErrorMessage();
  const onError = (e: unknown) => notifications.show({ color: 'red', message: message(e) });
  const update = useUpdateGuide(g.id, { onSuccess: () => setMode('read'), onError });
  const archive = useArchiveGuide(g.id, { onError });
  const suggest = useSuggest(g.orgId, {
    onSuccess: () => {
      notifications.show({ message: t('guides.suggested') });
      setMode('read');
    },
    onError,
  });
  const initial = { theme: g.theme, title: g.title, when: g.when, body: g.body };
  return (
    <Stack gap="lg" maw={860}>
      <Anchor component={Link} to={`/organisations/${g.orgId}/guides`} size="sm">
        <IconArrowLeft size={14} aria-hidden /> {t('guides.back')}
      </Anchor>
      <PageHeader
        eyebrow={t(`guides.themes.${g.theme}`)}
        title={g.title}
        badges={
          g.archived ? (
            <Badge color="gray" variant="light" tt="none">
              {t('guides.archived')}
            </Badge>
          ) : undefined
        }
      />
      {mode === 'read' && (
        <>
          <GuideText g={g} />
          <Group>
            {g.actions.edit && <Button onClick={() => setMode('edit')}>{t('guides.edit')}</Button>}
            {g.actions.edit && (
              <Button
                variant="light"
                color="gray"
                loading={archive.isPending}
                onClick={() => archive.mutate(!g.archived)}
              >
                {g.archived ? t('guides.restore') : t('guides.archive')}
              </Button>
            )}
            {g.actions.suggest && !g.actions.edit && (
              <Button variant="light" onClick={() => setMode('suggest')}>
                {t('guides.suggestChange')}
              </Button>
            )}
          </Group>
        </>
      )}
      {mode !== 'read' && (
        <Card withBorder padding="md">
          <Title order={2} fz={18} mb="sm">
            {mode === 'edit' ? t('guides.edit') : t('guides.suggestChange')}
          </Title>
          <GuideForm
            initial={initial}
            withMessage={mode === 'suggest'}
            submitLabel={mode === 'edit' ? t('common.save') : t('guides.sendSuggestion')}
            pending={update.isPending || suggest.isPending}
            onCancel={() => setMode('read')}
            onSubmit={({ message: m, ...v }) =>
              mode === 'edit' ? update.mutate(v) : suggest.mutate({ ...v, guideId: g.id, message: m })
            }
          />
        </Card>
      )}
    </Stack>
  );
}

/** The guide's text, when to use it, the well-being guide where it applies, and who last changed it. */
function GuideText({ g }: { g: GuideView }) {
  const { t } = useTranslation();
  const { instant } = useDates(g.orgId);
  return (
    <>
      <Text size="sm">
        <b>{t('guides.when')}</b> {g.when}
      </Text>
      {g.wellbeingGuide && (
        <Alert variant="light" color="sauge" icon={<IconLifebuoy size={18} aria-hidden />}>
          <Text size="sm">
            {t('guides.wellbeing')}{' '}
            <Anchor component={Link} to={g.wellbeingGuide}>
              {t('guides.wellbeingLink')}
            </Anchor>
          </Text>
        </Alert>
      )}
      <Card withBorder padding="md">
        <TraceMarkdown text={g.body} />
      </Card>
      <Text size="xs" c="dimmed">
        {g.editedBy
          ? t('guides.editedBy', { name: g.editedBy.name, when: instant(g.updatedAt, true) })
          : t('guides.shipped')}
      </Text>
    </>
  );
}
