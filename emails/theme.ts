/** Design tokens of the digest email. Colors hold up in dark-mode clients that invert. */
export const theme = {
  width: 600,
  font: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  serif: "Georgia, 'Times New Roman', serif",
  color: {
    page: '#f4f4f5',
    card: '#ffffff',
    text: '#1f2328',
    muted: '#57606a',
    accent: '#0b5cad',
    rule: '#d8dee4',
    quoteBar: '#0b5cad',
    eventBg: '#f0f6fc',
  },
} as const;
