import { useEffect, useState } from 'react';
import type { TimeRange } from '@grafana/data';
import { fetchNamespaceValues, fetchServiceValues } from '../../data/tagValues';
import { isDataError } from '../../data/errors';
import type { ResolvedSettings } from '../../settings/types';

export interface TagOptions {
  namespaces: string[];
  services: string[];
  /** Why the namespace list is empty, in plain words (typing a value still works). */
  namespaceHint?: string;
}

/** Namespace and service values Tempo has seen in the range, for the filter's drop-downs. Failures are quiet. */
export function useTagOptions(range: TimeRange, settings: ResolvedSettings): TagOptions {
  const [state, setState] = useState<TagOptions>({ namespaces: [], services: [] });
  const from = range.from.valueOf();
  const to = range.to.valueOf();
  useEffect(() => {
    const controller = new AbortController();
    const opts = { signal: controller.signal };
    Promise.allSettled([fetchNamespaceValues(range, settings, opts), fetchServiceValues(range, settings, opts)]).then(
      ([ns, svc]) => {
        if (controller.signal.aborted) {
          return;
        }
        setState({
          namespaces: ns.status === 'fulfilled' ? ns.value : [],
          services: svc.status === 'fulfilled' ? svc.value : [],
          namespaceHint:
            ns.status === 'rejected'
              ? `Could not list namespaces${isDataError(ns.reason) ? `: ${ns.reason.title}` : ''}. Type one instead.`
              : undefined,
        });
      }
    );
    return () => controller.abort();
    // The range object changes identity on refresh; its edges are what matter.
  }, [from, to, settings]); // eslint-disable-line react-hooks/exhaustive-deps
  return state;
}
