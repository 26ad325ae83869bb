import {
  Alert,
  Button,
  Chip,
  Collapse,
  CopyButton,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCalendarPlus, IconLink, IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { keys, slotLabel, useAvailability } from './api';
import { dateWords, dayList, PhraseEntry, type Rule } from './PhraseEntry';

const presets: Record<string, Rule> = {
  nightShift: {
    category: 'night-shift',
    kind: 'busy',
    pattern: 'weekly',
    weekdays: [2],
    nth: null,
    startTime: '18:30',
    endTime: '08:30',
    fromDate: null,
    toDate: null,
    restAfter: true,
  },
  course: {
    category: 'course',
    kind: 'busy',
    pattern: 'monthly',
    weekdays: [4],
    nth: 1,
    startTime: '09:00',
    endTime: '17:00',
    fromDate: null,
    toDate: null,
    restAfter: false,
  },
  internship: {
    category: 'internship',
    kind: 'busy',
    pattern: 'weekly',
    weekdays: [1, 2, 3, 4, 5],
    nth: null,
    startTime: '08:00',
    endTime: '18:30',
    fromDate: null,
    toDate: null,
    restAfter: false,
  },
  clinic: {
    category: 'clinic',
    kind: 'busy',
    pattern: 'weekly',
    weekdays: [6],
    nth: null,
    startTime: '08:30',
    endTime: '12:30',
    fromDate: null,
    toDate: null,
    restAfter: false,
  },
  absence: {
    category: 'absence',
    kind: 'busy',
    pattern: 'dates',
    weekdays: [],
    nth: null,
    startTime: '00:00',
    endTime: '24:00',
    fromDate: null,
    toDate: null,
    restAfter: false,
  },
  avoid: {
    category: 'preference',
    kind: 'ifNeedBe',
    pattern: 'weekly',
    weekdays: [5],
    nth: null,
    startTime: '18:00',
    endTime: '22:00',
    fromDate: null,
    toDate: null,
    restAfter: false,
  },
};
const DAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * Describes a rule in one line: "Garde — chaque mardi, 18:30–08:30", "Garde — le samedi et
 * dimanche, une semaine sur deux à partir du 5 déc., 18:30–08:30".
 */
function useDescribe() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (r: Rule) => {
    const days = r.weekdays.map((d) => t(`meetings.days.${d}`)).join(', ');
    let when =
      r.pattern === 'weekly'
        ? t('meetings.rules.weekly', { days })
        : r.pattern === 'fortnightly'
          ? t('meetings.rules.fortnightly', {
              days: dayList(r.weekdays, lang, (d) => t(`meetings.days.${d}`)),
              date: r.fromDate ? dateWords(r.fromDate, lang, 'short') : '…',
            })
          : r.pattern === 'monthly'
            ? t('meetings.rules.monthly', { nth: t(`meetings.nth.${r.nth}`), days })
            : t('meetings.rules.dates', { from: r.fromDate, to: r.toDate });
    if (r.pattern === 'fortnightly' && r.toDate)
      when += ` ${t('meetings.phrase.until', { date: dateWords(r.toDate, lang, 'short') })}`;
    const hours =
      r.startTime === '00:00' && r.endTime === '24:00'
        ? t('meetings.rules.allDay')
        : `${r.startTime}–${r.endTime}`;
    return `${t(`meetings.category.${r.category}`)} — ${when}, ${hours}${r.restAfter ? ` · ${t('meetings.rules.restAfterShort')}` : ''}${r.kind === 'ifNeedBe' ? ` · ${t('meetings.answer.ifNeedBe')}` : ''}`;
  };
}

/**
 * A person's availability in an organisation: constraints typed as a phrase (presets as a
 * fallback), calendars, feed.
 */
