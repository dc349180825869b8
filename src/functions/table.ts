/**
 * The README's function table, generated from the one function list (`registry.ts`). The
 * metadata test compares README.md with it; `UPDATE_EXPECTED=1 npx jest test/metadata` rewrites
 * the part of README.md between `<!-- FUNCTIONS:START -->` and `<!-- FUNCTIONS:END -->`.
 */
import type { FunctionEntry } from './registry';

/** The table's header. */
export const TABLE_HEADER = ['Function', 'Returns', 'Example', 'Result'] as const;

/** The markers around the generated table in README.md. */
export const TABLE_START = '<!-- FUNCTIONS:START -->';
export const TABLE_END = '<!-- FUNCTIONS:END -->';

/** One row per function: signature, returns, example, promised result (Markdown cell text). */
export function tableRows(entries: readonly FunctionEntry[]): string[][] {
  return entries.map((f) => [
    `\`${f.name}(${f.doc.args})\``,
    f.doc.returns,
    `\`${f.doc.example}\``,
    f.doc.result,
  ]);
}

/** The table as Markdown (not aligned; Prettier aligns it). */
export function tableMarkdown(entries: readonly FunctionEntry[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(TABLE_HEADER), line(TABLE_HEADER.map(() => '---')), ...tableRows(entries).map(line)].join(
    '\n',
  );
}

/** The cells of the table between the markers of a Markdown text (header and rule excluded). */
export function parseTable(markdown: string): string[][] {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) return [];
  return markdown
    .slice(start + TABLE_START.length, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'))
    .map((l) =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim()),
    )
    .filter((cells) => cells[0] !== TABLE_HEADER[0] && !/^-+$/.test(cells[0]));
}

/** `markdown` with the part between the markers replaced by `table`. */
export function replaceTable(markdown: string, table: string): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} markers`);
  return `${markdown.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${markdown.slice(end)}`;
}
