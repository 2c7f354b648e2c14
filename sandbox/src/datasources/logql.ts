import { parser } from '@grafana/lezer-logql';
import type { SyntaxNode } from '@lezer/common';
import type { StoredLog } from '../data/model';
import { goUnquote, parseGoDuration, re2ToRegExp } from './goString';
import { childrenOf, firstSyntaxError, QuerySyntaxError, textOf } from './syntax';

/** One log entry going through the pipeline: labels grow as parsers run (I indexed, S metadata, P parsed). */
export interface LogEntry {
  log: StoredLog;
  line: string;
  labels: Record<string, string>;
  types: Record<string, 'I' | 'S' | 'P'>;
}

export interface CompiledLogQL {
  /** Stream selector + pipeline; undefined when the entry is dropped. */
  run(log: StoredLog): LogEntry | undefined;
  /** Set for a metric query (count_over_time / rate, optionally summed). */
  metric?: { fn: 'count_over_time' | 'rate'; rangeMs: number };
}

type Stage = (e: LogEntry) => boolean;
type LabelPred = (labels: Record<string, string>) => boolean;

function matcher(q: string, node: SyntaxNode): LabelPred {
  const [id, op, str] = childrenOf(node);
  if (!id || !op || !str) {
    throw new QuerySyntaxError(`incomplete matcher ${textOf(q, node)}`, node.from);
  }
  const name = textOf(q, id);
  const value = goUnquote(textOf(q, str));
  switch (op.name) {
    case 'Eq':
      return (l) => (l[name] ?? '') === value;
    case 'Neq':
      return (l) => (l[name] ?? '') !== value;
    case 'Re': {
      const re = re2ToRegExp(value, true);
      return (l) => re.test(l[name] ?? '');
    }
    case 'Nre': {
      const re = re2ToRegExp(value, true);
      return (l) => !re.test(l[name] ?? '');
    }
    default:
      throw new QuerySyntaxError(`operator ${textOf(q, op)} is not supported by the sandbox`, op.from);
  }
}

/** logfmt as Loki reads it, leniently: key=value, key="quoted value"; bare words are skipped. */
export function parseLogfmt(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w.\-]*)=("(?:[^"\\]|\\.)*"|[^\s"]*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    let v = m[2];
    if (v.startsWith('"')) {
      try {
        v = JSON.parse(v);
      } catch {
        v = v.slice(1, -1);
      }
    }
    out[m[1].replace(/[.\-]/g, '_')] = v;
  }
  return out;
}

function flattenJson(value: unknown, prefix: string, out: Record<string, string>) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      flattenJson(v, prefix ? `${prefix}_${k}` : k, out);
    }
  } else if (prefix) {
    out[prefix.replace(/[^\w]/g, '_')] = typeof value === 'string' ? value : JSON.stringify(value);
  }
}

function addParsed(e: LogEntry, parsed: Record<string, string>) {
  for (const [k, v] of Object.entries(parsed)) {
    // Loki keeps an existing label and adds the parsed one with an _extracted suffix.
    const key = k in e.labels && e.types[k] !== 'P' ? `${k}_extracted` : k;
    e.labels[key] = v;
    e.types[key] = 'P';
  }
}

function lineFilter(q: string, node: SyntaxNode): Stage {
  const kids = childrenOf(node);
  const filter = kids.find((k) => k.name === 'Filter');
  const opNode = filter?.firstChild;
  const strings: string[] = [];
  const collect = (n: SyntaxNode) => {
    for (const k of childrenOf(n)) {
      if (k.name === 'String') {
        strings.push(goUnquote(textOf(q, k)));
      } else if (k.name === 'OrFilter') {
        collect(k);
      } else if (k.name !== 'Filter' && k.name !== 'Or') {
        throw new QuerySyntaxError(`line filter ${textOf(q, k)} is not supported by the sandbox`, k.from);
      }
    }
  };
  collect(node);
  const op = opNode ? opNode.name : '';
  switch (op) {
    case 'PipeExact':
      return (e) => strings.some((s) => e.line.includes(s));
    case 'Neq':
      return (e) => strings.every((s) => !e.line.includes(s));
    case 'PipeMatch': {
      const res = strings.map((s) => re2ToRegExp(s, false));
      return (e) => res.some((r) => r.test(e.line));
    }
    case 'Nre': {
      const res = strings.map((s) => re2ToRegExp(s, false));
      return (e) => res.every((r) => !r.test(e.line));
    }
    default:
      throw new QuerySyntaxError(`line filter ${textOf(q, node)} is not supported by the sandbox`, node.from);
  }
}

function labelFilter(q: string, node: SyntaxNode): LabelPred {
  const kids = childrenOf(node);
  if (kids.length === 3 && (kids[1].name === 'Or' || kids[1].name === 'And')) {
    const a = labelFilter(q, kids[0]);
    const b = labelFilter(q, kids[2]);
    return kids[1].name === 'Or' ? (l) => a(l) || b(l) : (l) => a(l) && b(l);
  }
  if (kids.length === 1 && kids[0].name === 'Matcher') {
    return matcher(q, kids[0]);
  }
  if (kids.length === 1 && kids[0].name === 'LabelFilter') {
    return labelFilter(q, kids[0]);
  }
  const cmp = kids[0]?.name === 'UnitFilter' ? childrenOf(kids[0])[0] : kids[0];
  if (cmp && (cmp.name === 'NumberFilter' || cmp.name === 'DurationFilter')) {
    const [id, op, lit] = childrenOf(cmp);
    const name = textOf(q, id);
    const isDur = cmp.name === 'DurationFilter';
    const want = isDur ? parseGoDuration(textOf(q, lit)) : Number(textOf(q, lit));
    const o = textOf(q, op);
    return (l) => {
      const raw = l[name];
      if (raw === undefined) {
        return false;
      }
      const v = isDur ? parseGoDuration(raw) : Number(raw);
      switch (o) {
        case '>':
          return v > want;
        case '>=':
          return v >= want;
        case '<':
          return v < want;
        case '<=':
          return v <= want;
        case '==':
        case '=':
          return v === want;
        case '!=':
          return v !== want;
        default:
          return false;
      }
    };
  }
  throw new QuerySyntaxError(`label filter ${textOf(q, node)} is not supported by the sandbox`, node.from);
}

