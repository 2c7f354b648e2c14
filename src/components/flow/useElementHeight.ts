import { type RefObject, useEffect, useState } from 'react';

/** The element's client height, kept current with a ResizeObserver; 0 where there is no layout (jsdom). */
export function useElementHeight(ref: RefObject<HTMLElement>, enabled: boolean): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!enabled || !el) {
      return;
    }
    setHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver((entries) => {
      const h = entries[0]?.contentRect.height ?? el.clientHeight;
      setHeight(Math.round(h));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, enabled]);
  return height;
}
