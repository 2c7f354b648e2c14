import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TaskFilter } from '../../query/types';
import { filterErrors, hasErrors, type FilterErrors } from './filterErrors';
import { filterFromParams, filterToParams } from './filterParams';

export interface UrlFilter {
  /** The filter in the URL: what the results show. */
  applied: TaskFilter;
  /** A string that changes exactly when `applied` does (for effect keys). */
  appliedKey: string;
  appliedValid: boolean;
  /** What the user is typing; becomes `applied` on submit. */
  draft: TaskFilter;
  setDraft: (f: TaskFilter) => void;
  draftErrors: FilterErrors;
  /** Pushes the draft to the URL (a history entry). Returns false when a field is invalid. */
  submit: () => boolean;
}

/** Filter state: the applied filter lives in the URL (shareable, back/forward), the draft in the component. */
export function useUrlFilter(): UrlFilter {
  const [params, setParams] = useSearchParams();
  const appliedKey = filterToParams(filterFromParams(params), new URLSearchParams()).toString();
  const applied = useMemo(() => filterFromParams(new URLSearchParams(appliedKey)), [appliedKey]);
  // The draft remembers which applied filter it started from: when the URL moves (back/forward, a pasted
  // link, a submit), the draft starts again from the URL.
  const [edit, setEdit] = useState<{ base: string; draft: TaskFilter }>({ base: appliedKey, draft: applied });
  const draft = edit.base === appliedKey ? edit.draft : applied;
  const setDraft = useCallback((f: TaskFilter) => setEdit({ base: appliedKey, draft: f }), [appliedKey]);
  const draftErrors = useMemo(() => filterErrors(draft), [draft]);
  const appliedValid = useMemo(() => !hasErrors(filterErrors(applied)), [applied]);
  const submit = useCallback(() => {
    if (hasErrors(filterErrors(draft))) {
      return false;
    }
    // The submitted draft now belongs to the new URL; going back must not bring it back as a draft.
    setEdit({ base: filterToParams(draft, new URLSearchParams()).toString(), draft });
    setParams((prev) => filterToParams(draft, prev));
    return true;
  }, [draft, setParams]);
  return { applied, appliedKey, appliedValid, draft, setDraft, draftErrors, submit };
}