export function AvailabilityPage() {
  const { orgId = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('meetings.availability.title'));
  const qc = useQueryClient();
  const data = useAvailability(orgId);
  const describe = useDescribe();
  const [rule, setRule] = useState<Rule>(presets.nightShift as Rule);
  const [preset, setPreset] = useState('nightShift');
  const [showPresets, setShowPresets] = useState(false);
  /** Every other week is counted from a first date: asked for before anything is sent. */
  const [missingFirstWeek, setMissingFirstWeek] = useState(false);
  const [url, setUrl] = useState('');
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: keys.availability(orgId) });
  const add = useMutation({
    mutationFn: () => api.post(`/api/orgs/${orgId}/availability/rules`, rule),
    onSuccess: () => {
      setShowPresets(false);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (path: string) => api.delete(`/api/orgs/${orgId}/availability/${path}`),
    onSuccess: refresh,
  });
  const calendar = useMutation({
    mutationFn: (body: object) => api.post(`/api/orgs/${orgId}/availability/calendars`, body),
    onSuccess: () => {
      setUrl('');
      refresh();
    },
  });
  const feed = useMutation({
    mutationFn: () => api.post<{ url: string }>('/api/me/calendar-feed'),
    onSuccess: (r) => {
      setFeedUrl(r.url);
      refresh();
    },
  });

  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data) return <Loading />;
  const a = data.data;
  const lang = i18n.language;
  const choose = (key: string) => {
    setPreset(key);
    setRule(presets[key] as Rule);
    setMissingFirstWeek(false);
  };
  const submit = () => {
    if (rule.pattern === 'fortnightly' && !rule.fromDate) setMissingFirstWeek(true);
    else add.mutate();
  };

  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('meetings.availability.title')} description={t('meetings.availability.intro')} />

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} fz={20}>
            {t('meetings.availability.add')}
          </Title>
          <PhraseEntry orgId={orgId} onSaved={refresh} />
          <Button
            variant="subtle"
            size="compact-sm"
            w="fit-content"
            onClick={() => setShowPresets((v) => !v)}
            aria-expanded={showPresets}
          >
            {t('meetings.phrase.presets')}
          </Button>
          <Collapse expanded={showPresets}>
            <Stack gap="sm">
              <Chip.Group value={preset} onChange={(v) => choose(v as string)}>
                <Group gap={6}>
                  {Object.keys(presets).map((k) => (
                    <Chip key={k} value={k} size="sm">
                      {t(`meetings.presets.${k}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              {rule.pattern !== 'dates' && (
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="days-label">
                    {t('meetings.availability.days')}
                  </Text>
                  <Chip.Group
                    multiple
                    value={rule.weekdays.map(String)}
                    onChange={(v) => setRule({ ...rule, weekdays: (v as string[]).map(Number).sort() })}
                  >
                    <Group gap={4} role="group" aria-labelledby="days-label">
                      {DAYS.map((d) => (
                        <Chip key={d} value={String(d)} size="xs" variant="outline">
                          {t(`meetings.daysShort.${d}`)}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                </Stack>
              )}
              <Group gap="sm" align="flex-end" wrap="wrap">
                {rule.pattern !== 'dates' && (
                  <Select
                    w={210}
                    label={t('meetings.availability.repeat')}
                    value={rule.pattern === 'monthly' ? String(rule.nth) : rule.pattern}
                    allowDeselect={false}
                    onChange={(v) => {
                      setMissingFirstWeek(false);
                      setRule(
                        v === 'weekly' || v === 'fortnightly'
                          ? {
                              ...rule,
                              pattern: v,
                              nth: null,
                              fromDate: v === 'weekly' ? null : rule.fromDate,
                            }
                          : { ...rule, pattern: 'monthly', nth: Number(v), fromDate: null },
                      );
                    }}
                    data={[
                      { value: 'weekly', label: t('meetings.availability.everyWeek') },
                      { value: 'fortnightly', label: t('meetings.availability.everyOtherWeek') },
                      ...['1', '2', '3', '4', '-1'].map((n) => ({
                        value: n,
                        label: t('meetings.availability.nthOfMonth', { nth: t(`meetings.nth.${n}`) }),
                      })),
                    ]}
                  />
                )}
                {rule.pattern === 'fortnightly' && (
                  <TextInput
                    type="date"
                    w={220}
                    required
                    label={t('meetings.availability.firstWeek')}
                    description={t('meetings.availability.firstWeekHelp')}
                    value={rule.fromDate ?? ''}
                    error={
                      missingFirstWeek && !rule.fromDate ? t('meetings.availability.firstWeekRequired') : null
                    }
                    onChange={(e) => setRule({ ...rule, fromDate: e.currentTarget.value || null })}
                  />
                )}
                {rule.pattern === 'dates' && (
                  <>
                    <TextInput
                      type="date"
                      label={t('meetings.availability.fromDate')}
                      value={rule.fromDate ?? ''}
                      onChange={(e) => setRule({ ...rule, fromDate: e.currentTarget.value || null })}
                    />
                    <TextInput
                      type="date"
                      label={t('meetings.availability.toDate')}
                      value={rule.toDate ?? ''}
                      onChange={(e) => setRule({ ...rule, toDate: e.currentTarget.value || null })}
                    />
                  </>
                )}
                <TextInput
                  type="time"
                  w={120}
                  label={t('meetings.availability.start')}
                  value={rule.startTime}
                  onChange={(e) => setRule({ ...rule, startTime: e.currentTarget.value })}
                />
                <TextInput
                  type="time"
                  w={120}
                  label={t('meetings.availability.end')}
                  value={rule.endTime === '24:00' ? '23:59' : rule.endTime}
                  onChange={(e) =>
                    setRule({
                      ...rule,
                      endTime: e.currentTarget.value === '23:59' ? '24:00' : e.currentTarget.value,
                    })
                  }
                />
              </Group>
              <Group gap="lg" wrap="wrap">
                <SegmentedControl
                  size="xs"
                  aria-label={t('meetings.availability.kind')}
                  value={rule.kind}
                  onChange={(v) => setRule({ ...rule, kind: v as Rule['kind'] })}
                  data={[
                    { value: 'busy', label: t('meetings.availability.busy') },
                    { value: 'ifNeedBe', label: t('meetings.answer.ifNeedBe') },
                  ]}
                />
                {rule.category === 'night-shift' && (
                  <Switch
                    label={t('meetings.availability.restAfter')}
                    checked={rule.restAfter}
                    onChange={(e) => setRule({ ...rule, restAfter: e.currentTarget.checked })}
                  />
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {describe(rule)}
              </Text>
              <Button
                w="fit-content"
                onClick={submit}
                loading={add.isPending}
                leftSection={<IconCalendarPlus size={16} aria-hidden />}
              >
                {t('meetings.availability.addButton')}
              </Button>
            </Stack>
          </Collapse>
          {add.error && <ErrorAlert error={add.error} />}
        </Stack>
      </Paper>

      <Stack gap="xs">
        <Title order={2} fz={20}>
          {t('meetings.availability.mine')}
        </Title>
        {a.rules.length === 0 && <Text c="dimmed">{t('meetings.availability.noRules')}</Text>}
        {a.rules.map((r) => (
          <Paper key={r.id} withBorder p="xs" px="sm">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{describe(r)}</Text>
              <Button
                variant="subtle"
                color="red"
                size="xs"
                style={{ flexShrink: 0 }}
                onClick={() => remove.mutate(`rules/${r.id}`)}
                aria-label={t('meetings.availability.remove', { what: describe(r) })}
              >
                <IconTrash size={16} aria-hidden />
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} fz={20}>
            {t('meetings.availability.calendars')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('meetings.availability.calendarsIntro')}
          </Text>
          {a.calendars.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {c.label}
                </Text>
                <Text size="xs" c={c.lastError ? 'red.8' : 'dimmed'}>
                  {c.lastError
                    ? t('meetings.availability.calendarError')
                    : t('meetings.availability.busyCount', { count: c.busyCount })}
                </Text>
              </Stack>
              <Button
                variant="subtle"
                color="red"
                size="xs"
                onClick={() => remove.mutate(`calendars/${c.id}`)}
                aria-label={t('meetings.availability.remove', { what: c.label })}
              >
                <IconTrash size={16} aria-hidden />
              </Button>
            </Group>
          ))}
          <Group gap="sm" align="flex-end" wrap="wrap">
            <FileButton
              accept=".ics,text/calendar"
              onChange={async (file) => {
                if (file) calendar.mutate({ kind: 'upload', label: file.name, text: await file.text() });
              }}
            >
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
                  {t('meetings.availability.upload')}
                </Button>
              )}
            </FileButton>
          </Group>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              style={{ flex: '1 1 240px' }}
              label={t('meetings.availability.url')}
              placeholder="https://… .ics"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
            />
            <Button
              variant="default"
              leftSection={<IconLink size={16} aria-hidden />}
              disabled={!url.trim()}
              onClick={() =>
                calendar.mutate({
                  kind: 'url',
                  label: new URL(url.replace(/^webcal:/i, 'https:')).host || 'Agenda',
                  url,
                })
              }
            >
              {t('meetings.availability.subscribe')}
            </Button>
          </Group>
          {calendar.isPending && <Text size="sm">{t('meetings.availability.reading')}</Text>}
          {calendar.error && <ErrorAlert error={calendar.error} />}
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} fz={20}>
            {t('meetings.availability.feed')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('meetings.availability.feedIntro')}
          </Text>
          {feedUrl ? (
            <Group gap="sm" wrap="nowrap" align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                readOnly
                value={feedUrl}
                label={t('meetings.availability.feedUrl')}
              />
              <CopyButton value={feedUrl}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? t('meetings.availability.copied') : t('meetings.availability.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          ) : (
            <Button w="fit-content" variant="default" onClick={() => feed.mutate()} loading={feed.isPending}>
              {a.hasFeed ? t('meetings.availability.feedRenew') : t('meetings.availability.feedCreate')}
            </Button>
          )}
        </Stack>
      </Paper>

      {a.events.length > 0 && (
        <Stack gap="xs">
          <Title order={2} fz={20}>
            {t('meetings.availability.events')}
          </Title>
          {a.events.map((e) => (
            <Alert key={e.id} color="ardoise" variant="light" title={e.title}>
              {slotLabel(e.start, a.timeZone, lang, true)}
            </Alert>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
