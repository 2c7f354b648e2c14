// Contract of the query core. Pure types: no React, no @grafana/runtime.

/** Span status as TraceQL names it. */
export type SpanStatus = 'error' | 'ok' | 'unset';

/** What a user asks for. Every field is optional; fields combine with AND, list values with OR. */
export interface TaskFilter {
  correlationId?: string;
  taskUuid?: string;
  stepUuid?: string;
  /** OR within the list. */
  namespace?: string[];
  taskName?: string;
  stepName?: string;
  /** service.name values, OR within the list. */
  services?: string[];
  status?: SpanStatus;
  /** TraceQL durations such as '250ms', '1.5s', '2m'. */
  minDuration?: string;
  maxDuration?: string;
  /** Logs only: the line contains this text. */
  text?: string;
  /** Logs only: severity such as 'error', 'warn', 'info'. */
  level?: string;
}

/** The filter fields that map to a span attribute. */
export type AttributeField = 'correlationId' | 'taskUuid' | 'stepUuid' | 'namespace' | 'taskName' | 'stepName';

/** `span.x`, `resource.x`, or `.x` (either scope). */
export type AttributeScope = 'span' | 'resource' | 'any';

export interface AttributeRef {
  scope: AttributeScope;
  key: string;
}

/** How Tasker's logs reach Loki. */
export type LogMode = 'structured-metadata' | 'logfmt' | 'json' | 'line-filter';

/** What a user configures in the app settings. Defaults live in `query/settings.ts`. */
export interface QuerySettings {
  attributes: Record<AttributeField, AttributeRef>;
  /** RE2 regex over resource.service.name that selects Tasker's services. */
  serviceRegex: string;
  logMode: LogMode;
  /** Loki stream selector label and the RE2 regex its value must match, e.g. service_name =~ "tasker-.*". */
  streamLabel: string;
  streamRegex: string;
  /** Loki field names of the ids, in structured metadata / logfmt / json. */
  logFields: {
    correlationId: string;
    taskUuid: string;
    stepUuid: string;
    traceId: string;
    spanId: string;
    level: string;
    /** Optional: defaults `namespace`, `task_name`, `step_name` (see `query/settings.ts`). */
    namespace?: string;
    taskName?: string;
    stepName?: string;
  };
}
