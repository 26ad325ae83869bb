import { Alert, Button, Checkbox, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type InterviewView, useResidentView, useSignInterview } from './interviewQueries';
import { slotLabel } from './queries';

/** The resident's own view of their year: written by them, read by their tutor. */
export function ResidentViewPanel({ meetingId, view }: { meetingId: string; view: InterviewView }) {
  const { t } = useTranslation();
  const saved = view.record?.residentView ?? '';
  const [text, setText] = useState(saved);
  useEffect(() => setText(saved), [saved]);
  const write = useResidentView(meetingId);
  return (
    <Stack gap="xs">
      <Title order={3} fz={17}>
        {t('meetings.interview.residentView')}
      </Title>
      {view.can.writeView ? (
        <>
          <Textarea
            aria-label={t('meetings.interview.residentView')}
            description={t('meetings.interview.residentViewHelp')}
            value={text}
            autosize
            minRows={3}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group>
            <Button
              variant="default"
              onClick={() => write.mutate(text)}
              loading={write.isPending}
              disabled={text === saved}
            >
              {t('meetings.interview.saveView')}
            </Button>
          </Group>
          {write.error && <ErrorAlert error={write.error} />}
        </>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={saved ? undefined : 'dimmed'}>
          {saved || t('meetings.interview.noView')}
        </Text>
      )}
    </Stack>
  );
}

/** Who signed what, and the viewer's own signature: their full name typed and their consent. */
export function InterviewSignatures({
  meetingId,
  view,
  timeZone,
}: {
  meetingId: string;
  view: InterviewView;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  const sign = useSignInterview(meetingId);
  const valid = view.signatures.filter((s) => s.valid);
  return (
    <Stack gap="xs">
      <Title order={3} fz={17}>
        {t('meetings.interview.signatures')}
      </Title>
      {view.signed && (
        <Alert color="sauge" variant="light">
          {t('meetings.interview.signedBoth')}
        </Alert>
      )}
      {valid.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.interview.notSigned')}
        </Text>
      ) : (
        valid.map((s) => (
          <Text key={s.role} size="sm">
            {t(`meetings.interview.signedBy.${s.role}`, {
              name: s.name,
              date: slotLabel(s.signedAt, timeZone, i18n.language, true),
            })}
          </Text>
        ))
      )}
      {view.can.sign && view.hash && (
        <Stack gap="xs" maw={480}>
          <TextInput
            label={t('meetings.interview.typeName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            autoComplete="name"
          />
          <Checkbox
            label={t('meetings.interview.consent')}
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
          />
          <Group>
            <Button
              disabled={!consent || name.trim().length < 2}
              loading={sign.isPending}
              onClick={() => sign.mutate({ name: name.trim(), consent: true, hash: view.hash as string })}
            >
              {t('meetings.interview.sign')}
            </Button>
          </Group>
          {sign.error && <ErrorAlert error={sign.error} />}
        </Stack>
      )}
    </Stack>
  );
}
