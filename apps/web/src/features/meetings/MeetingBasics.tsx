import { isWebUrl } from '@compagnon/server/domain/text.ts';
import { Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgrammeMeetings } from './queries';

export type Mode = 'in-person' | 'video' | 'phone';

/** What the meeting is: its name, how it happens (place or video link), the guide it follows. */
export function MeetingBasics({
  title,
  onTitle,
  mode,
  onMode,
  place,
  onPlace,
  videoUrl,
  onVideoUrl,
  guideId,
  onGuideId,
  guides,
}: {
  title: string;
  onTitle: (v: string) => void;
  mode: Mode;
  onMode: (v: Mode) => void;
  place: string;
  onPlace: (v: string) => void;
  videoUrl: string;
  onVideoUrl: (v: string) => void;
  guideId: string | null;
  onGuideId: (v: string | null) => void;
  guides: ProgrammeMeetings['guides'];
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <TextInput
          label={t('meetings.new.name')}
          value={title}
          onChange={(e) => onTitle(e.currentTarget.value)}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="mode-label">
            {t('meetings.new.mode')}
          </Text>
          <SegmentedControl
            aria-labelledby="mode-label"
            value={mode}
            onChange={(v) => onMode(v as Mode)}
            data={(['in-person', 'video', 'phone'] as const).map((m) => ({
              value: m,
              label: t(`meetings.mode.${m}`),
            }))}
            fullWidth
          />
        </Stack>
        {mode === 'in-person' && (
          <TextInput
            label={t('meetings.new.place')}
            value={place}
            onChange={(e) => onPlace(e.currentTarget.value)}
          />
        )}
        {mode === 'video' && (
          <TextInput
            type="url"
            label={t('meetings.new.videoUrl')}
            description={t('meetings.new.videoHint')}
            value={videoUrl}
            onChange={(e) => onVideoUrl(e.currentTarget.value)}
            error={videoUrl.trim() && !isWebUrl(videoUrl.trim()) ? t('errors.invalid_web_url') : undefined}
          />
        )}
        <Select
          label={t('meetings.new.guide')}
          placeholder={t('meetings.new.noGuide')}
          clearable
          value={guideId}
          onChange={onGuideId}
          data={guides.map((g) => ({ value: g.id, label: `${g.title} — ${g.when}` }))}
        />
      </Stack>
    </Paper>
  );
}
