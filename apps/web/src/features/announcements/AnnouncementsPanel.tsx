import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading } from '../../app/ui';
import { FormActions } from '../guides/GuideForm';
import { useProgrammeContext } from '../programmes/context';
import { type AnnouncementList, type Audience, useAnnouncements, useSendAnnouncement } from './queries';

/** The programme's announcements tab: what the coordination sent (with counts), and the form to send one. */
export function AnnouncementsPanel() {
  const { programme } = useProgrammeContext();
  const query = useAnnouncements(programme.id);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <Announcements list={query.data} />;
}

function Announcements({ list }: { list: AnnouncementList }) {
  const { t } = useTranslation();
  const { instant } = useDates(list.programme.orgId);
  const [writing, setWriting] = useState(false);
  return (
    <Stack gap="lg" maw={860}>
      <Text size="sm">
        {list.actions.send ? t('announcements.introManager') : t('announcements.introMember')}
      </Text>
      {list.actions.send &&
        (writing ? (
          <Compose list={list} done={() => setWriting(false)} />
        ) : (
          <Group>
            <Button leftSection={<IconSpeakerphone size={16} aria-hidden />} onClick={() => setWriting(true)}>
              {t('announcements.new')}
            </Button>
          </Group>
        ))}
      {list.announcements.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('announcements.none')}
        </Text>
      )}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {list.announcements.map((a) => (
          <Card key={a.id} withBorder component="li" padding="md">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/annonces/${a.id}`} fw={600}>
                {a.title}
              </Anchor>
              {a.read === false && (
                <Badge color="red" variant="light" tt="none">
                  {t('announcements.unread')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t(`announcements.audience.${a.audience}`)} ·{' '}
              {a.author?.name ?? t('announcements.formerMember')} · {instant(a.at, true)}
            </Text>
            {a.counts && (
              <Text size="sm" mt={4}>
                {t('announcements.counts', {
                  recipients: a.counts.recipients,
                  read: a.counts.read,
                  count: a.counts.replies,
                })}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

function Compose({ list, done }: { list: AnnouncementList; done: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const [audience, setAudience] = useState<Audience>('tutors');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [link, setLink] = useState('');
  const send = useSendAnnouncement(list.programme.id, {
    onSuccess: (a) => {
      notifications.show({ message: t('announcements.sent') });
      done();
      navigate(`/annonces/${a.id}`);
    },
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  const ready = title.trim() && body.trim();
  return (
    <Card withBorder padding="md">
      <Title order={2} fz={18} mb="sm">
        {t('announcements.new')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) send.mutate({ audience, title, body, link: link.trim() || null });
        }}
      >
        <Stack gap="sm">
          <AudienceField value={audience} onChange={setAudience} />
          <TextInput
            label={t('announcements.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
          <Textarea
            label={t('announcements.body')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={5}
            required
          />
          <TextInput
            label={t('announcements.link')}
            description={t('announcements.linkHint')}
            value={link}
            onChange={(e) => setLink(e.currentTarget.value)}
            type="url"
          />
          <Text size="sm" c="dimmed">
            {t('announcements.howSent', { count: list.remainingThisHour ?? 0 })}
          </Text>
          <FormActions
            label={t('announcements.send')}
            pending={send.isPending}
            ready={!!ready}
            onCancel={done}
          />
        </Stack>
      </form>
    </Card>
  );
}

/** Who receives it: the programme's tutors, its tutees, or both. */
function AudienceField({ value, onChange }: { value: Audience; onChange: (a: Audience) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="announcement-audience">
        {t('announcements.to')}
      </Text>
      <SegmentedControl
        aria-labelledby="announcement-audience"
        value={value}
        onChange={(v) => onChange(v as Audience)}
        data={(['tutors', 'tutees', 'both'] as const).map((x) => ({
          value: x,
          label: t(`announcements.audience.${x}`),
        }))}
        fullWidth
      />
    </Stack>
  );
}
