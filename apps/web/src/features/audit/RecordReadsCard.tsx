import { Badge, Card, Group, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/dates';
import { CardHeading, ErrorAlert, Loading } from '../../app/ui';
import classes from './audit.module.css';
import { MorePages } from './MorePages';
import { useRecordReads } from './queries';
import { useReaderRole } from './words';

/** Who read the signed-in person's records (contact details, reports, pairing history), newest first. */
export function RecordReadsCard() {
  const { t, i18n } = useTranslation();
  const roleWords = useReaderRole();
  const reads = useRecordReads();
  const entries = reads.data?.pages.flatMap((p) => p.entries) ?? [];
  const orgs = new Set(entries.map((e) => e.organisation));
  return (
    <Card component="section" aria-labelledby="record-reads-title">
      <CardHeading
        icon={IconEye}
        id="record-reads-title"
        title={t('audit.mine.title')}
        help={t('audit.mine.help')}
      />
      {reads.error && <ErrorAlert error={reads.error} />}
      {reads.isPending ? (
        <Loading />
      ) : entries.length === 0 ? (
        <Text c="dimmed">{t('audit.mine.empty')}</Text>
      ) : (
        <>
          <ul className={classes.list}>
            {entries.map((e) => (
              <li key={e.id} className={classes.mineRow} data-testid="record-read">
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {e.reader}
                  </Text>
                  {e.role && (
                    <Badge variant="light" color="gray" tt="none" size="sm">
                      {roleWords(e.role)}
                    </Badge>
                  )}
                  <Text size="sm">{t(`audit.mine.kinds.${e.kind}`)}</Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {formatInstant(e.at, e.timeZone, i18n.language, true)}
                  {orgs.size > 1 ? ` · ${e.organisation}` : ''}
                </Text>
              </li>
            ))}
          </ul>
          <MorePages query={reads} />
        </>
      )}
    </Card>
  );
}
