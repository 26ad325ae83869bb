import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { initials } from './initials';
import classes from './Shell.module.css';
import { useSignedIn, useSignOut } from './session';

/** The signed-in person's menu in the header: their address, profile and signing out. */
export function UserMenu() {
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
