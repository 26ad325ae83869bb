import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/ui';
import { StateBadge } from './DifficultyList';
import type { DifficultyView } from './queries';

/** What the difficulty is about, where it stands, and who raised it when (as the viewer may know). */
export function DifficultyHeader({
  d,
  when,
}: {
  d: DifficultyView;
  when: (m: { day: string; at: string | null }) => string;
}) {
  const { t } = useTranslation();
  return (
    <PageHeader
      eyebrow={
        d.programme?.name ??
        (d.from ? t('difficulties.fromOrganisation', { organisation: d.from }) : undefined)
      }
      title={t(`difficulties.category.${d.category}`)}
      badges={
        <>
          <StateBadge state={d.state} />
          <Badge variant="outline" color="gray" tt="none">
            {t(`difficulties.scope.${d.scope}`)}
          </Badge>
          {d.anonymised && (
            <Badge variant="light" color="grape" tt="none">
              {t('difficulties.anonymous')}
            </Badge>
          )}
        </>
      }
      description={
        d.mine
          ? t('difficulties.raisedByYou', { date: when(d.raised) })
          : d.author
            ? t('difficulties.raisedBy', { date: when(d.raised), author: d.author.name })
            : d.from
              ? t('difficulties.raisedFrom', { date: when(d.raised), organisation: d.from })
              : t('difficulties.raisedByAnonymous', { date: when(d.raised) })
      }
    />
  );
}
