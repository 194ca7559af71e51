import { Link } from 'react-email';
import { NoticeLayout, NoticeText } from './_components/notice-layout.tsx';

/** The mail after a confirmed sign-up: welcome, the latest edition, how to leave. */
export interface WelcomeEmailProps {
  newsletterName?: string;
  /** The latest sent edition's archive page; none when there is none (or no archive). */
  latestEdition?: { subject: string; url: string } | null;
  /** This subscriber's signed one-click unsubscribe address. */
  unsubscribeUrl?: string;
  postalAddress?: string;
}

export function WelcomeEmail({
  newsletterName = 'The Article Digest',
  latestEdition = null,
  unsubscribeUrl = 'http://127.0.0.1:8025/unsubscribe?token=preview',
  postalAddress = 'The Article Digest, 1 Example Street, 10115 Berlin, Germany',
}: WelcomeEmailProps) {
  return (
    <NoticeLayout
      title={`Welcome to ${newsletterName}`}
      preview={`You are subscribed to ${newsletterName}`}
      newsletterName={newsletterName}
      postalAddress={postalAddress}
    >
      <NoticeText>
        Welcome: your subscription is confirmed. The next edition comes to this address.
      </NoticeText>
      {latestEdition ? (
        <NoticeText>
          Meanwhile, the latest one: <Link href={latestEdition.url}>{latestEdition.subject}</Link>
        </NoticeText>
      ) : null}
      <NoticeText>
        Changed your mind? <Link href={unsubscribeUrl}>Unsubscribe</Link> with one click, any time.
      </NoticeText>
    </NoticeLayout>
  );
}

WelcomeEmail.PreviewProps = {
  newsletterName: 'The Article Digest',
  latestEdition: {
    subject: 'The Article Digest: the latest edition',
    url: 'http://127.0.0.1:8025/archive/preview',
  },
  unsubscribeUrl: 'http://127.0.0.1:8025/unsubscribe?token=preview',
} satisfies WelcomeEmailProps;

export default WelcomeEmail;
