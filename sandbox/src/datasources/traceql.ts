import { parser } from '@grafana/lezer-traceql';
import type { SyntaxNode } from '@lezer/common';
import type { AttrValue, StoredSpan } from '../data/model';
import { goUnquote, parseGoDuration, re2ToRegExp } from './goString';
import { childrenOf, firstSyntaxError, QuerySyntaxError, textOf } from './syntax';

/** A field a query names: an attribute (scoped or not) or an intrinsic such as duration. */
export type FieldRef =
  { kind: 'attr'; scope: 'span' | 'resource' | 'any'; key: string } | { kind: 'intrinsic'; name: string };

export function fieldColumnName(f: FieldRef): string {
  if (f.kind === 'intrinsic') {
    return f.name;
  }
  const key = /^[A-Za-z0-9_.]+$/.test(f.key) ? f.key : JSON.stringify(f.key);
  return f.scope === 'any' ? `.${key}` : `${f.scope}.${key}`;
}

type Value =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'dur'; v: number }
  | { t: 'enum'; v: string }
  | { t: 'nil' };

type Operand = (span: StoredSpan, trace: StoredSpan[]) => Value;
type Pred = (span: StoredSpan, trace: StoredSpan[]) => boolean;
type SpansetEval = (input: StoredSpan[], trace: StoredSpan[]) => StoredSpan[];

export interface CompiledTraceQL {
  /** Spans of the trace that match (the spanset); empty when the trace does not match. */
  evaluate(trace: StoredSpan[]): StoredSpan[];
  /** Fields from `| select(...)` and from the conditions, which Tempo returns as columns. */
  fields: FieldRef[];
}

const STATUS = ['unset', 'ok', 'error'];
const regexCache = new Map<string, RegExp>();

function attrToValue(v: AttrValue | undefined): Value {
  if (v === undefined) {
    return { t: 'nil' };
  }
  if (typeof v === 'number') {
    return { t: 'num', v };
  }
  if (typeof v === 'boolean') {
    return { t: 'bool', v };
  }
  return { t: 'str', v };
}

export function readField(f: FieldRef, span: StoredSpan, trace: StoredSpan[]): Value {
  if (f.kind === 'attr') {
    if (f.scope === 'span') {
      return attrToValue(span.attrs[f.key]);
    }
    if (f.scope === 'resource') {
      return attrToValue(span.resource[f.key]);
    }
    return attrToValue(span.attrs[f.key] ?? span.resource[f.key]);
  }
  const root = () => trace.find((s) => !s.parentSpanId) ?? trace[0];
  switch (f.name) {
    case 'duration':
    case 'span:duration':
      return { t: 'dur', v: span.durationMs * 1e6 };
    case 'name':
    case 'span:name':
      return { t: 'str', v: span.name };
    case 'status':
    case 'span:status':
      return { t: 'enum', v: STATUS[span.statusCode] };
    case 'statusMessage':
    case 'span:statusMessage':
      return { t: 'str', v: span.statusMessage };
    case 'kind':
    case 'span:kind':
      return { t: 'enum', v: span.kind };
    case 'rootName':
    case 'trace:rootName':
      return { t: 'str', v: root().name };
    case 'rootServiceName':
    case 'trace:rootService':
      return { t: 'str', v: String(root().resource['service.name']) };
    case 'traceDuration':
    case 'trace:duration': {
      const start = Math.min(...trace.map((s) => s.startMs));
      const end = Math.max(...trace.map((s) => s.startMs + s.durationMs));
      return { t: 'dur', v: (end - start) * 1e6 };
    }
    case 'trace:id':
      return { t: 'str', v: span.traceId };
    case 'span:id':
      return { t: 'str', v: span.spanId };
    default:
      throw new QuerySyntaxError(`intrinsic ${f.name} is not supported by the sandbox`, 0);
  }
}

