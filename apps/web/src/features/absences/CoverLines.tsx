import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../app/dates';
import { useMyAbsences } from './queries';

/**
 * For a tutee whose tutor is away: whom to contact and until when, with that person's contact
 * details. Shown on the programme's people page and on the absences page; nothing otherwise.
 */
export function CoverLines({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const mine = useMyAbsences(programmeId);
  const contacts = mine.data?.contacts ?? [];
  if (contacts.length === 0) return null;
  return (
    <Stack gap="sm" mb="md">
      {contacts.map((c) => (
        <Alert
          key={`${c.tutor.id}:${c.backup.id}`}
          color="teal"
          icon={<IconUserShare size={18} />}
          title={t('absences.cover.title')}
        >
          <Text size="sm">
            {t('absences.cover.line', {
              tutor: c.tutor.name,
              until: formatCalendarDate(c.endOn, i18n.language),
              backup: c.backup.name,
            })}
          </Text>
          <Text size="sm" mt={4}>
            {c.backup.email && <Anchor href={`mailto:${c.backup.email}`}>{c.backup.email}</Anchor>}
            {c.backup.phone && (
              <>
                {' · '}
                <Anchor href={`tel:${c.backup.phone.replace(/\s/g, '')}`}>{c.backup.phone}</Anchor>
              </>
            )}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
