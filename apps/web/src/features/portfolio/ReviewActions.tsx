import { Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconArrowBackUp, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type TraceRef, type TraceView, useAskRevision } from './queries';
import { ValidateForm } from './ValidateForm';
import { addDays, today } from './words';

/** The reviewer's two ways out of a review: ask for a revision by a date, or validate with competencies. */
export function ReviewActions({ v, traceRef }: { v: TraceView; traceRef: TraceRef }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const [revisionOpen, revision] = useDisclosure(false);
  const [validateOpen, validate] = useDisclosure(false);
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="trace-review" bg="sauge.0">
      <Title order={2} fz={18} id="trace-review" mb={4}>
        {t('portfolio.review.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('portfolio.review.help', { name: v.resident.name })}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Button leftSection={<IconCircleCheck size={18} aria-hidden />} onClick={validate.open}>
          {t('portfolio.review.validate')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconArrowBackUp size={18} aria-hidden />}
          onClick={revision.open}
        >
          {t('portfolio.review.askRevision')}
        </Button>
      </Group>
      <Modal
        opened={revisionOpen}
        onClose={revision.close}
        title={t('portfolio.revision.title')}
        fullScreen={phone}
        size="lg"
      >
        <RevisionForm v={v} traceRef={traceRef} onDone={revision.close} />
      </Modal>
      <Modal
        opened={validateOpen}
        onClose={validate.close}
        title={t('portfolio.validate.title')}
        fullScreen={phone}
        size="xl"
      >
        <ValidateForm v={v} traceRef={traceRef} onDone={validate.close} />
      </Modal>
    </Card>
  );
}

function RevisionForm({ v, traceRef, onDone }: { v: TraceView; traceRef: TraceRef; onDone: () => void }) {
  const { t } = useTranslation();
  const now = today(v.timeZone);
  const [body, setBody] = useState('');
  const [dueOn, setDueOn] = useState<string | null>(addDays(now, 14));
  const ask = useAskRevision(traceRef, { onSuccess: onDone });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim() && dueOn) ask.mutate({ body: body.trim(), dueOn });
      }}
    >
      <Stack gap="md">
        <Text size="sm">{t('portfolio.revision.help', { name: v.resident.name })}</Text>
        <Textarea
          label={t('portfolio.revision.body')}
          description={t('portfolio.revision.bodyHelp')}
          required
          autosize
          minRows={4}
          maxLength={10_000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          data-autofocus
        />
        <DatePickerInput
          label={t('portfolio.revision.dueOn')}
          required
          valueFormat="D MMMM YYYY"
          minDate={addDays(now, 1)}
          value={dueOn}
          onChange={(d) => setDueOn(d ? String(d).slice(0, 10) : null)}
          maw={280}
        />
        {ask.error && <ErrorAlert error={ask.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={ask.isPending} disabled={!body.trim() || !dueOn}>
            {t('portfolio.revision.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
