/**
 * Design tokens of the digest email. The light colors keep their contrast when a client
 * inverts them (Gmail and Outlook apps force dark mode that way); clients that honour
 * `prefers-color-scheme` get the dark palette from `darkModeCss`.
 */
export const theme = {
  width: 600,
  font: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  serif: 'Georgia,serif',
  color: {
    page: '#f4f4f5',
    card: '#ffffff',
    text: '#1f2328',
    muted: '#57606a',
    accent: '#0b5cad',
    rule: '#d8dee4',
    quoteBar: '#0b5cad',
    eventBg: '#f0f6fc',
    pastBg: '#f6f8fa',
  },
} as const;

/** Class names the dark-mode style block targets (inline styles carry the light design). */
export const cls = {
  page: 'dg-page',
  /** The card: its text and links turn light in dark mode (descendant selectors, no class each). */
  card: 'dg-card',
  muted: 'dg-muted',
  box: 'dg-box',
} as const;

/** Dark palette for clients that support `prefers-color-scheme` (Apple Mail, iOS, Outlook.com). */
export const darkModeCss = `:root{color-scheme:light dark;supported-color-schemes:light dark}
@media (prefers-color-scheme:dark){
.dg-page,.dg-page>table>tbody>tr>td{background-color:#0d1117!important}
.dg-card{background-color:#161b22!important}
.dg-card p,.dg-card h1,.dg-card h2,.dg-card i{color:#e6edf3!important}
.dg-card .dg-muted,.dg-card .dg-muted span{color:#9da7b3!important}
.dg-card a{color:#6cb6ff!important}
.dg-card h2 a{color:#e6edf3!important}
.dg-box{background-color:#1c2733!important}
}`;

/** The small upper-case heading of a part of an article (Key quotes, Upcoming, Read more). */
export const sectionHeading = {
  marginTop: 16,
  marginBottom: 8,
  fontSize: 13,
  lineHeight: '18px',
  letterSpacing: 0.5,
  textTransform: 'uppercase',
  color: theme.color.muted,
} as const;
