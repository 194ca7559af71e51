import { Button, Link, Section } from 'react-email';
import { NoticeLayout, NoticeText } from './_components/notice-layout.tsx';
import { theme } from './theme.ts';

/** The double opt-in mail: the link that confirms a sign-up. Every prop has a default. */
export interface ConfirmSubscriptionEmailProps {
  newsletterName?: string;
  /** The signed, expiring confirmation address (PUBLIC_URL/subscribe/confirm?token=…). */
  confirmUrl?: string;
  /** How long the link works, in words ("48 hours"). */
  validFor?: string;
  /** The site the sign-up was made on (PUBLIC_URL). */
  siteUrl?: string;
  /** When an unconfirmed address is deleted, in words ("7 days": DIGEST_UNCONFIRMED_DAYS). */
  forgottenAfter?: string;
  postalAddress?: string;
}

export function ConfirmSubscriptionEmail({
  newsletterName = 'The Article Digest',
  confirmUrl = 'http://127.0.0.1:8025/subscribe/confirm?token=preview',
  validFor = '48 hours',
  siteUrl = 'http://127.0.0.1:8025',
  forgottenAfter = '7 days',
  postalAddress = 'The Article Digest, 1 Example Street, 10115 Berlin, Germany',
}: ConfirmSubscriptionEmailProps) {
  return (
    <NoticeLayout
      title={`Confirm your subscription to ${newsletterName}`}
      preview={`One click to start getting ${newsletterName}`}
      newsletterName={newsletterName}
      postalAddress={postalAddress}
    >
      <NoticeText>
        Someone, probably you, asked on {siteUrl} to send {newsletterName} to this address. Confirm it, and
        the next edition will come here:
      </NoticeText>
      <Section style={{ margin: '4px 0 18px' }}>
        <Button
          href={confirmUrl}
          style={{
            backgroundColor: theme.color.accent,
            color: '#ffffff',
            padding: '12px 20px',
            borderRadius: 6,
            fontSize: 16,
          }}
        >
          Confirm my subscription
        </Button>
      </Section>
      <NoticeText>
        Or open this link: <Link href={confirmUrl}>{confirmUrl}</Link>
      </NoticeText>
      <NoticeText>
        The link works for {validFor}. If you did not ask for this, ignore this mail: nothing will be sent to
        you, and the address is deleted after {forgottenAfter}.
      </NoticeText>
    </NoticeLayout>
  );
}

ConfirmSubscriptionEmail.PreviewProps = {
  newsletterName: 'The Article Digest',
  confirmUrl: 'http://127.0.0.1:8025/subscribe/confirm?token=preview',
  validFor: '48 hours',
  siteUrl: 'http://127.0.0.1:8025',
} satisfies ConfirmSubscriptionEmailProps;

export default ConfirmSubscriptionEmail;
