// Checks generated or typed queries with Grafana's own grammars (the parsers of its query editors).
// Kept apart from the builders so the app bundle does not carry the parsers unless a page asks for them.
import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as traceqlParser } from '@grafana/lezer-traceql';
import type { LRParser } from '@lezer/lr';

export interface SyntaxIssue {
  /** Offset in the query where the grammar found an error. */
  from: number;
  to: number;
}

/** A string token of the parse tree, with its raw text (quotes and escapes included). */
export interface StringToken {
  from: number;
  to: number;
  raw: string;
  /** Name of the node that holds it, e.g. `FieldExpression`, `Matcher`, `LineFilter`. */
  context: string;
}

function issues(parser: LRParser, query: string): SyntaxIssue[] {
  const found: SyntaxIssue[] = [];
  parser.parse(query).iterate({
    enter(node) {
      if (node.type.isError) {
        found.push({ from: node.from, to: node.to });
      }
    },
  });
  return found;
}

function strings(parser: LRParser, query: string): StringToken[] {
  const found: StringToken[] = [];
  parser.parse(query).iterate({
    enter(node) {
      if (node.name === 'String') {
        found.push({
          from: node.from,
          to: node.to,
          raw: query.slice(node.from, node.to),
          context: node.node.parent?.parent?.name ?? '',
        });
      }
    },
  });
  return found;
}

export function traceqlSyntaxIssues(query: string): SyntaxIssue[] {
  return issues(traceqlParser, query);
}

export function logqlSyntaxIssues(query: string): SyntaxIssue[] {
  return issues(logqlParser, query);
}

export function traceqlStrings(query: string): StringToken[] {
  return strings(traceqlParser, query);
}

export function logqlStrings(query: string): StringToken[] {
  return strings(logqlParser, query);
}

/** Quoted attribute names in TraceQL (`span."my key"`), with their raw text. */
export function traceqlQuotedAttributeNames(query: string): string[] {
  const found: string[] = [];
  traceqlParser.parse(query).iterate({
    enter(node) {
      if (node.name === 'Identifier' && query[node.from] === '"') {
        found.push(query.slice(node.from, node.to));
      }
    },
  });
  return found;
}
