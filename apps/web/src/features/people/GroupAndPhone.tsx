import { Alert, Card, List, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../app/types';
import { roleLabel } from '../../app/ui';
import { useMyGroup, useMyPhone, usePhoneReach, useSetMyPhone } from './groupPhoneQueries';

/** A group member's own group: their tutor and the other members, by name. */
export function MyGroupCard({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const group = useMyGroup(programme.id);
  if (!group.data) return null;
  const g = group.data;
  return (
    <section aria-labelledby="my-group">
      <Title order={2} fz={20} mb="md" id="my-group">
        {t('people.group.title')}
      </Title>
      <Card>
        <Text fw={600}>
          {t('people.group.tutor', { name: g.tutor.name, role: roleLabel(t, 'tutor', programme.template) })}
        </Text>
        <Text size="sm" c="dimmed" mb="sm">
          {t('people.group.members', { count: g.members.length })}
        </Text>
        <List size="sm">
          {g.members.map((m) => (
            <List.Item key={m.userId}>{m.name}</List.Item>
          ))}
        </List>
      </Card>
    </section>
  );
}

/** The person's own phone sharing in one programme (`label`: the programme's name, on the profile). */
export function PhoneSwitch({ programmeId, label }: { programmeId: string; label?: string }) {
  const { t } = useTranslation();
  const phone = useMyPhone(programmeId);
  const set = useSetMyPhone(programmeId);
  if (!phone.data) return null;
  return (
    <Switch
      label={label ?? t('people.phone.switch')}
      description={phone.data.hasPhone ? t('people.phone.help') : t('people.phone.noPhone')}
      checked={phone.data.shared}
      disabled={set.isPending}
      onChange={(e) => set.mutate(e.currentTarget.checked)}
    />
  );
}

/** The same switch on the people page of a programme. */
export function MyPhoneSwitch({ programme }: { programme: Programme }) {
  return (
    <Card>
      <PhoneSwitch programmeId={programme.id} />
    </Card>
  );
}

/** How many tutees their tutor cannot phone, for the coordinators. */
export function PhoneReachNotice({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const reach = usePhoneReach(programme.id);
  if (!reach.data || reach.data.unreachable === 0) return null;
  const r = reach.data;
  return (
    <Alert
      color="ambre"
      variant="light"
      title={t('people.reach.title', {
        count: r.unreachable,
        role: roleLabel(t, 'tutee', programme.template, r.unreachable > 1).toLowerCase(),
      })}
    >
      <Stack gap={2}>
        <Text size="sm">{t('people.reach.noPhone', { count: r.noPhone })}</Text>
        <Text size="sm">{t('people.reach.notShared', { count: r.notShared })}</Text>
        <Text size="sm" c="dimmed">
          {t('people.reach.help', { tutor: roleLabel(t, 'tutor', programme.template).toLowerCase() })}
        </Text>
      </Stack>
    </Alert>
  );
}
