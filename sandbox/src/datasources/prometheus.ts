import { createDataFrame, FieldType, type DataQueryRequest } from '@grafana/data';
import type { TelemetryStore } from '../data/store';
import { answer } from './answer';
import type { SandboxControl } from './control';

interface PromTarget {
  refId: string;
  expr?: string;
  instant?: boolean;
}

/** Prometheus only answers probes here: any expression gets one sample, the count of spans held. */
export function createPrometheusStandIn(store: TelemetryStore, control: SandboxControl, uid: string) {
  return {
    uid,
    name: 'Prometheus',
    type: 'prometheus',
    query(request: DataQueryRequest<PromTarget>) {
      const to = request.range.to.valueOf();
      const targets = request.targets;
      return answer(
        control,
        'prometheus',
        targets.map((t) => t.expr ?? '').join('\n'),
        targets[0]?.refId ?? 'A',
        () => ({
          data:
            control.mode === 'empty'
              ? []
              : targets.map((t) =>
                  createDataFrame({
                    refId: t.refId,
                    fields: [
                      { name: 'Time', type: FieldType.time, values: [to], config: {} },
                      {
                        name: 'Value',
                        type: FieldType.number,
                        values: [store.spanCount],
                        config: {},
                        labels: { __name__: 'traces_spanmetrics_calls_total' },
                      },
                    ],
                  })
                ),
        })
      );
    },
  };
}
