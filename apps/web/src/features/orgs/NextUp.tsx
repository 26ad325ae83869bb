import { Anchor, Badge, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBell,
  IconCalendarEvent,
  IconChecklist,
  IconFileText,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatInstant } from '../../app/dates';
import { ErrorAlert } from '../../app/ui';
import { type Next, useNext } from './next';

function Item({ icon, to, title, detail }: { icon: ReactNode; to: string; title: string; detail: string }) {
  return (
    <Group component="li" wrap="nowrap" gap="sm" align="flex-start">
      <ThemeIcon size={32} radius="md" variant="light" aria-hidden>
        {icon}
      </ThemeIcon>
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Anchor component={Link} to={to} fw={600} className="break-anywhere">
          {title}
        </Anchor>
        <Text size="sm" c="dimmed" className="break-anywhere">
          {detail}
        </Text>
      </Stack>
    </Group>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={3} fz={16} id={id}>
        {title}
      </Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {children}
      </Stack>
    </Stack>
  );
}

/** What asks for the person: polls to answer, reports to file, open alerts, unread notices. */
function todoItems(t: TFunction, n: Next, at: (iso: string, zone: string) => string) {
  return [
    ...n.polls.map((p) => (
      <Item
        key={`poll-${p.id}`}
        icon={<IconChecklist size={18} />}
        to={p.link}
        title={t('next.poll', { title: p.title })}
        detail={t('next.pollDetail', { organiser: p.organiser, date: at(p.expiresAt, p.timeZone) })}
      />
    )),
    ...n.reports.map((r) => (
      <Item
        key={`report-${r.id}`}
        icon={<IconFileText size={18} />}
        to={r.link}
        title={t('next.report', { title: r.title })}
        detail={t('next.reportDetail', { date: at(r.start, r.timeZone), programme: r.programme.name })}
      />
    )),
    ...n.alerts
      .filter((a) => a.open > 0)
      .map((a) => (
        <Item
          key={`alerts-${a.programme.id}`}
          icon={<IconAlertTriangle size={18} />}
          to={a.link}
          title={t('next.alerts', { count: a.open })}
          detail={a.programme.name}
        />
      )),
    ...(n.unread > 0
      ? [
          <Item
            key="unread"
            icon={<IconBell size={18} />}
            to="/notifications"
            title={t('next.unread', { count: n.unread })}
            detail={t('next.unreadDetail')}
          />,
        ]
      : []),
  ];
}

/** "To do / Coming up": polls to answer, reports to file, alerts, notices and next meetings. */
export function NextUp() {
  const { t, i18n } = useTranslation();
  const q = useNext();
  if (q.error) return <ErrorAlert error={q.error} />;
  const n = q.data;
  if (!n) return null;
  const at = (iso: string, zone: string) => formatInstant(iso, zone, i18n.language, true);
  const todo = todoItems(t, n, at);
  const soon = n.meetings.map((m) => (
    <Item
      key={`meeting-${m.id}`}
      icon={<IconCalendarEvent size={18} />}
      to={m.link}
      title={m.title}
      detail={`${at(m.start, m.timeZone)} · ${m.programme.name}`}
    />
  ));
  const calm = n.alerts.filter((a) => a.open === 0);
  return (
    <Card component="section" aria-labelledby="next-title" mb="xl">
      <Stack gap="md">
        <Title order={2} fz={20} id="next-title">
          {t('next.title')}
        </Title>
        {todo.length === 0 && soon.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('next.nothing')}
          </Text>
        )}
        <Section id="next-todo" title={t('next.todo')}>
          {todo}
        </Section>
        <Section id="next-soon" title={t('next.soon')}>
          {soon}
        </Section>
        {calm.length > 0 && (
          <Group gap={6}>
            {calm.map((a) => (
              <Badge key={a.programme.id} variant="light" color="sauge" tt="none">
                {t('next.noAlert', { programme: a.programme.name })}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
