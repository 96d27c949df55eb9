import { Button, Group } from '@mantine/core';
import { useCursorPages } from '../../components/paging';
import { useT } from '../../i18n/locale';

export { useCursorPages };

export function Pager({
  pages,
  pageInfo,
  label,
}: {
  pages: ReturnType<typeof useCursorPages>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  label: string;
}) {
  const t = useT();
  if (!pageInfo || (pages.page === 1 && !pageInfo.hasNextPage)) return null;
  return (
    <Group gap="xs" role="navigation" aria-label={label}>
      <Button variant="default" size="xs" disabled={pages.page === 1} onClick={pages.previous}>
        {t('policies.paging.previous')}
      </Button>
      <Button variant="default" size="xs" disabled={!pageInfo.hasNextPage} onClick={() => pages.next(pageInfo.endCursor)}>
        {t('policies.paging.next')}
      </Button>
    </Group>
  );
}
