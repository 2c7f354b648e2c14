// Task files: a stitched task as OTLP/JSON, and OTLP/Jaeger JSON back into trace frames for the flow model.
// Pure TypeScript: no React, no @grafana/runtime (perf-check runs it in Node).
export { taskToOtlp, taskFileText, taskFileName } from './exportOtlp';
export { parseTaskFile, checkTaskFileSize, MAX_TASK_FILE_BYTES, type ParsedTaskFile } from './parseTaskFile';
export { spansToFrames } from './frames';
export { groupTasks, type TaskSpans } from './groupTasks';
export { tasksFromSpans, type FileTask } from './tasksInFile';
export { readOtlp, otlpResourceSpans } from './importOtlp';
export {
  TaskFileError,
  type SpanRecord,
  type TaskFileFormat,
  type TaskFileProblem,
  type OtlpTracesData,
  type OtlpSpan,
} from './types';
