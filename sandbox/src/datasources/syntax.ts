import type { SyntaxNode, Tree } from '@lezer/common';

/** A query the stand-in rejects, as Tempo or Loki would: the message names the position. */
export class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly from: number
  ) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}

/** First error node of a Lezer tree, as a QuerySyntaxError; undefined when the tree is clean. */
export function firstSyntaxError(tree: Tree, query: string, language: string): QuerySyntaxError | undefined {
  let found: QuerySyntaxError | undefined;
  tree.iterate({
    enter(n) {
      if (found) {
        return false;
      }
      if (n.type.isError) {
        const near = query.slice(n.from, n.from + 20) || 'end of query';
        found = new QuerySyntaxError(
          `parse error in ${language} at column ${n.from + 1} near ${JSON.stringify(near)}`,
          n.from
        );
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/** The named children of a node (Lezer skips anonymous tokens such as braces). */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    out.push(c);
  }
  return out;
}

export function textOf(query: string, node: SyntaxNode): string {
  return query.slice(node.from, node.to);
}
