import { Button, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const CHANNELS = ['call', 'sms', 'email', 'in-person', 'video'] as const;
/** An attempt that got no answer: the channels where one can go unanswered. */
const ATTEMPT_CHANNELS = ['call', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Logs a contact with a tutee in one tap: by which channel, and whether they answered. */
export function LogContactMenu({
  tutee,
  onLog,
}: {
  tutee: { id: string; name: string };
  onLog: (channel: Channel, answered: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          size="xs"
          variant="light"
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t('meetings.contacts.logFor', { name: tutee.name })}
        >
          {t('meetings.contacts.log')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {CHANNELS.map((ch) => (
          <Menu.Item key={ch} onClick={() => onLog(ch, true)}>
            {t(`meetings.channel.${ch}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>{t('meetings.contacts.noAnswer')}</Menu.Label>
        {ATTEMPT_CHANNELS.map((ch) => (
          <Menu.Item key={`attempt-${ch}`} onClick={() => onLog(ch, false)}>
            {t(`meetings.contacts.attempt.${ch}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
