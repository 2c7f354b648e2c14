import type { QuerySettings } from '../query/types';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const UUID_ONLY = new RegExp(`^${UUID}$`);
const TRACE_ID_ONLY = /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{16})$/;
const SPAN_ID_ONLY = /^[0-9a-fA-F]{16}$/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `key=value`, `key="value"`, `"key":"value"` inside a plain-text, logfmt or JSON line. */
function valueInLine(line: string, key: string, valuePattern: string): string | undefined {
  const re = new RegExp(`(?:^|[^A-Za-z0-9_.])"?${escapeRegExp(key)}"?\\s*[=:]\\s*"?(${valuePattern})(?![0-9A-Za-z])`);
  return re.exec(line)?.[1];
}

export interface LogIds {
  traceId?: string;
  spanId?: string;
  correlationId?: string;
  taskUuid?: string;
}

/**
 * The ids a log line carries, from its labels / structured metadata first, then from the text. Values must
 * look like ids: a worker's `trace_id` attribute that holds a correlation_id is not taken as a trace id.
 */
export function extractLogIds(
  labels: Record<string, string>,
  line: string,
  fields: QuerySettings['logFields']
): LogIds {
  const fromLabel = (key: string, shape: RegExp) => {
    const v = labels[key]?.trim();
    return v && shape.test(v) ? v : undefined;
  };
  const ids: LogIds = {
    traceId:
      fromLabel(fields.traceId, TRACE_ID_ONLY) ?? valueInLine(line, fields.traceId, '[0-9a-fA-F]{32}|[0-9a-fA-F]{16}'),
    spanId: fromLabel(fields.spanId, SPAN_ID_ONLY) ?? valueInLine(line, fields.spanId, '[0-9a-fA-F]{16}'),
    correlationId: fromLabel(fields.correlationId, UUID_ONLY) ?? valueInLine(line, fields.correlationId, UUID),
    taskUuid: fromLabel(fields.taskUuid, UUID_ONLY) ?? valueInLine(line, fields.taskUuid, UUID),
  };
  // An all-zero id means "no trace" in OpenTelemetry.
  if (ids.traceId && /^0+$/.test(ids.traceId)) {
    ids.traceId = undefined;
  }
  if (ids.spanId && /^0+$/.test(ids.spanId)) {
    ids.spanId = undefined;
  }
  return ids;
}

const LEVEL_WORDS: Record<string, string> = {
  error: 'error',
  err: 'error',
  fatal: 'error',
  critical: 'error',
  crit: 'error',
  warn: 'warn',
  warning: 'warn',
  info: 'info',
  information: 'info',
  debug: 'debug',
  trace: 'trace',
};

export function normaliseLevel(v: string | undefined): string | undefined {
  if (!v) {
    return undefined;
  }
  return LEVEL_WORDS[v.trim().toLowerCase()];
}

/** Severity from labels (detected_level, level, severity_text...) or from tracing's `  INFO ` / `level=info`. */
export function extractLevel(labels: Record<string, string>, line: string, levelField: string): string {
  for (const key of [levelField, 'detected_level', 'level', 'severity_text', 'severity', 'lvl']) {
    const l = normaliseLevel(labels[key]);
    if (l) {
      return l;
    }
  }
  const kv = /(?:^|\s)"?(?:level|lvl|severity)"?\s*[=:]\s*"?([A-Za-z]+)/.exec(line);
  const fromKv = normaliseLevel(kv?.[1]);
  if (fromKv) {
    return fromKv;
  }
  const word = /(?:^|\s|\[)(ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL)(?=[\s\]:])/.exec(line);
  return normaliseLevel(word?.[1]) ?? 'unknown';
}
