import type { DataQueryResponse } from '@grafana/data';
import { Observable } from 'rxjs';
import type { SandboxControl } from './control';
import { QuerySyntaxError } from './syntax';

/**
 * A Tempo search over Grafana Live, as the 13.1 Tempo frontend streams it (streaming.ts `doTempoSearchStreaming`):
 * several cumulative partial answers (state Streaming) ending in Done. A failure arrives as a plain Error carrying
 * Tempo's own words (gRPC's `rpc error: code = ... desc = ...`), with no HTTP status. When Live's websocket is
 * blocked (say, by a proxy) the stream never delivers a message: the subscription just waits.
 */
export function streamAnswer(
  control: SandboxControl,
  query: string,
  liveConnected: boolean,
  compute: () => DataQueryResponse[]
): Observable<DataQueryResponse> {
  return new Observable<DataQueryResponse>((sub) => {
    const rec = control.record({ target: 'tempo', query });
    if (!liveConnected) {
      return () => {
        rec.cancelled = true;
      };
    }
    let done = false;
    const cancel = control.serve(rec, () => {
      done = true;
      if (control.mode === 'fail') {
        rec.error = 'fail mode';
        sub.error(
          new Error('rpc error: code = Unavailable desc = tempo is unavailable (sandbox datasource mode "fail")')
        );
        return;
      }
      let responses: DataQueryResponse[];
      try {
        responses = compute();
      } catch (e) {
        if (e instanceof QuerySyntaxError) {
          rec.error = e.message;
          sub.error(new Error(`rpc error: code = InvalidArgument desc = ${e.message}`));
          return;
        }
        sub.error(e);
        return;
      }
      for (const response of responses) {
        sub.next(response);
      }
      sub.complete();
    });
    return () => {
      cancel();
      if (!done) {
        rec.cancelled = true;
      }
    };
  });
}
