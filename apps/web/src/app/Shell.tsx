import { AppShell, Box, Burger, Container, Group, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { Navigation } from './Navigation';
import classes from './Shell.module.css';
import { UserMenu } from './UserMenu';

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
