import { Accordion, Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from './Attachments';
import type { TraceRef, Version } from './queries';
import { TraceMarkdown } from './TraceMarkdown';
import { usePortfolioDates } from './words';

/** The versions sent before the one shown, each readable as it was sent. */
export function Versions({
  versions,
  traceRef,
  timeZone,
}: {
  versions: Version[];
  traceRef: TraceRef;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const { instant } = usePortfolioDates(timeZone);
  if (versions.length === 0) return null;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="trace-versions">
      <Title order={2} fz={18} id="trace-versions" mb={4}>
        {t('portfolio.versions.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('portfolio.versions.help')}
      </Text>
      <Accordion variant="separated" chevronPosition="right">
        {[...versions].reverse().map((version) => (
          <Accordion.Item key={version.number} value={String(version.number)}>
            <Accordion.Control>
              {t('portfolio.versions.item', {
                n: version.number,
                date: version.submittedAt ? instant(version.submittedAt, true) : '—',
              })}
            </Accordion.Control>
            <Accordion.Panel>
              <TraceMarkdown text={version.body} />
              <AttachmentList traceRef={traceRef} attachments={version.attachments} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  );
}
