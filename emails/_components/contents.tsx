import { Link, Section, Text } from 'react-email';
import type { EditionItem } from '../../src/models/edition.ts';
import { cls, sectionHeading, theme } from '../theme.ts';

/** The short table of contents of an edition with several articles. */
export function Contents({ items }: { items: EditionItem[] }) {
  return (
    <Section style={{ padding: '4px 24px 12px' }}>
      <Text className={cls.muted} style={sectionHeading}>
        In this issue
      </Text>
      {items.map((item, index) => (
        <Text
          key={item.articleId}
          style={{ marginTop: 0, marginBottom: 4, fontSize: 15, lineHeight: '22px', color: theme.color.text }}
        >
          {`${index + 1}. `}
          <Link href={`#article-${index + 1}`} style={{ color: theme.color.accent }}>
            {item.analysis.title}
          </Link>
        </Text>
      ))}
    </Section>
  );
}
