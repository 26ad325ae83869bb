import { caseKinds } from '@compagnon/server/modules/cases/schema.ts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useDates } from '../../app/dates';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { type CaseBody, type CaseList, useBringCase, useCases } from './queries';

/** The cases of the person's team: the open ones first, and a form to bring a new one. */
export function CasesPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('cases.title'));
  const query = useCases(orgId);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <Cases orgId={orgId} list={query.data} />;
}

function Cases({ orgId, list }: { orgId: string; list: CaseList }) {
  const { t } = useTranslation();
  const { instant } = useDates(orgId);
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        eyebrow={list.team?.name}
        title={t('cases.title')}
        description={t('cases.intro')}
        actions={
          list.actions.create && !open ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen(true)}>
              {t('cases.new')}
            </Button>
          ) : undefined
        }
      />
      {!list.team && (
        <Alert color="gray" variant="light">
          {t('cases.noTeam')}
        </Alert>
      )}
      {open && <CaseForm orgId={orgId} list={list} onCancel={() => setOpen(false)} />}
      {list.team && list.cases.length === 0 && !open && <Text c="dimmed">{t('cases.none')}</Text>}
      <Stack gap="sm">
        {list.cases.map((c) => (
          <Card key={c.id} withBorder radius="md" component={Link} to={`/cas-equipe/${c.id}`}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={2} fz="md">
                {c.title}
              </Title>
              <Group gap={6}>
                <Badge variant="light" color="ardoise" tt="none">
                  {t(`cases.kinds.${c.kind}`)}
                </Badge>
                <Badge variant="light" color={c.state === 'open' ? 'sauge' : 'gray'} tt="none">
                  {t(`cases.state.${c.state}`)}
                </Badge>
              </Group>
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {t('cases.broughtBy', {
                name: c.mine ? t('cases.you') : (c.author ?? t('cases.formerMember')),
              })}
              {' · '}
              {instant(c.createdAt)}
              {' · '}
              {t('cases.messages', { count: c.messages })}
            </Text>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

function CaseForm({ orgId, list, onCancel }: { orgId: string; list: CaseList; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const form = useForm<CaseBody>({
    initialValues: { title: '', situation: '', kind: 'difficulty', subjectId: null, meetingId: null },
    validate: {
      title: (v) => (v.trim().length < 3 ? t('cases.form.titleShort') : null),
      situation: (v) => (v.trim().length < 10 ? t('cases.form.situationShort') : null),
    },
  });
  const bring = useBringCase(orgId, {
    onSuccess: ({ id }) => {
      notifications.show({ color: 'sauge', message: t('cases.form.sent') });
      navigate(`/cas-equipe/${id}`);
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Card withBorder radius="md">
      <form noValidate onSubmit={form.onSubmit((v) => bring.mutate(v))}>
        <Stack gap="md">
          {bring.error && !(bring.error as { fields?: unknown[] }).fields?.length && (
            <Alert color="red" variant="light" role="alert">
              {message(bring.error)}
            </Alert>
          )}
          <TextInput
            label={t('cases.form.title')}
            withAsterisk
            maxLength={120}
            {...form.getInputProps('title')}
          />
          <Select
            label={t('cases.form.kind')}
            data={caseKinds.map((k) => ({ value: k, label: t(`cases.kinds.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <Textarea
            label={t('cases.form.situation')}
            withAsterisk
            autosize
            minRows={5}
            maxLength={5000}
            {...form.getInputProps('situation')}
          />
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} py="xs">
            {t('cases.form.noNames')}
          </Alert>
          <Select
            label={t('cases.form.subject')}
            description={t('cases.form.subjectHint')}
            data={[
              { value: '', label: t('cases.form.anonymous') },
              ...list.tutees.map((s) => ({ value: s.id, label: s.name })),
            ]}
            value={form.values.subjectId ?? ''}
            onChange={(v) => form.setFieldValue('subjectId', v ? v : null)}
            allowDeselect={false}
          />
          <Group justify="space-between" wrap="wrap">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={bring.isPending} leftSection={<IconSend size={16} aria-hidden />}>
              {t('cases.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
