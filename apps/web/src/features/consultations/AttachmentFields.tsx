import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AskBody } from './queries';

const MAX_ATTACHMENTS = 5;

/** The excerpts pasted with a question, each with its title; at most five. */
export function AttachmentFields({ form }: { form: UseFormReturnType<AskBody> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('consultations.form.attachments')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('consultations.form.attachmentsHint')}
      </Text>
      {form.values.attachments.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: excerpts have no id of their own
        <Paper key={i} withBorder p="sm" radius="md">
          <Stack gap="xs">
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                label={t('consultations.form.attachmentTitle', { n: i + 1 })}
                maxLength={120}
                {...form.getInputProps(`attachments.${i}.title`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('consultations.form.removeAttachment', { n: i + 1 })}
                onClick={() => form.removeListItem('attachments', i)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
            <Textarea
              label={t('consultations.form.attachmentText', { n: i + 1 })}
              autosize
              minRows={3}
              maxLength={10000}
              {...form.getInputProps(`attachments.${i}.text`)}
            />
          </Stack>
        </Paper>
      ))}
      {form.values.attachments.length < MAX_ATTACHMENTS && (
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => form.insertListItem('attachments', { title: '', text: '' })}
          >
            {t('consultations.form.addAttachment')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
