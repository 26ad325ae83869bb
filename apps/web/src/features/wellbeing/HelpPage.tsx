import { Button, Group, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { DirectoryEditor } from './DirectoryEditor';
import { GuideEditor } from './GuideEditor';
import { GuideSections } from './GuideSections';
import { useDirectory, useGuide } from './queries';
import { ResourceList } from './ResourceList';

function DirectoryTab({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const dir = useDirectory(orgId);
  const [editing, setEditing] = useState(false);
  if (dir.error) return <ErrorAlert error={dir.error} />;
  if (!dir.data) return <Loading />;
  if (editing) return <DirectoryEditor orgId={orgId} directory={dir.data} done={() => setEditing(false)} />;
  return (
    <Stack gap="md">
      <Text size="sm">{t('wellbeing.help.intro')}</Text>
      <ResourceList resources={dir.data.resources} />
      {dir.data.canEdit && (
        <Group>
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('wellbeing.help.edit')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function GuideTab({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState(i18n.language === 'en' ? 'en' : 'fr');
  const guide = useGuide(orgId, lang);
  const [editing, setEditing] = useState(false);
  if (guide.error) return <ErrorAlert error={guide.error} />;
  if (!guide.data) return <Loading />;
  return (
    <Stack gap="md">
      <Text size="sm">{t('wellbeing.guide.intro')}</Text>
      {guide.data.canEdit && (
        <Group justify="space-between" wrap="wrap">
          <SegmentedControl
            value={lang}
            onChange={(v) => {
              setLang(v);
              setEditing(false);
            }}
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
          />
          {!editing && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('wellbeing.guide.edit')}
            </Button>
          )}
        </Group>
      )}
      {editing ? (
        <GuideEditor
          orgId={orgId}
          lang={lang as 'fr' | 'en'}
          guide={guide.data}
          done={() => setEditing(false)}
        />
      ) : (
        <GuideSections sections={guide.data.sections} />
      )}
    </Stack>
  );
}

/** Every member's page of help: the organisation's directory and the guide for tutors. */
export function HelpPage() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  usePageTitle(t('wellbeing.help.pageTitle'));
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t('wellbeing.help.pageTitle')} description={t('wellbeing.help.description')} />
      <Tabs defaultValue="directory" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="directory">{t('wellbeing.help.tab')}</Tabs.Tab>
          <Tabs.Tab value="guide">{t('wellbeing.guide.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="directory" pt="md">
          <DirectoryTab orgId={orgId} />
        </Tabs.Panel>
        <Tabs.Panel value="guide" pt="md">
          <GuideTab orgId={orgId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
