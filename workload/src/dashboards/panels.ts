// Small constructors for Grafana dashboard JSON (schemaVersion 41). Plain objects; no Grafana runtime needed.

export type Json = Record<string, unknown>;

export const PROM = { type: 'prometheus', uid: '${prometheus}' };
export const TEMPO = { type: 'tempo', uid: '${tempo}' };
export const LOKI = { type: 'loki', uid: '${loki}' };

/** Datasource variable whose default is the provisioned datasource of that UID (same as the type here). */
export function datasourceVariable(name: 'prometheus' | 'tempo' | 'loki', label: string): Json {
  return {
    name,
    label,
    type: 'datasource',
    query: name,
    refresh: 1,
    hide: 0,
    regex: '',
    multi: false,
    includeAll: false,
    current: { selected: true, text: label, value: name },
    options: [],
  };
}

export function textVariable(name: string, label: string, value: string, description: string): Json {
  return {
    name,
    label,
    type: 'textbox',
    query: value,
    hide: 0,
    description,
    current: { selected: false, text: value, value },
    options: [{ selected: true, text: value, value }],
  };
}

export const gridPos = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

export const promTarget = (refId: string, expr: string, legendFormat: string, extra: Json = {}): Json => ({
  refId,
  datasource: PROM,
  expr,
  legendFormat,
  range: true,
  editorMode: 'code',
  ...extra,
});

/** TraceQL metrics (range) by default; pass `{ metricsQueryType: undefined, tableType: 'spans' }` for search. */
export const traceqlTarget = (refId: string, query: string, extra: Json = {}): Json => {
  const t: Json = {
    refId,
    datasource: TEMPO,
    queryType: 'traceql',
    query,
    metricsQueryType: 'range',
    limit: 20,
    tableType: 'traces',
    ...extra,
  };
  return JSON.parse(JSON.stringify(t));
};

export const logqlTarget = (refId: string, expr: string, legendFormat: string): Json => ({
  refId,
  datasource: LOKI,
  expr,
  legendFormat,
  queryType: 'range',
  editorMode: 'code',
});

export class PanelIds {
  private id = 0;
  next(): number {
    return ++this.id;
  }
}

export function timeseries(
  ids: PanelIds,
  title: string,
  description: string,
  pos: Json,
  datasource: Json,
  targets: Json[],
  unit = 'short'
): Json {
  return {
    id: ids.next(),
    type: 'timeseries',
    title,
    description,
    gridPos: pos,
    datasource,
    targets,
    fieldConfig: {
      defaults: { unit, custom: { drawStyle: 'line', lineWidth: 1, fillOpacity: 10, showPoints: 'never' } },
      overrides: [],
    },
    options: {
      legend: { displayMode: 'table', placement: 'bottom', showLegend: true, calcs: ['mean', 'max'] },
      tooltip: { mode: 'multi', sort: 'desc' },
    },
  };
}

/** A heatmap of pre-bucketed data (span-metrics buckets or TraceQL's histogram_over_time), durations in seconds. */
export function heatmap(
  ids: PanelIds,
  title: string,
  description: string,
  pos: Json,
  datasource: Json,
  targets: Json[],
  colorScheme: string
): Json {
  return {
    id: ids.next(),
    type: 'heatmap',
    title,
    description,
    gridPos: pos,
    datasource,
    targets,
    fieldConfig: { defaults: {}, overrides: [] },
    options: {
      calculate: false,
      cellGap: 1,
      color: { mode: 'scheme', scheme: colorScheme, steps: 64 },
      yAxis: { unit: 's' },
      tooltip: { mode: 'single', yHistogram: true },
      legend: { show: true },
    },
  };
}

export function stat(
  ids: PanelIds,
  title: string,
  description: string,
  pos: Json,
  datasource: Json,
  targets: Json[],
  unit = 'short',
  thresholds?: Json
): Json {
  return {
    id: ids.next(),
    type: 'stat',
    title,
    description,
    gridPos: pos,
    datasource,
    targets,
    fieldConfig: {
      defaults: { unit, thresholds: thresholds ?? { mode: 'absolute', steps: [{ color: 'green', value: null }] } },
      overrides: [],
    },
    options: {
      reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
      colorMode: 'value',
      graphMode: 'area',
      textMode: 'auto',
    },
  };
}

export function row(ids: PanelIds, title: string, y: number): Json {
  return { id: ids.next(), type: 'row', title, collapsed: false, gridPos: gridPos(0, y, 24, 1), panels: [] };
}

export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  tags: string[];
  revision: number;
  variables: Json[];
  panels: Json[];
}

export function dashboard(spec: DashboardSpec): Json {
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: spec.tags,
    // Grafana re-imports a plugin's dashboard on upgrade only when this changes: bump it with every edit.
    revision: spec.revision,
    editable: true,
    graphTooltip: 1,
    schemaVersion: 41,
    version: 1,
    time: { from: 'now-1h', to: 'now' },
    refresh: '30s',
    timezone: 'browser',
    fiscalYearStartMonth: 0,
    liveNow: false,
    annotations: {
      list: [
        {
          builtIn: 1,
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          name: 'Annotations & Alerts',
          type: 'dashboard',
        },
      ],
    },
    links: [
      {
        title: 'Tasker app',
        type: 'link',
        url: '/a/tasker-observability-app/tasks',
        icon: 'apps',
        targetBlank: false,
        asDropdown: false,
        includeVars: false,
        keepTime: true,
        tags: [],
      },
      {
        title: 'Tasker dashboards',
        type: 'dashboards',
        tags: ['tasker'],
        asDropdown: true,
        includeVars: false,
        keepTime: true,
        icon: 'external link',
        targetBlank: false,
        url: '',
      },
    ],
    templating: { list: spec.variables },
    panels: spec.panels,
  };
}
