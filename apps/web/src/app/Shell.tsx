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
import { IconBell, IconChevronDown, IconHome, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useNext } from '../features/orgs/next';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { OrgNavigation } from './OrgNavigation';
import classes from './Shell.module.css';
import { useSignedIn, useSignOut } from './session';

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
        <OrgNavigation
          key={org.id}
          org={org}
          programmes={programmes}
          pathname={pathname}
          onNavigate={onNavigate}
        />
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
