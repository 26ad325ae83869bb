import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { Logo } from '../../app/Logo';
import classes from './AuthLayout.module.css';

/**
 * The frame of every page reached before signing in: sign-in, links from e-mails, invitations.
 * `wide` for what is read rather than filled in (a trace reviewed from its e-mailed link).
 */
export function AuthLayout({ wide = false }: { wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box className={classes.page}>
      <Group component="header" justify="space-between" px="md" py="sm" wrap="nowrap">
        <Link to="/connexion" className={classes.brand} aria-label={t('nav.brandSignIn')}>
          <Logo />
        </Link>
        <LanguageSwitch />
      </Group>
      <Center component="main" className={classes.main} px="sm">
        <Stack w="100%" maw={wide ? 1200 : 440} gap="lg" py={wide ? 'md' : 'xl'}>
          {wide ? (
            // Read on a phone as much as on a desk: the page's own cards frame it, edge to edge.
            <Box>
              <Outlet />
            </Box>
          ) : (
            <Paper p={{ base: 'lg', sm: 32 }} shadow="sm" withBorder>
              <Outlet />
            </Paper>
          )}
          <Text size="sm" c="dimmed" ta="center">
            {t('auth.tagline')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
