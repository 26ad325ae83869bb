import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The audit actions the screen offers as a filter, reads of sensitive records first. */
export const readActions = [
  'person.contact_read',
  'meeting.report_read',
  'pairing.history_read',
  'difficulty.read',
  'consultation.read',
] as const;
export const otherActions = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.password_changed',
  'auth.password_reset',
  'auth.invitation_accepted',
  'membership.added',
  'membership.ended',
  'membership.role_changed',
  'programme.created',
  'programme.updated',
  'import.committed',
  'matching.run',
  'matching.published',
  'meeting.report_filed',
  'followup.review.exported',
  'difficulty.raised',
  'difficulty.state_changed',
  'difficulty.forwarded',
  'consultation.asked',
  'org.retention_changed',
] as const;

/** An audit action in words of the interface language; an unknown code says so, with the code. */
export function useActionWords() {
  const { t } = useTranslation();
  return useCallback(
    (code: string) =>
      t(`audit.actions.${code.replace(/\./g, '_')}`, { defaultValue: t('audit.actions.other', { code }) }),
    [t],
  );
}

/** How the reader stood towards the records: coordinator, administrator, tutor… */
export function useReaderRole() {
  const { t } = useTranslation();
  return useCallback(
    (role: string | null) => (role ? t(`audit.readerRoles.${role}`, { defaultValue: role }) : ''),
    [t],
  );
}