function compare(op: string, a: Value, b: Value): boolean {
  if (a.t === 'nil' || b.t === 'nil') {
    // `x = nil` / `x != nil` test presence; otherwise a missing attribute satisfies no comparison (as in Tempo).
    if (b.t === 'nil' && (op === '=' || op === '!=')) {
      return op === '=' ? a.t === 'nil' : a.t !== 'nil';
    }
    return false;
  }
  if (op === '=~' || op === '!~') {
    if (a.t !== 'str' || b.t !== 'str') {
      return false;
    }
    let re = regexCache.get(b.v);
    if (!re) {
      re = re2ToRegExp(b.v, true);
      regexCache.set(b.v, re);
    }
    const hit = re.test(a.v);
    return op === '=~' ? hit : !hit;
  }
  // Integers and floats compare with each other; other types only with their own kind.
  if (a.t !== b.t) {
    return false;
  }
  const x = a.v as string | number | boolean;
  const y = b.v as string | number | boolean;
  switch (op) {
    case '=':
      return x === y;
    case '!=':
      return x !== y;
    case '>':
      return x > y;
    case '<':
      return x < y;
    case '>=':
      return x >= y;
    case '<=':
      return x <= y;
    default:
      throw new QuerySyntaxError(`operator ${op} is not supported by the sandbox`, 0);
  }
}

class Compiler {
  readonly fields: FieldRef[] = [];

  constructor(private readonly q: string) {}

  private addField(f: FieldRef) {
    const name = fieldColumnName(f);
    if (!this.fields.some((x) => fieldColumnName(x) === name)) {
      this.fields.push(f);
    }
  }

  field(node: SyntaxNode): FieldRef {
    if (node.name === 'IntrinsicField') {
      return { kind: 'intrinsic', name: textOf(this.q, node) };
    }
    const parts = childrenOf(node);
    const ident = parts.find((p) => p.name === 'Identifier');
    if (!ident) {
      throw new QuerySyntaxError(`unsupported attribute ${textOf(this.q, node)}`, node.from);
    }
    const raw = textOf(this.q, ident);
    const key = raw.startsWith('"') ? goUnquote(raw) : raw;
    const scopeNode = parts.find((p) => p !== ident);
    const scope = scopeNode ? scopeNode.name : 'any';
    if (scope === 'Span') {
      return { kind: 'attr', scope: 'span', key };
    }
    if (scope === 'Resource') {
      return { kind: 'attr', scope: 'resource', key };
    }
    if (scope === 'any') {
      return { kind: 'attr', scope: 'any', key };
    }
    throw new QuerySyntaxError(`scope ${textOf(this.q, scopeNode!)} is not supported by the sandbox`, node.from);
  }

  static(node: SyntaxNode): Value {
    const c = node.firstChild;
    const text = textOf(this.q, c ?? node);
    if (!c) {
      if (text === 'true' || text === 'false') {
        return { t: 'bool', v: text === 'true' };
      }
      if (text === 'nil') {
        return { t: 'nil' };
      }
      return { t: 'enum', v: text };
    }
    switch (c.name) {
      case 'String':
        return { t: 'str', v: goUnquote(text) };
      case 'Integer':
      case 'Float':
        return { t: 'num', v: Number(text) };
      case 'Duration':
        return { t: 'dur', v: parseGoDuration(text) };
      default:
        return { t: 'enum', v: text };
    }
  }

  operand(node: SyntaxNode): Operand {
    const kids = childrenOf(node);
    if (node.name === 'FieldExpression' && kids.length === 1) {
      return this.operand(kids[0]);
    }
    if (node.name === 'AttributeField' || node.name === 'IntrinsicField') {
      const f = this.field(node);
      this.addField(f);
      return (span, trace) => readField(f, span, trace);
    }
    if (node.name === 'Static') {
      const v = this.static(node);
      return () => v;
    }
    throw new QuerySyntaxError(`unsupported operand ${textOf(this.q, node)}`, node.from);
  }

