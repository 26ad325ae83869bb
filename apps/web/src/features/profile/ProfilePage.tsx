import { Box, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDevices, IconKey, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn, useSignOut } from '../../app/session';
import type { Me } from '../../app/types';
import { CardHeading, PageHeader, usePageTitle } from '../../app/ui';
import { RecordReadsCard } from '../audit/RecordReadsCard';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { ErasureRequestsCard } from '../rights/ErasureRequestsCard';
import { MyDataCard } from '../rights/MyDataCard';
import { AccountCard } from './AccountCard';
import { OrganisationProfileCard } from './OrganisationProfile';

function PasswordCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Card component="section" aria-labelledby="password-title">
      <CardHeading
        icon={IconKey}
        id="password-title"
        title={t('profile.password.title')}
        help={t('profile.password.help')}
      />
      <Box maw={420}>
        <ChangePasswordForm
          email={me.email}
          currentLabel={t('profile.password.current')}
          submitLabel={t('profile.password.save')}
          submitIcon={<IconKey size={16} aria-hidden />}
          onDone={() => {
            notifications.show({ color: 'sauge', message: t('profile.password.saved') });
          }}
        />
      </Box>
    </Card>
  );
}

function SessionsCard() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const signOutEverywhere = useSignOut(true);
  const [confirm, setConfirm] = useState(false);
  return (
    <Card component="section" aria-labelledby="sessions-title">
      <CardHeading
        icon={IconShieldLock}
        id="sessions-title"
        title={t('profile.sessions.title')}
        help={t('profile.sessions.help')}
      />
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconLogout size={16} aria-hidden />}
          loading={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          {t('nav.signOut')}
        </Button>
        <Button
          color="red"
          variant="light"
          leftSection={<IconDevices size={16} aria-hidden />}
          onClick={() => setConfirm(true)}
        >
          {t('profile.sessions.everywhere')}
        </Button>
      </Group>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('profile.sessions.confirmTitle')}>
        <Stack gap="md">
          <Text>{t('profile.sessions.confirmBody')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={signOutEverywhere.isPending}
              onClick={() => signOutEverywhere.mutate()}
            >
              {t('profile.sessions.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const admin = me.organisations.filter((o) => o.isAdmin);
  usePageTitle(t('profile.title'));
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.intro')} />
      <Stack gap="lg">
        <AccountCard me={me} />
        {me.organisations.length > 0 && <OrganisationProfileCard me={me} />}
        <PasswordCard me={me} />
        <SessionsCard />
        <MyDataCard me={me} />
        {admin.length > 0 && <ErasureRequestsCard orgs={admin} />}
        <RecordReadsCard />
      </Stack>
    </>
  );
}