function stage(q: string, node: SyntaxNode): Stage {
  const kids = childrenOf(node).filter((k) => k.name !== 'Pipe');
  const k = kids[0];
  if (!k) {
    throw new QuerySyntaxError('empty pipeline stage', node.from);
  }
  switch (k.name) {
    case 'LineFilters': {
      const filters = childrenOf(k).map((f) => lineFilter(q, f));
      return (e) => filters.every((f) => f(e));
    }
    case 'LabelParser':
    case 'LogfmtParser':
    case 'LogfmtExpressionParser':
    case 'JsonExpressionParser': {
      const kind = k.firstChild?.name;
      if (kind === 'Logfmt') {
        return (e) => {
          addParsed(e, parseLogfmt(e.line));
          return true;
        };
      }
      if (kind === 'Json') {
        return (e) => {
          try {
            const out: Record<string, string> = {};
            flattenJson(JSON.parse(e.line), '', out);
            addParsed(e, out);
          } catch {
            addParsed(e, { __error__: 'JSONParserErr' });
          }
          return true;
        };
      }
      throw new QuerySyntaxError(`parser ${textOf(q, k)} is not supported by the sandbox`, k.from);
    }
    case 'LabelFilter': {
      const p = labelFilter(q, k);
      return (e) => p(e.labels);
    }
    default:
      throw new QuerySyntaxError(`${textOf(q, k)} is not supported by the sandbox`, k.from);
  }
}

function pipeline(q: string, node: SyntaxNode | undefined, out: Stage[]) {
  if (!node) {
    return;
  }
  for (const k of childrenOf(node)) {
    if (k.name === 'PipelineExpr') {
      pipeline(q, k, out);
    } else if (k.name === 'PipelineStage') {
      out.push(stage(q, k));
    }
  }
}

function logPart(q: string, node: SyntaxNode): CompiledLogQL['run'] {
  const selector = childrenOf(node).find((k) => k.name === 'Selector');
  if (!selector) {
    throw new QuerySyntaxError('a LogQL query needs a stream selector such as {service_name=~"tasker-.*"}', node.from);
  }
  const matchers = childrenOf(childrenOf(selector)[0] ?? selector).filter((k) => k.name === 'Matcher');
  if (matchers.length === 0) {
    throw new QuerySyntaxError('queries require at least one label matcher', selector.from);
  }
  const sel = matchers.map((m) => matcher(q, m));
  const stages: Stage[] = [];
  pipeline(
    q,
    childrenOf(node).find((k) => k.name === 'PipelineExpr'),
    stages
  );
  return (log) => {
    if (!sel.every((m) => m(log.stream))) {
      return undefined;
    }
    const e: LogEntry = { log, line: log.line, labels: { ...log.stream }, types: {} };
    for (const k of Object.keys(log.stream)) {
      e.types[k] = 'I';
    }
    for (const [k, v] of Object.entries(log.metadata)) {
      e.labels[k] = v;
      e.types[k] = 'S';
    }
    return stages.every((s) => s(e)) ? e : undefined;
  };
}

function find(node: SyntaxNode, name: string): SyntaxNode | undefined {
  if (node.name === name) {
    return node;
  }
  for (const k of childrenOf(node)) {
    const f = find(k, name);
    if (f) {
      return f;
    }
  }
  return undefined;
}

/** Parses with Grafana's LogQL grammar and compiles the subset the app generates; throws QuerySyntaxError. */
export function compileLogQL(query: string): CompiledLogQL {
  if (!query.trim()) {
    throw new QuerySyntaxError('empty LogQL query', 0);
  }
  const tree = parser.parse(query);
  const err = firstSyntaxError(tree, query, 'LogQL');
  if (err) {
    throw err;
  }
  try {
    const metric = find(tree.topNode, 'RangeAggregationExpr');
    if (metric) {
      const fn = textOf(query, childrenOf(metric)[0]);
      if (fn !== 'count_over_time' && fn !== 'rate') {
        throw new QuerySyntaxError(`${fn} is not supported by the sandbox`, metric.from);
      }
      const range = find(metric, 'LogRangeExpr')!;
      const dur = find(range, 'Range');
      return {
        run: logPart(query, range),
        metric: { fn, rangeMs: dur ? parseGoDuration(textOf(query, dur).slice(1, -1)) / 1e6 : 60000 },
      };
    }
    const logExpr = find(tree.topNode, 'LogExpr');
    if (!logExpr) {
      throw new QuerySyntaxError('not a log query', 0);
    }
    return { run: logPart(query, logExpr) };
  } catch (e) {
    if (e instanceof QuerySyntaxError) {
      throw e;
    }
    throw new QuerySyntaxError(e instanceof Error ? e.message : String(e), 0);
  }
}