  pred(node: SyntaxNode): Pred {
    const kids = childrenOf(node);
    if (kids.length === 1 && kids[0].name === 'FieldExpression') {
      const inner = this.pred(kids[0]);
      return this.q.slice(node.from, kids[0].from).trim().startsWith('!') ? (s, t) => !inner(s, t) : inner;
    }
    if (kids.length === 3 && (kids[1].name === 'And' || kids[1].name === 'Or')) {
      const l = this.pred(kids[0]);
      const r = this.pred(kids[2]);
      return kids[1].name === 'And' ? (s, t) => l(s, t) && r(s, t) : (s, t) => l(s, t) || r(s, t);
    }
    if (kids.length === 3 && kids[1].name === 'FieldOp') {
      const op = textOf(this.q, kids[1]);
      const l = this.operand(kids[0]);
      const r = this.operand(kids[2]);
      if (op === '=~' || op === '!~') {
        // Compile the regex once, here, so a bad one is a query error rather than a per-span failure.
        const rhs = childrenOf(kids[2])[0];
        if (rhs?.name === 'Static') {
          const v = this.static(rhs);
          if (v.t === 'str') {
            re2ToRegExp(v.v, true);
          }
        }
      }
      return (s, t) => compare(op, l(s, t), r(s, t));
    }
    if (kids.length === 1 && kids[0].name === 'Static') {
      const v = this.static(kids[0]);
      return () => v.t === 'bool' && v.v;
    }
    throw new QuerySyntaxError(`unsupported expression ${textOf(this.q, node)}`, node.from);
  }

  spanset(node: SyntaxNode): SpansetEval {
    const kids = childrenOf(node);
    switch (node.name) {
      case 'TraceQL':
      case 'SpansetPipeline': {
        if (kids.length !== 1) {
          throw new QuerySyntaxError(`unsupported pipeline ${textOf(this.q, node)}`, node.from);
        }
        return this.spanset(kids[0]);
      }
      case 'SpansetPipelineExpression': {
        if (kids.length === 1) {
          return this.spanset(kids[0]);
        }
        if (kids.length === 3) {
          const l = this.spanset(kids[0]);
          const r = this.spanset(kids[2]);
          const op = kids[1].name;
          if (op === 'Pipe') {
            return (input, trace) => {
              const left = l(input, trace);
              return left.length ? r(left, trace) : [];
            };
          }
          if (op === 'And' || op === 'Or') {
            return (input, trace) => {
              const a = l(input, trace);
              const b = r(input, trace);
              if (op === 'And' && (!a.length || !b.length)) {
                return [];
              }
              return Array.from(new Set([...a, ...b]));
            };
          }
        }
        throw new QuerySyntaxError(
          `operator in ${textOf(this.q, node).slice(0, 40)} is not supported by the sandbox`,
          node.from
        );
      }
      case 'SpansetFilter': {
        if (kids.length === 0) {
          return (input) => input;
        }
        const p = this.pred(kids[0]);
        return (input, trace) => input.filter((s) => p(s, trace));
      }
      case 'SelectOperation': {
        const args: SyntaxNode[] = [];
        const collect = (n: SyntaxNode) => {
          for (const k of childrenOf(n)) {
            if (k.name === 'SelectArgs') {
              collect(k);
            } else if (k.name === 'FieldExpression') {
              args.push(k);
            }
          }
        };
        collect(node);
        for (const a of args) {
          const inner = childrenOf(a)[0];
          if (inner && (inner.name === 'AttributeField' || inner.name === 'IntrinsicField')) {
            this.addField(this.field(inner));
          }
        }
        return (input) => input;
      }
      default:
        throw new QuerySyntaxError(
          `${node.name} (${textOf(this.q, node).slice(0, 40)}) is not supported by the sandbox`,
          node.from
        );
    }
  }
}

/** Parses with Grafana's TraceQL grammar and compiles the subset the app generates; throws QuerySyntaxError. */
export function compileTraceQL(query: string): CompiledTraceQL {
  if (!query.trim()) {
    throw new QuerySyntaxError('empty TraceQL query', 0);
  }
  const tree = parser.parse(query);
  const err = firstSyntaxError(tree, query, 'TraceQL');
  if (err) {
    throw err;
  }
  const c = new Compiler(query);
  let run: SpansetEval;
  try {
    run = c.spanset(tree.topNode);
  } catch (e) {
    if (e instanceof QuerySyntaxError) {
      throw e;
    }
    throw new QuerySyntaxError(e instanceof Error ? e.message : String(e), 0);
  }
  return { evaluate: (trace) => run(trace, trace), fields: c.fields };
}

/** Tempo treats a query of only hex digits as a trace id. */
export function asTraceId(query: string): string | undefined {
  const q = query.trim();
  return /^[0-9a-fA-F]{1,32}$/.test(q) ? q.toLowerCase().padStart(32, '0') : undefined;
}
