import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "More": the next page of a list read page by page, while there is one. */
export function MorePages({
  query,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Group justify="center" mt="md">
      <Button variant="default" loading={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
        {t('audit.more')}
      </Button>
    </Group>
  );
}
