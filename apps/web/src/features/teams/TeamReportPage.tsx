import { ActionIcon, Alert, Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { formatInstant } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { type TeamReport, useSaveTeamReport, useTeamReport } from './queries';

type Case = { key: number; name: string; note: string };
type FollowUp = { key: number; who: string; what: string; by: string | null };
let nextKey = 0;
const keyed = <T,>(x: T) => ({ ...x, key: nextKey++ });
const patch = <T extends { key: number }>(list: T[], key: number, p: Partial<T>) =>
  list.map((x) => (x.key === key ? { ...x, ...p } : x));

/** A team meeting's report grid: cases (first name or anonymised), decisions, follow-ups. */
export function TeamReportPage() {
  const { teamId = '', meetingId = '' } = useParams();
  const { t } = useTranslation();
  const query = useTeamReport(teamId, meetingId);
  usePageTitle(t('teams.report.title'));
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <ReportForm teamId={teamId} r={query.data} />;
}

function ReportForm({ teamId, r }: { teamId: string; r: TeamReport }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const [cases, setCases] = useState<Case[]>(() => r.content?.cases.map(keyed) ?? []);
  const [decisions, setDecisions] = useState(r.content?.decisions ?? '');
  const [followUps, setFollowUps] = useState<FollowUp[]>(() => r.content?.followUps.map(keyed) ?? []);
  const save = useSaveTeamReport(teamId, r.meetingId, {
    onSuccess: () => notifications.show({ color: 'sauge', message: t('teams.report.saved') }),
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  const submit = () =>
    save.mutate({
      cases: cases.filter((c) => c.name.trim()).map(({ name, note }) => ({ name, note })),
      decisions,
      followUps: followUps
        .filter((f) => f.who.trim() && f.what.trim())
        .map(({ who, what, by }) => ({ who, what, by: by || null })),
    });
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        eyebrow={<Link to={`/equipes/${teamId}`}>{t('teams.report.back')}</Link>}
        title={r.title}
        description={r.startsAt ? formatInstant(r.startsAt, r.timeZone, i18n.language, true) : undefined}
      />
      <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
        {t('teams.report.private')}
      </Alert>
      {!r.open && <Alert color="yellow">{t('teams.report.notYet')}</Alert>}
      <Card withBorder padding="md" component="fieldset" disabled={!r.open}>
        <Stack gap="sm">
          <CasesFields cases={cases} onChange={setCases} />
          <Textarea
            label={t('teams.report.decisions')}
            value={decisions}
            autosize
            minRows={3}
            onChange={(e) => setDecisions(e.currentTarget.value)}
          />
          <FollowUpFields followUps={followUps} onChange={setFollowUps} />
          <Group>
            <Button loading={save.isPending} disabled={!r.open} onClick={submit}>
              {t('teams.report.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

/** The cases discussed: a first name or « anonymisé », never a surname, and what was said. */
function CasesFields({ cases, onChange }: { cases: Case[]; onChange: (c: Case[]) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Text fw={600}>{t('teams.report.cases')}</Text>
      <Text size="sm" c="dimmed">
        {t('teams.report.casesHelp')}
      </Text>
      {cases.map((c) => (
        <Group key={c.key} align="flex-start" wrap="wrap">
          <TextInput
            label={t('teams.report.firstName')}
            value={c.name}
            maxLength={40}
            w={200}
            onChange={(e) => onChange(patch(cases, c.key, { name: e.currentTarget.value }))}
          />
          <Textarea
            label={t('teams.report.caseNote')}
            value={c.note}
            autosize
            style={{ flex: 1, minWidth: 220 }}
            onChange={(e) => onChange(patch(cases, c.key, { note: e.currentTarget.value }))}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={28}
            aria-label={t('teams.report.remove')}
            onClick={() => onChange(cases.filter((x) => x.key !== c.key))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => onChange([...cases, keyed({ name: '', note: '' })])}
        >
          {t('teams.report.addCase')}
        </Button>
      </Group>
    </>
  );
}

/** Follow-ups: who does what, by when. */
function FollowUpFields({
  followUps,
  onChange,
}: {
  followUps: FollowUp[];
  onChange: (f: FollowUp[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Text fw={600}>{t('teams.report.followUps')}</Text>
      {followUps.map((f) => (
        <Group key={f.key} align="flex-end" wrap="wrap">
          <TextInput
            label={t('teams.report.who')}
            value={f.who}
            w={200}
            onChange={(e) => onChange(patch(followUps, f.key, { who: e.currentTarget.value }))}
          />
          <TextInput
            label={t('teams.report.what')}
            value={f.what}
            style={{ flex: 1, minWidth: 200 }}
            onChange={(e) => onChange(patch(followUps, f.key, { what: e.currentTarget.value }))}
          />
          <TextInput
            type="date"
            label={t('teams.report.by')}
            value={f.by ?? ''}
            w={170}
            onChange={(e) => onChange(patch(followUps, f.key, { by: e.currentTarget.value || null }))}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mb={6}
            aria-label={t('teams.report.remove')}
            onClick={() => onChange(followUps.filter((x) => x.key !== f.key))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => onChange([...followUps, keyed({ who: '', what: '', by: null })])}
        >
          {t('teams.report.addFollowUp')}
        </Button>
      </Group>
    </>
  );
}
