import { MantineProvider } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useT } from '../i18n/locale';
import { cssVariablesResolver, translatedTheme } from '../theme';
import { useDialogFocusReturn } from './dialog-focus';

/**
 * Mantine with the console's theme, its built-in labels (close buttons) in the language chosen, and the focus given
 * back to a dialog's opener once the dialog is gone.
 */
export function ConsoleMantineProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const close = t('app.close');
  const theme = useMemo(() => translatedTheme(close), [close]);
  useDialogFocusReturn();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}
