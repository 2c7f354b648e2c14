import { LoadingState, type DataQueryResponse } from '@grafana/data';
import { Observable } from 'rxjs';
import type { SandboxControl } from './control';
import { QuerySyntaxError } from './syntax';

/**
 * Runs `compute` after the mode's latency as an Observable, like a datasource's query(): fail mode errors with
 * an HTTP-style object, a rejected query becomes a response error (as Grafana's backend returns it), and
 * unsubscribing cancels the timer and marks the recorded request as cancelled.
 */
export function answer(
  control: SandboxControl,
  target: string,
  query: string,
  refId: string,
  compute: () => DataQueryResponse
): Observable<DataQueryResponse> {
  return new Observable<DataQueryResponse>((sub) => {
    const rec = control.record({ target, query });
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      if (control.mode === 'fail') {
        rec.error = 'fail mode';
        sub.error(control.failure(target));
        return;
      }
      try {
        sub.next(compute());
        sub.complete();
      } catch (e) {
        if (e instanceof QuerySyntaxError) {
          rec.error = e.message;
          const error = { message: e.message, status: 400, refId };
          sub.next({ data: [], state: LoadingState.Error, error, errors: [error] });
          sub.complete();
          return;
        }
        sub.error(e);
      }
    }, control.delayMs());
    return () => {
      clearTimeout(timer);
      if (!done) {
        rec.cancelled = true;
      }
    };
  });
}
