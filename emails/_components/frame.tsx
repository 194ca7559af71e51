import type { ReactNode } from 'react';
import { Body, Container, Head, Html, Preview } from 'react-email';
import { cls, darkModeCss, theme } from '../theme.ts';

export interface EmailFrameProps {
  /** The document's <title> (the subject). */
  title: string;
  /** The inbox preview line. */
  preheader: string;
  children: ReactNode;
}

/** The frame every email shares: language, viewport, color schemes, the page and the 600 px card. */
export function EmailFrame({ title, preheader, children }: EmailFrameProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <title>{title}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{darkModeCss}</style>
      </Head>
      <Preview useTitleTag={false}>{preheader}</Preview>
      <Body
        className={cls.page}
        style={{ backgroundColor: theme.color.page, margin: 0, padding: '16px 0', fontFamily: theme.font }}
      >
        <Container
          className={cls.card}
          style={{
            maxWidth: theme.width,
            width: '100%',
            backgroundColor: theme.color.card,
            color: theme.color.text,
          }}
        >
          {children}
        </Container>
      </Body>
    </Html>
  );
}
