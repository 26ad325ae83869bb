import { Badge, Divider, Group, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconBell, IconHome, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { NetworkNavLink } from '../features/networks/NetworkNavLink';
import { useNext } from '../features/orgs/next';
import { PortfolioNavLinks } from '../features/portfolio/PortfolioNavLinks';
import { TeamNavLinks } from '../features/teams/TeamNavLinks';
import { LanguageSwitch } from './LanguageSwitch';
import { OrgNavigation } from './OrgNavigation';
import classes from './Shell.module.css';
import { useSignedIn } from './session';

/** The side navigation: home, each organisation and its programmes, notifications and profile. */
export function Navigation({ onNavigate }: { onNavigate: () => void }) {
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
      <PortfolioNavLinks pathname={pathname} onNavigate={onNavigate} />
      <TeamNavLinks pathname={pathname} onNavigate={onNavigate} />
      <NetworkNavLink pathname={pathname} onNavigate={onNavigate} />
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
