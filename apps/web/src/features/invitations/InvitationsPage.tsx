import { useTranslation } from 'react-i18next';
import { PageHeader, usePageTitle } from '../../app/ui';
import { PendingInvitations } from './PendingInvitations';

/** Where the invitation e-mail leads: the person's invitations, to accept or decline. */
export function InvitationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitations.pageTitle'));
  return (
    <>
      <PageHeader title={t('invitations.pageTitle')} description={t('invitations.pageIntro')} />
      <PendingInvitations showEmpty />
    </>
  );
}
