import { Anchor, Button } from '@mantine/core';
import { IconMessageQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Person, Programme } from '../../app/types';

/** From a tutee's card: ask an expert about their situation (the form opens with them chosen). */
export function AskExpertLink({
  programme,
  person,
  button = false,
}: {
  programme: Programme;
  person: Person;
  button?: boolean;
}) {
  const { t } = useTranslation();
  const to = `/organisations/${programme.orgId}/avis-experts/nouvelle?programme=${programme.id}&sujet=${person.userId}`;
  const label = t('consultations.askAbout', { name: person.name });
  if (button)
    return (
      <Button
        component={Link}
        to={to}
        variant="light"
        size="xs"
        leftSection={<IconMessageQuestion size={14} aria-hidden />}
        style={{ alignSelf: 'flex-start' }}
      >
        {label}
      </Button>
    );
  return (
    <Anchor component={Link} to={to} size="sm">
      {label}
    </Anchor>
  );
}
