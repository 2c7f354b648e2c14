import type { DataSourceApi, DataSourceInstanceSettings, DataSourceRef } from '@grafana/data';
import { config, type DataSourceSrv } from '@grafana/runtime';

interface StandIn {
  uid: string;
  name: string;
  type: string;
}

/** getDataSourceSrv() for the sandbox: the three stand-ins, found by uid, name or ref. */
export function createDataSourceSrv(standIns: StandIn[]): DataSourceSrv {
  const settings = (): DataSourceInstanceSettings[] => Object.values(config.datasources);
  const find = (ref?: DataSourceRef | string | null): DataSourceInstanceSettings | undefined => {
    const key = typeof ref === 'string' ? ref : ref?.uid;
    if (!key) {
      return settings().find((s) => s.isDefault);
    }
    return settings().find((s) => s.uid === key || s.name === key);
  };
  return {
    async get(ref) {
      const s = find(ref);
      const ds = s && standIns.find((d) => d.uid === s.uid);
      if (!s || !ds) {
        throw new Error(`Datasource ${JSON.stringify(typeof ref === 'string' ? ref : ref?.uid)} was not found`);
      }
      // Only the members an app uses are real; the rest of DataSourceApi is Grafana's business.
      return Object.assign(
        Object.create(null),
        { meta: s.meta, instanceSettings: s, id: s.id, getRef: () => ({ uid: s.uid, type: s.type }) },
        ds
      ) as unknown as DataSourceApi;
    },
    getList(filters = {}) {
      return settings().filter((s) => {
        const types =
          filters.type === undefined ? undefined : Array.isArray(filters.type) ? filters.type : [filters.type];
        if (types && !types.includes(s.type)) {
          return false;
        }
        if (filters.pluginId && s.meta.id !== filters.pluginId) {
          return false;
        }
        if (filters.tracing && !s.meta.tracing) {
          return false;
        }
        if (filters.logs && !s.meta.logs) {
          return false;
        }
        if (filters.metrics && !s.meta.metrics) {
          return false;
        }
        return filters.filter ? filters.filter(s) : true;
      });
    },
    getInstanceSettings: (ref) => find(ref),
    reload: async () => undefined,
    registerRuntimeDataSource: () => undefined,
  };
}
