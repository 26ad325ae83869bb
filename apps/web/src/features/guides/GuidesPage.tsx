import { Anchor, Badge, Button, Card, Chip, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { GuideForm } from './GuideForm';
import {
  type GuideTheme,
  guideThemes,
  type Library,
  useCreateGuide,
  useLibrary,
  useSuggest,
} from './queries';
import { SuggestionsSection } from './SuggestionsSection';

/** The organisation's guides library, filtered by theme; the coordination writes, tutors suggest. */
export function GuidesPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const query = useLibrary(orgId);
  usePageTitle(t('guides.title'));
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <LibraryView lib={query.data} />;
}

function LibraryView({ lib }: { lib: Library }) {
  const { t } = useTranslation();
  const [theme, setTheme] = useState<string>('all');
  const [writing, setWriting] = useState<'new' | 'suggest' | null>(null);
  const used = guideThemes.filter((x) => lib.guides.some((g) => g.theme === x));
  const shown = lib.guides.filter((g) => theme === 'all' || g.theme === theme);
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('guides.title')} description={t('guides.intro')} />
      {writing === null && (lib.actions.manage || lib.actions.suggest) && (
        <Group>
          {lib.actions.manage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setWriting('new')}>
              {t('guides.new')}
            </Button>
          )}
          {lib.actions.suggest && !lib.actions.manage && (
            <Button
              variant="light"
              leftSection={<IconBulb size={16} aria-hidden />}
              onClick={() => setWriting('suggest')}
            >
              {t('guides.suggestNew')}
            </Button>
          )}
        </Group>
      )}
      {writing && (
        <NewGuide orgId={lib.orgId} suggest={writing === 'suggest'} done={() => setWriting(null)} />
      )}
      <Chip.Group value={theme} onChange={(v) => setTheme(v as string)}>
        <Group gap={6} role="group" aria-label={t('guides.filter')}>
          <Chip value="all" size="sm">
            {t('guides.allThemes')}
          </Chip>
          {used.map((x) => (
            <Chip key={x} value={x} size="sm">
              {t(`guides.themes.${x}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {shown.map((g) => (
          <Card key={g.id} withBorder component="li" padding="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/guides/${g.id}`} fw={600}>
                {g.title}
              </Anchor>
              {g.archived && (
                <Badge color="gray" variant="light" tt="none">
                  {t('guides.archived')}
                </Badge>
              )}
            </Group>
            <Group gap={6} mt={6}>
              <Badge variant="outline" color="sauge" tt="none">
                {t(`guides.themes.${g.theme as GuideTheme}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" mt={6}>
              {g.when}
            </Text>
          </Card>
        ))}
      </Stack>
      {(lib.actions.manage || lib.actions.suggest) && (
        <SuggestionsSection orgId={lib.orgId} manage={lib.actions.manage} pending={lib.pendingSuggestions} />
      )}
    </Stack>
  );
}

function NewGuide({ orgId, suggest, done }: { orgId: string; suggest: boolean; done: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const onError = (e: unknown) => notifications.show({ color: 'red', message: message(e) });
  const create = useCreateGuide(orgId, { onSuccess: (g) => navigate(`/guides/${g.id}`), onError });
  const send = useSuggest(orgId, {
    onSuccess: () => {
      notifications.show({ message: t('guides.suggested') });
      done();
    },
    onError,
  });
  return (
    <Card withBorder padding="md">
      <Title order={2} fz={18} mb="sm">
        {suggest ? t('guides.suggestNew') : t('guides.new')}
      </Title>
      <GuideForm
        withMessage={suggest}
        submitLabel={suggest ? t('guides.sendSuggestion') : t('guides.create')}
        pending={create.isPending || send.isPending}
        onCancel={done}
        onSubmit={({ message: m, ...g }) =>
          suggest ? send.mutate({ ...g, guideId: null, message: m }) : create.mutate(g)
        }
      />
    </Card>
  );
}
