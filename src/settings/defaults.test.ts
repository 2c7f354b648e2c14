import { DEFAULT_PHASE_RULES } from '../flow';
import { DEFAULT_QUERY_SETTINGS } from '../query';
import { DEFAULT_MAX_TRACES_PER_TASK, DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, resolveAppSettings } from './defaults';
import type { AppJsonData } from './types';

describe('resolveAppSettings', () => {
  it('gives the provisioned stack defaults for absent jsonData', () => {
    const s = resolveAppSettings(undefined);
    expect(s).toMatchObject({
      tempoUid: 'tempo',
      lokiUid: 'loki',
      prometheusUid: 'prometheus',
      searchLimit: DEFAULT_SEARCH_LIMIT,
      maxTracesPerTask: DEFAULT_MAX_TRACES_PER_TASK,
    });
    expect(s.query).toEqual(DEFAULT_QUERY_SETTINGS);
    expect(s.phaseRules).toEqual(DEFAULT_PHASE_RULES);
    expect(s.problem).toBeUndefined();
  });

  it('applies saved values', () => {
    const s = resolveAppSettings({
      tempoDatasourceUid: 'my-tempo',
      query: { logMode: 'logfmt' },
      phaseRules: [{ phase: 'execution', names: ['run'] }],
      searchLimit: 20,
      maxTracesPerTask: 7,
    });
    expect(s.tempoUid).toBe('my-tempo');
    expect(s.query.logMode).toBe('logfmt');
    expect(s.phaseRules).toEqual([{ phase: 'execution', names: ['run'] }]);
    expect(s.searchLimit).toBe(20);
    expect(s.maxTracesPerTask).toBe(7);
  });

  it('ignores nonsense numbers and caps huge ones', () => {
    const bad = { searchLimit: -3, maxTracesPerTask: 'many' } as unknown as AppJsonData;
    expect(resolveAppSettings(bad)).toMatchObject({ searchLimit: DEFAULT_SEARCH_LIMIT, maxTracesPerTask: 50 });
    expect(resolveAppSettings({ searchLimit: 1e9 }).searchLimit).toBe(MAX_SEARCH_LIMIT);
  });

  it('looks back 7 days for history by default, within 1 to 90 days', () => {
    expect(resolveAppSettings(undefined).historyLookbackDays).toBe(7);
    expect(resolveAppSettings({ historyLookbackDays: 14 }).historyLookbackDays).toBe(14);
    expect(resolveAppSettings({ historyLookbackDays: 0 }).historyLookbackDays).toBe(7);
    expect(resolveAppSettings({ historyLookbackDays: 1000 }).historyLookbackDays).toBe(90);
  });

  it('falls back to the query defaults and reports the problem when a saved query setting is invalid', () => {
    const s = resolveAppSettings({ query: { streamLabel: 'not a label!' } });
    expect(s.query).toEqual(DEFAULT_QUERY_SETTINGS);
    expect(s.problem).toMatch(/streamLabel/);
  });
});
