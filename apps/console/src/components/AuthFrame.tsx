import { Center, Group, Paper, SegmentedControl, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { useLocaleChoice, useT } from '../i18n/locale';
import type { Locale } from '../i18n/messages';
import { ErrorAlert } from './ErrorAlert';

/** The frame of the pages seen before signing in, with the language choice. */
export function AuthFrame({ title, error, children }: { title: string; error?: CombinedError; children: ReactNode }) {
  const t = useT();
  const { locale, choose } = useLocaleChoice();
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <Stack>
          <Group justify="space-between">
            <Title order={2}>{title}</Title>
            <SegmentedControl
              size="xs"
              aria-label={t('nav.language')}
              value={locale}
              onChange={(next) => choose(next as Locale)}
              data={[
                { value: 'fr', label: 'FR' },
                { value: 'en', label: 'EN' },
              ]}
            />
          </Group>
          <ErrorAlert error={error} />
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
