import { Affix, Button, Card, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconQuote } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from './Attachments';
import type { TraceRef, Version } from './queries';
import { TraceMarkdown } from './TraceMarkdown';
import { usePortfolioDates } from './words';

const MAX_QUOTE = 2000;

/**
 * The passage selected in the text, kept until it is commented on, dismissed, or replaced: on a
 * phone, tapping the button moves the selection, so the last one inside the text is what counts.
 */
function useSelectedPassage(container: React.RefObject<HTMLDivElement | null>, enabled: boolean) {
  const [passage, setPassage] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const onChange = () => {
      const sel = document.getSelection();
      const root = container.current;
      if (!sel || !root || !sel.anchorNode || !root.contains(sel.anchorNode)) return;
      const text = sel.toString().replace(/\s+/g, ' ').trim();
      if (sel.isCollapsed || !text) setPassage(null);
      else if (sel.focusNode && root.contains(sel.focusNode)) setPassage(text.slice(0, MAX_QUOTE));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [container, enabled]);
  return [passage, setPassage] as const;
}

/** A sent version's text and files, where the reviewer selects a passage to comment on. */
export function TraceReader({
  version,
  traceRef,
  timeZone,
  onQuote,
}: {
  version: Version;
  traceRef: TraceRef;
  timeZone: string;
  onQuote?: (passage: string) => void;
}) {
  const { t } = useTranslation();
  const { instant } = usePortfolioDates(timeZone);
  const text = useRef<HTMLDivElement>(null);
  const [passage, setPassage] = useSelectedPassage(text, !!onQuote);
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="trace-text">
      <Stack gap={2} mb="sm">
        <Title order={2} fz={18} id="trace-text">
          {t('portfolio.reader.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {version.submittedAt
            ? t('portfolio.reader.version', { n: version.number, date: instant(version.submittedAt, true) })
            : t('portfolio.reader.draftVersion', { n: version.number })}
        </Text>
        {onQuote && (
          <Text size="sm" c="dimmed">
            {t('portfolio.reader.selectHint')}
          </Text>
        )}
      </Stack>
      {version.body.trim() ? (
        <TraceMarkdown ref={text} text={version.body} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('portfolio.reader.noText')}
        </Text>
      )}
      {version.attachments.length > 0 && (
        <Stack gap={4} mt="md">
          <Text fw={600} size="sm">
            {t('portfolio.files.title')}
          </Text>
          <AttachmentList traceRef={traceRef} attachments={version.attachments} />
        </Stack>
      )}
      {onQuote && passage && (
        <Affix position={{ bottom: 16, left: 16, right: 16 }} zIndex={150}>
          <Paper shadow="md" withBorder p="sm" radius="md" maw={560} mx="auto">
            <Group gap="xs" wrap="nowrap" align="center">
              <Text size="sm" lineClamp={2} style={{ flex: 1, minWidth: 0 }} fs="italic">
                « {passage} »
              </Text>
              <Button
                size="sm"
                leftSection={<IconQuote size={16} aria-hidden />}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  onQuote(passage);
                  setPassage(null);
                }}
              >
                {t('portfolio.reader.comment')}
              </Button>
              <CloseButton aria-label={t('portfolio.reader.dismiss')} onClick={() => setPassage(null)} />
            </Group>
          </Paper>
        </Affix>
      )}
    </Card>
  );
}
