import { Anchor, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDates } from '../../app/dates';
import { ErrorAlert, Loading } from '../../app/ui';
import { usePersonCheckins } from './queries';

function answerText(t: (k: string) => string, value: string) {
  if (value === 'yes') return t('wellbeing.checkin.yes');
  if (value === 'no') return t('wellbeing.checkin.no');
  return value;
}

/**
 * Under a tutee's card, for their tutor: the guide, always one tap away, and the check-in answers
 * the tutee did not hide — opened on request, since each opening is recorded in their log.
 */
export function TuteeWellbeing({
  programmeId,
  orgId,
  tutee,
}: {
  programmeId: string;
  orgId: string;
  tutee: { userId: string; name: string };
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const checkins = usePersonCheckins(programmeId, tutee.userId, open);
  const { instant } = useDates(orgId);
  return (
    <Stack gap={4} px={4}>
      <Group gap="md" wrap="wrap">
        <Anchor component={Link} to={`/organisations/${orgId}/aide`} size="sm">
          {t('wellbeing.tutee.guide')}
        </Anchor>
        <Button variant="subtle" size="compact-sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t('wellbeing.tutee.hide') : t('wellbeing.tutee.show')}
        </Button>
      </Group>
      <Collapse expanded={open}>
        {checkins.error ? (
          <ErrorAlert error={checkins.error} />
        ) : !checkins.data ? (
          open && <Loading />
        ) : checkins.data.checkins.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('wellbeing.tutee.none', { name: tutee.name })}
          </Text>
        ) : (
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {t('wellbeing.tutee.note', { name: tutee.name })}
            </Text>
            {checkins.data.checkins.map((c) => (
              <Paper key={c.id} withBorder radius="md" p="xs">
                <Text size="sm" fw={600}>
                  {instant(c.answeredAt ?? c.askedAt)}
                </Text>
                {c.answers.map((a) => (
                  <Text key={a.question} size="sm">
                    {a.label} : <strong>{answerText(t, a.value)}</strong>
                  </Text>
                ))}
              </Paper>
            ))}
          </Stack>
        )}
      </Collapse>
    </Stack>
  );
}
