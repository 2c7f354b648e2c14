import { LoadingState, type DataQueryResponse } from '@grafana/data';
import { Observable } from 'rxjs';
import type { SandboxControl } from './control';
import { QuerySyntaxError } from './syntax';

/**
 * Runs `compute` as an Observable, like a datasource's query(), once the request has been served (a connection,
 * then the mode's latency per query: `queries` of them run one after another): fail mode errors with an
 * HTTP-style object, a rejected query becomes a response error (as Grafana's backend returns it), and
 * unsubscribing cancels it and marks the recorded request as cancelled.
 */
export function answer(
  control: SandboxControl,
  target: string,
  query: string,
  refId: string,
  compute: () => DataQueryResponse,
  queries = 1
): Observable<DataQueryResponse> {
  return new Observable<DataQueryResponse>((sub) => {
    const rec = control.record({ target, query, queries });
    let done = false;
    const cancel = control.serve(rec, () => {
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
          // Grafana's Tempo backend (pkg/tempo/search.go) keeps only Tempo's HTTP status line, not its reason, and
          // the error response has no status of its own (ErrorResponseWithErrorSource).
          const error =
            target === 'tempo'
              ? { message: 'failed to execute search query status: 400 Bad Request', refId }
              : { message: e.message, status: 400, refId };
          sub.next({ data: [], state: LoadingState.Error, error, errors: [error] });
          sub.complete();
          return;
        }
        sub.error(e);
      }
    });
    return () => {
      cancel();
      if (!done) {
        rec.cancelled = true;
      }
    };
  });
}
