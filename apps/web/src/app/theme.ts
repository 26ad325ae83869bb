import {
  type CSSVariablesResolver,
  createTheme,
  type MantineColorsTuple,
  mergeThemeOverrides,
} from '@mantine/core';

// A calm sage green: shades 6 and up carry white text at WCAG AA contrast (≥ 4.5:1).
const sauge: MantineColorsTuple = [
  '#e7f5f2',
  '#cfeae5',
  '#a3d6cd',
  '#73c0b4',
  '#4aab9e',
  '#2e9488',
  '#1f7a70',
  '#1c6e66',
  '#155750',
  '#0f423d',
];

// A soft night blue for tutees and links that are not actions.
const ardoise: MantineColorsTuple = [
  '#eef3fa',
  '#dce6f3',
  '#b6cbe6',
  '#8caed8',
  '#6a95cc',
  '#5385c5',
  '#3f6fae',
  '#335d94',
  '#284a76',
  '#1c3554',
];

// Warm amber for what is not real (demo organisations) and for things waiting on someone.
const ambre: MantineColorsTuple = [
  '#fff6e5',
  '#ffecc7',
  '#fdd89a',
  '#fbc36b',
  '#f8ae45',
  '#e8962a',
  '#b86e12',
  '#a0600f',
  '#844e0b',
  '#663c08',
];

// Mantine's red, darkened where white text sits on it (filled buttons use shade 7).
const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#ff6b6b',
  '#e03131',
  '#c92a2a',
  '#a51d1d',
  '#7d1414',
];

export const theme = createTheme({
  primaryColor: 'sauge',
  primaryShade: 7,
  colors: { sauge, ardoise, ambre, red },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
    fontWeight: '650',
  },
  defaultRadius: 'md',
  black: '#1b2a28',
  cursorType: 'pointer',
  respectReducedMotion: true,
  focusRing: 'auto',
  components: {
    // A label longer than a phone's width wraps onto a second line instead of being cut off.
    Button: {
      defaultProps: { radius: 'md' },
      styles: {
        root: { height: 'auto', minHeight: 'var(--button-height)' },
        inner: { paddingBlock: 4 },
        label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.25 },
      },
    },
    // Links are told apart from text by more than their colour.
    Anchor: { defaultProps: { underline: 'always' } },
    Card: { defaultProps: { radius: 'lg', withBorder: true, padding: 'lg' } },
    Paper: { defaultProps: { radius: 'lg' } },
    // Badges hold one or two words: they keep their width in a row, and only a label longer than
    // the whole screen (a long site or project name on a phone) ends in an ellipsis.
    Badge: {
      defaultProps: { radius: 'sm' },
      styles: {
        root: { flexShrink: 0, maxWidth: '100%' },
        label: { overflow: 'hidden', textOverflow: 'ellipsis' },
      },
    },
    Modal: { defaultProps: { radius: 'lg', centered: true } },
  },
});

// Mantine's default dimmed grey and red are below AA contrast on white; these are not.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c6670',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-placeholder': '#7a848d',
    '--mantine-color-anchor': 'var(--mantine-color-sauge-8)',
    '--app-bg': '#f4f7f6',
  },
  dark: {},
});

/** Close buttons of dialogs, drawers and notifications are icons: they get a spoken name in the interface language. */
export function themeFor(closeLabel: string) {
  const closeButtonProps = { 'aria-label': closeLabel, title: closeLabel };
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Modal: { defaultProps: { closeButtonProps } },
        Drawer: { defaultProps: { closeButtonProps } },
        Notification: { defaultProps: { closeButtonProps } },
      },
    }),
  );
}
