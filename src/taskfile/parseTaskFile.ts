import { readJaeger, jaegerTraces } from './importJaeger';
import { otlpResourceSpans, readOtlp } from './importOtlp';
import { TaskFileError, type SpanRecord, type TaskFileFormat } from './types';

/** Largest task file opened: about twice an exported 100k-span task; a browser tab parses this much comfortably. */
export const MAX_TASK_FILE_BYTES = 100 * 1024 * 1024;

export interface ParsedTaskFile {
  format: TaskFileFormat;
  spans: SpanRecord[];
  /** Spans in the file without a usable trace id, span id or start time. */
  skipped: number;
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** Throws the too-large error when `bytes` is over the limit (the UI checks a File's size before reading it). */
export function checkTaskFileSize(bytes: number, limit = MAX_TASK_FILE_BYTES): void {
  if (bytes > limit) {
    throw new TaskFileError(
      'too_large',
      `The file is ${formatMiB(bytes)}, larger than the ${formatMiB(limit)} limit for task files.`
    );
  }
}

function parseDocuments(text: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch (whole) {
    // JSON Lines: the collector's file exporter writes one OTLP document per line, and otlpjsonfile reads them so.
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 1) {
      try {
        return lines.map((l) => JSON.parse(l));
      } catch {
        // fall through to the error of the whole text
      }
    }
    const reason = whole instanceof Error ? whole.message : String(whole);
    throw new TaskFileError('not_json', `The file is not JSON (${reason.slice(0, 200)}).`);
  }
}

/**
 * A task file's spans: OTLP/JSON (`resourceSpans`, also Tempo's `batches` and `{trace: …}` answers, one document or
 * one per line) or Jaeger JSON (`{data: [{traceID, spans, processes}]}`). Throws `TaskFileError` naming the problem.
 */
export function parseTaskFile(text: string, limit = MAX_TASK_FILE_BYTES): ParsedTaskFile {
  // A UTF-16 length under-counts multi-byte text, never over-counts: close enough to the byte limit.
  checkTaskFileSize(text.length, limit);
  if (text.trim() === '') {
    throw new TaskFileError('not_json', 'The file is empty.');
  }
  const docs = parseDocuments(text);
  const spans: SpanRecord[] = [];
  let skipped = 0;
  let format: TaskFileFormat | undefined;
  for (const doc of docs) {
    if (otlpResourceSpans(doc) !== undefined) {
      format ??= 'otlp';
      skipped += readOtlp(doc, spans).skipped;
      continue;
    }
    const traces = jaegerTraces(doc);
    if (traces) {
      format ??= 'jaeger';
      skipped += readJaeger(traces, spans).skipped;
    }
  }
  if (format === undefined) {
    throw new TaskFileError(
      'unknown_format',
      'Unknown format: expected OTLP/JSON (an object with "resourceSpans") or Jaeger JSON (an object with "data": [{ "traceID", "spans", "processes" }]).'
    );
  }
  if (spans.length === 0) {
    throw new TaskFileError(
      'no_spans',
      skipped > 0
        ? `The file has no usable spans: all ${skipped} lack a trace id, a span id or a start time.`
        : 'The file holds no spans.'
    );
  }
  return { format, spans, skipped };
}
