import {
  Alert,
  createTheme,
  DEFAULT_THEME,
  Drawer,
  mergeThemeOverrides,
  Modal,
  Notification,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type MantineThemeOverride,
} from '@mantine/core';

/**
 * The console's theme, readable everywhere: text and controls keep a contrast of at least 4.5:1 (WCAG AA).
 *
 * Filled controls, outlines and links use shade 8 (Mantine's default 6 puts white text on blue at 3.6:1). The
 * lighter palettes (red, cyan, teal, green, lime, yellow, orange) get darker shades 8 and 9, so that white text on
 * a filled control and the text of a light badge (shade 9 on shade 1) stay readable too. Dimmed text and error
 * messages are darker than Mantine's defaults (grey 6 and red 6 are near 3.3:1 on white).
 */
const darker = (name: keyof typeof DEFAULT_THEME.colors, eight: string, nine: string): MantineColorsTuple => {
  const shades = [...DEFAULT_THEME.colors[name]];
  shades[8] = eight;
  shades[9] = nine;
  return shades as unknown as MantineColorsTuple;
};

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  colors: {
    red: darker('red', '#d93030', '#c32929'),
    cyan: darker('cyan', '#0b7e91', '#0b7285'),
    teal: darker('teal', '#08835e', '#087756'),
    green: darker('green', '#278338', '#267937'),
    lime: darker('lime', '#4e800b', '#4b780b'),
    yellow: darker('yellow', '#a86200', '#a65600'),
    orange: darker('orange', '#c54c0a', '#b83d0d'),
  },
});

/**
 * The theme with the words Mantine's own controls need, in the current language: every close button (modal, drawer,
 * notification, alert) is named, so a page need not remember to name it. A page's own closeButtonProps still win.
 */
export function translatedTheme(closeLabel: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': closeLabel };
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
        Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
        Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
        Alert: Alert.extend({ defaultProps: { closeButtonLabel: closeLabel } }),
      },
    }),
  );
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
