import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_TASK_FILE_BYTES, parseTaskFile, TaskFileError, type SpanRecord } from '../src/taskfile';
import { InputError } from './errors';

const TASK_FILE = /\.(json|jsonl|ndjson)$/i;

/** The files named, with directories expanded to the task files directly inside them (sorted by name). */
export async function listTaskFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputError(`${path}: no such file or directory.`);
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => TASK_FILE.test(n)).sort();
      if (names.length === 0) {
        throw new InputError(`${path}: the directory holds no task files (*.json, *.jsonl).`);
      }
      out.push(...names.map((n) => join(path, n)));
    } else {
      out.push(path);
    }
  }
  return out;
}

/** Every span of every file. A file that is not a task file stops the run: figures over part of the input mislead. */
export async function readTaskFiles(paths: readonly string[]): Promise<{ spans: SpanRecord[]; files: number }> {
  const files = await listTaskFiles(paths);
  const spans: SpanRecord[] = [];
  for (const file of files) {
    let text: string;
    try {
      const info = await stat(file);
      if (info.size > MAX_TASK_FILE_BYTES) {
        throw new TaskFileError(
          'too_large',
          `The file is larger than the ${MAX_TASK_FILE_BYTES / 1024 / 1024} MB limit.`
        );
      }
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new InputError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      // Concatenating keeps tasks whose traces were exported into separate files together.
      for (const s of parseTaskFile(text).spans) {
        spans.push(s);
      }
    } catch (e) {
      throw new InputError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { spans, files: files.length };
}
