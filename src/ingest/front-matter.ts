import { isMap, isScalar, type Node, parseDocument, visit } from 'yaml';
import { DigestError } from '../errors.ts';

/** The front matter fields an article may give. */
export interface FrontMatter {
  title?: unknown;
  url?: unknown;
  published?: unknown;
  links?: unknown;
  related?: unknown;
}

/** The YAML block of an article, with where it starts in the file. */
export interface FrontMatterBlock {
  yaml: string;
  /** The file's line number of the block's first line (the line after the opening `---`). */
  firstLine: number;
}

/**
 * Parses the front matter; a YAML error throws ARTICLE_UNREADABLE as `FILE:LINE: reason`, the
 * line counted in the whole file (for an unclosed quote, the line where it opens).
 */
export function readFrontMatter(block: FrontMatterBlock, source: string): FrontMatter {
  const doc = parseDocument(block.yaml, { uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const offset = error.code === 'MISSING_CHAR' ? openingOf(doc, error.pos[0]) : error.pos[0];
    const reason = error.message.split('\n', 1)[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code;
    throw new DigestError(
      'ARTICLE_UNREADABLE',
      `${where(block, offset, source)}: malformed front matter: ${reason}`,
      {
        cause: error,
        data: { source, line: lineAt(block, offset) },
      },
    );
  }
  const value: unknown = doc.toJS();
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as FrontMatter) : {};
}

/** `FILE:LINE` of the front matter key `key` (the file alone when it is not there). */
export function whereKey(block: FrontMatterBlock, key: string, source: string): string {
  const doc = parseDocument(block.yaml);
  const pair = isMap(doc.contents)
    ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key)
    : null;
  const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  return offset === undefined ? source : where(block, offset, source);
}

/** The start of the scalar an unclosed quote runs through: where the quote opens. */
function openingOf(doc: ReturnType<typeof parseDocument>, offset: number): number {
  let start = offset;
  visit(doc, {
    Scalar(_, node: Node) {
      const [from, to] = node.range ?? [offset, offset];
      if (from <= offset && offset <= to) start = from;
    },
  });
  return start;
}

function lineAt(block: FrontMatterBlock, offset: number): number {
  return block.firstLine + (block.yaml.slice(0, offset).match(/\n/g)?.length ?? 0);
}

function where(block: FrontMatterBlock, offset: number, source: string): string {
  return `${source}:${lineAt(block, offset)}`;
}
