import type { ReactNode } from 'react';
import { Heading, Section, Text } from 'react-email';
import { cls, theme } from '../theme.ts';
import { EmailFrame } from './frame.tsx';

export interface NoticeLayoutProps {
  /** The document's <title> and the inbox preview line. */
  title: string;
  preview: string;
  newsletterName: string;
  postalAddress: string;
  children: ReactNode;
}

/** The frame of the short notices (sign-up confirmation, welcome): the digest's look, one column. */
export function NoticeLayout({ title, preview, newsletterName, postalAddress, children }: NoticeLayoutProps) {
  return (
    <EmailFrame title={title} preheader={preview}>
      <Section style={{ padding: '28px 24px 8px', borderTop: `4px solid ${theme.color.accent}` }}>
        <Heading
          as="h1"
          style={{ margin: '0 0 16px', fontFamily: theme.serif, fontSize: 26, lineHeight: '32px' }}
        >
          {newsletterName}
        </Heading>
        {children}
      </Section>
      <Section style={{ padding: '16px 24px 24px', borderTop: `1px solid ${theme.color.rule}` }}>
        <Text
          className={cls.muted}
          style={{ margin: 0, fontSize: 13, lineHeight: '20px', color: theme.color.muted }}
        >
          {postalAddress}
        </Text>
      </Section>
    </EmailFrame>
  );
}

/** A paragraph of a notice. */
export function NoticeText({ children }: { children: ReactNode }) {
  return <Text style={{ margin: '0 0 14px', fontSize: 16, lineHeight: '24px' }}>{children}</Text>;
}
