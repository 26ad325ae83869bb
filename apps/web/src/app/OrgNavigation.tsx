import { Box, Divider, Group, NavLink, Text } from '@mantine/core';
import {
  IconBook,
  IconBuildingCommunity,
  IconCalendarTime,
  IconChecklist,
  IconInbox,
  IconLifebuoy,
  IconMessageQuestion,
  IconMessageReport,
  IconMessages,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignedIn } from './session';
import type { MeOrganisation } from './types';
import { DemoBadge } from './ui';

/** An organisation's part of the navigation: its page, availability, help, concerns and programmes. */
export function OrgNavigation({
  org,
  programmes,
  pathname,
  onNavigate,
}: {
  org: MeOrganisation;
  programmes: { id: string; name: string }[];
  pathname: string;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const active = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return (
    <Box mt="sm">
      <Divider mb="sm" />
      <Group gap={6} px="sm" mb={4} wrap="nowrap">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" lineClamp={2} style={{ letterSpacing: 0.3 }}>
          {org.name}
        </Text>
      </Group>
      {org.isDemo && (
        <Box px="sm" mb={6}>
          <DemoBadge />
        </Box>
      )}
      <NavLink
        component={Link}
        to={`/organisations/${org.id}`}
        label={t('nav.organisation')}
        leftSection={<IconBuildingCommunity size={18} aria-hidden />}
        active={pathname === `/organisations/${org.id}`}
        aria-current={pathname === `/organisations/${org.id}` ? 'page' : undefined}
        onClick={onNavigate}
      />
      <NavLink
        component={Link}
        to={`/organisations/${org.id}/disponibilites`}
        label={t('nav.availability')}
        leftSection={<IconCalendarTime size={18} aria-hidden />}
        active={pathname === `/organisations/${org.id}/disponibilites`}
        aria-current={pathname === `/organisations/${org.id}/disponibilites` ? 'page' : undefined}
        onClick={onNavigate}
      />
      <NavLink
        component={Link}
        to={`/organisations/${org.id}/aide`}
        label={t('nav.help')}
        leftSection={<IconLifebuoy size={18} aria-hidden />}
        active={pathname === `/organisations/${org.id}/aide`}
        aria-current={pathname === `/organisations/${org.id}/aide` ? 'page' : undefined}
        onClick={onNavigate}
      />
      <NavLink
        component={Link}
        to={`/organisations/${org.id}/guides`}
        label={t('nav.guides')}
        leftSection={<IconBook size={18} aria-hidden />}
        active={active(`/organisations/${org.id}/guides`)}
        aria-current={active(`/organisations/${org.id}/guides`) ? 'page' : undefined}
        onClick={onNavigate}
      />
      <ConcernLinks org={org} pathname={pathname} onNavigate={onNavigate} />
      {programmes.map((p) => (
        <NavLink
          key={p.id}
          component={Link}
          to={`/programmes/${p.id}`}
          label={p.name}
          leftSection={<IconUsersGroup size={18} aria-hidden />}
          active={active(`/programmes/${p.id}`)}
          aria-current={active(`/programmes/${p.id}`) ? 'page' : undefined}
          onClick={onNavigate}
        />
      ))}
    </Box>
  );
}

/**
 * An organisation's entries for what goes beyond the pairs: raising a difficulty (every member),
 * the coordination's inbox of difficulties, and experts' advice (tutors, coordination, experts).
 */
function ConcernLinks({
  org,
  pathname,
  onNavigate,
}: {
  org: { id: string; isAdmin: boolean };
  pathname: string;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const roles = new Set(me.memberships.filter((m) => m.organisation.id === org.id).map((m) => m.role));
  const base = `/organisations/${org.id}`;
  const links = [
    {
      to: `${base}/difficultes`,
      label: t('nav.difficulties'),
      icon: IconMessageReport,
      active: pathname === `${base}/difficultes` || pathname === `${base}/difficultes/nouvelle`,
      shown: true,
    },
    {
      to: `${base}/difficultes/recues`,
      label: t('nav.difficultiesInbox'),
      icon: IconInbox,
      active: pathname === `${base}/difficultes/recues`,
      shown: org.isAdmin || roles.has('coordinator'),
    },
    {
      to: `${base}/avis-experts`,
      label: t('nav.consultations'),
      icon: IconMessageQuestion,
      active: pathname.startsWith(`${base}/avis-experts`),
      shown: org.isAdmin || roles.has('coordinator') || roles.has('tutor') || roles.has('expert'),
    },
    {
      to: `${base}/cas-equipe`,
      label: t('nav.teamCases'),
      icon: IconMessages,
      active: pathname === `${base}/cas-equipe`,
      shown: roles.has('tutor'),
    },
    {
      to: `${base}/retours`,
      label: t('nav.feedback'),
      icon: IconChecklist,
      active: pathname === `${base}/retours` || pathname === `${base}/auto-evaluation`,
      shown: roles.has('tutor'),
    },
  ];
  return links
    .filter((l) => l.shown)
    .map((l) => (
      <NavLink
        key={l.to}
        component={Link}
        to={l.to}
        label={l.label}
        leftSection={<l.icon size={18} aria-hidden />}
        active={l.active}
        aria-current={l.active ? 'page' : undefined}
        onClick={onNavigate}
      />
    ));
}
