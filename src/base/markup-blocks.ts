/**
 * Named blocks in markdown, for content the print styles apart from running text (a bibliography:
 * hanging indent, no justification):
 *
 *     ::: bibliography
 *     first entry
 *
 *     second entry
 *     :::
 *
 * renders `<div class="bibliography">…</div>` around the blocks inside. Only names in BLOCK_NAMES are
 * read as such: a name is a class in the page's styles, so templates cannot invent one.
 */
import type MarkdownIt from 'markdown-it';

export const BLOCK_NAMES = new Set(['bibliography']);
const OPEN = /^:::\s+([a-z-]+)\s*$/;
const CLOSE = /^:::\s*$/;

export function namedBlocks(md: MarkdownIt): void {
  md.block.ruler.before(
    'fence',
    'named_block',
    (state, startLine, endLine, silent) => {
      const lineText = (n: number) => state.src.slice(state.bMarks[n]! + state.tShift[n]!, state.eMarks[n]!);
      const open = OPEN.exec(lineText(startLine));
      if (!open || !BLOCK_NAMES.has(open[1]!)) return false;
      let end = startLine + 1;
      while (end < endLine && !CLOSE.test(lineText(end))) end++;
      if (end >= endLine) return false; // unclosed: plain text
      if (silent) return true;
      const token = state.push('named_block_open', 'div', 1);
      token.attrSet('class', open[1]!);
      token.block = true;
      token.map = [startLine, end + 1];
      const oldParent = state.parentType;
      const oldLineMax = state.lineMax;
      state.parentType = 'container' as typeof state.parentType;
      state.lineMax = end;
      state.md.block.tokenize(state, startLine + 1, end);
      state.parentType = oldParent;
      state.lineMax = oldLineMax;
      state.push('named_block_close', 'div', -1).block = true;
      state.line = end + 1;
      return true;
    },
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  );
}
