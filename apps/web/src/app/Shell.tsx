import {
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Container,
  Divider,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBell,
  IconBuildingCommunity,
  IconCalendarTime,
  IconChevronDown,
  IconHome,
  IconInbox,
  IconLifebuoy,
  IconLogout,
  IconMessageQuestion,
  IconMessageReport,
  IconUserCircle,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useNext } from '../features/orgs/next';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import classes from './Shell.module.css';
import { useSignedIn, useSignOut } from './session';
import { DemoBadge } from './ui';

export function initials(name: string): string {
  const parts = name
    .replace(/^(Dr|Pr|Me)\.?\s+/i, '')
    .split(/[\s-]+/)
    .filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { pathname } = useLocation();
  const byOrg = me.organisations.map((org) => ({
    org,
    // One entry per programme, even when the person holds several roles in it.
    programmes: [
      ...new Map(
        me.memberships.filter((m) => m.organisation.id === org.id).map((m) => [m.programme.id, m.programme]),
      ).values(),
    ],
  }));
  const active = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const unread = useNext().data?.unread ?? 0;
  return (
    <Stack gap={4}>
      <Group hiddenFrom="xs" justify="space-between" px="sm" pb="sm" mb={4} className={classes.navLanguage}>
        <Text size="sm" fw={500}>
          {t('language.label')}
        </Text>
        <LanguageSwitch size="sm" />
      </Group>
      <NavLink
        component={Link}
        to="/"
        label={t('nav.home')}
        leftSection={<IconHome size={18} aria-hidden />}
        active={pathname === '/'}
        onClick={onNavigate}
        aria-current={pathname === '/' ? 'page' : undefined}
      />
      {byOrg.map(({ org, programmes }) => (
        <Box key={org.id} mt="sm">
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
      ))}
      <Divider my="sm" />
      <NavLink
        component={Link}
        to="/notifications"
        label={t('notificationsPage.nav')}
        leftSection={<IconBell size={18} aria-hidden />}
        rightSection={
          unread > 0 ? (
            <>
              <Badge size="sm" circle={unread < 10} aria-hidden>
                {unread > 99 ? '99+' : unread}
              </Badge>
              <VisuallyHidden>{t('next.badge', { count: unread })}</VisuallyHidden>
            </>
          ) : undefined
        }
        active={pathname === '/notifications'}
        aria-current={pathname === '/notifications' ? 'page' : undefined}
        onClick={onNavigate}
      />
      <NavLink
        component={Link}
        to="/profil"
        label={t('nav.profile')}
        leftSection={<IconUserCircle size={18} aria-hidden />}
        active={pathname === '/profil'}
        aria-current={pathname === '/profil' ? 'page' : undefined}
        onClick={onNavigate}
      />
    </Stack>
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

function UserMenu() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={220} shadow="md">
      <Menu.Target>
        <UnstyledButton className={classes.user} aria-label={t('nav.account', { name: me.name })}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="sauge" radius="xl" size={32}>
              {initials(me.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={180} truncate>
              {me.name}
            </Text>
            <Box visibleFrom="sm" component="span" lh={0}>
              <IconChevronDown size={14} aria-hidden />
            </Box>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/profil" leftSection={<IconUserCircle size={16} aria-hidden />}>
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => signOut.mutate()}>
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The signed-in frame: header, navigation (a drawer behind the burger on phones) and the page. */
export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the phone menu and starts at the top.
  useEffect(() => {
    close();
    window.scrollTo(0, 0);
  }, [pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={0}
      className={classes.shell}
    >
      <a href="#contenu" className={classes.skip}>
        {t('nav.skip')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="navigation"
            />
            <Link to="/" className={classes.brand} aria-label={t('nav.brandHome')}>
              <Logo />
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="xs">
              <LanguageSwitch />
            </Box>
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id="navigation"
        aria-label={t('nav.label')}
        className={opened ? classes.navbar : `${classes.navbar} ${classes.navbarClosed}`}
      >
        <ScrollArea type="auto" p="sm" h="100%">
          <Navigation onNavigate={close} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="contenu" tabIndex={-1} className={classes.main}>
        <Container size="lg" px={{ base: 'sm', sm: 'lg' }} py={{ base: 'md', sm: 'xl' }}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
