import { useCallback, useRef, useState } from 'react';
import type { PhaseRule } from '../../flow/types';
import {
  checkTaskFileSize,
  parseTaskFile,
  TaskFileError,
  tasksFromSpans,
  type FileTask,
  type TaskFileFormat,
} from '../../taskfile';
import { readFileText } from './readFileText';

export type TaskFileState =
  | { status: 'empty' }
  | { status: 'reading'; fileName: string }
  | { status: 'error'; fileName: string; message: string }
  | {
      status: 'loaded';
      fileName: string;
      format: TaskFileFormat;
      spanCount: number;
      skipped: number;
      tasks: FileTask[];
    };

/**
 * Reads one task file in the browser: size check first, then text, then parse and split into tasks. Nothing is
 * sent anywhere. A newer file replaces an older one still being read.
 */
export function useTaskFile(phaseRules: PhaseRule[] | undefined) {
  const [state, setState] = useState<TaskFileState>({ status: 'empty' });
  const generation = useRef(0);

  const open = useCallback(
    async (file: File) => {
      const mine = ++generation.current;
      const fileName = file.name || 'the file';
      const settle = (next: TaskFileState) => {
        if (generation.current === mine) {
          setState(next);
        }
      };
      settle({ status: 'reading', fileName });
      try {
        checkTaskFileSize(file.size);
        const text = await readFileText(file);
        const parsed = parseTaskFile(text);
        const tasks = tasksFromSpans(parsed.spans, phaseRules);
        settle({
          status: 'loaded',
          fileName,
          format: parsed.format,
          spanCount: parsed.spans.length,
          skipped: parsed.skipped,
          tasks,
        });
      } catch (e) {
        const message =
          e instanceof TaskFileError
            ? e.message
            : `The file could not be read (${e instanceof Error ? e.message : String(e)}).`;
        settle({ status: 'error', fileName, message });
      }
    },
    [phaseRules]
  );

  const reject = useCallback((fileName: string, message: string) => {
    generation.current++;
    setState({ status: 'error', fileName, message });
  }, []);

  return { state, open, reject };
}
