import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconMail, IconPhone, IconPhoneOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../app/types';

/** +33612345678 → 06 12 34 56 78; other countries stay as given. */
export function displayPhone(phone: string): string {
  const fr = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(phone);
  return fr ? `0${fr.slice(1).join(' ')}` : phone;
}

/** E-mail and phone as links that open the mail app or the dialler: reaching someone is one tap. */
export function ContactLinks({ person, size = 'sm' }: { person: Person; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      {person.email && (
        <Group gap={8} wrap="nowrap">
          <IconMail size={16} aria-hidden style={{ flex: 'none' }} />
          <Anchor href={`mailto:${person.email}`} size={size} className="break-anywhere">
            {person.email}
          </Anchor>
        </Group>
      )}
      {person.phone ? (
        <Group gap={8} wrap="nowrap">
          <IconPhone size={16} aria-hidden style={{ flex: 'none' }} />
          <Anchor href={`tel:${person.phone}`} size={size}>
            {displayPhone(person.phone)}
          </Anchor>
        </Group>
      ) : (
        person.phone === null && (
          <Group gap={8} wrap="nowrap" c="dimmed">
            <IconPhoneOff size={16} aria-hidden style={{ flex: 'none' }} />
            <Text size={size} c="dimmed">
              {t('people.noPhone')}
            </Text>
          </Group>
        )
      )}
    </Stack>
  );
}
