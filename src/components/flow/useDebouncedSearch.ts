import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

const SEARCH_DEBOUNCE_MS = 200;

/**
 * The tree's search box: the text updates at once, `onSearch` runs once typing pauses (searching 100k spans on every
 * keystroke would stutter) with the trimmed text, '' for none. A pending search is dropped on unmount.
 */
export function useDebouncedSearch(onSearch: (text: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The latest callback for a timer that fires after a render changed it.
  const latest = useRef(onSearch);
  useLayoutEffect(() => {
    latest.current = onSearch;
  }, [onSearch]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onChange = useCallback((next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(next.trim()), SEARCH_DEBOUNCE_MS);
  }, []);
  return [text, onChange];
}
