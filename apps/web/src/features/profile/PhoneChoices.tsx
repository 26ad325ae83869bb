import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrganisation } from '../orgs/queries';
import { PhoneSwitch } from '../people/GroupAndPhone';

/** The person's phone sharing, one switch per programme of the organisation they take part in. */
export function PhoneChoices({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const org = useOrganisation(orgId);
  const mine = (org.data?.programmes ?? []).filter((p) => p.myRoles.length > 0 && !p.archived);
  if (mine.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="phone-choices">
      <Title order={3} fz={16} id="phone-choices">
        {t('profile.phone.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('profile.phone.help')}
      </Text>
      {mine.map((p) => (
        <PhoneSwitch key={p.id} programmeId={p.id} label={p.name} />
      ))}
    </Stack>
  );
}
