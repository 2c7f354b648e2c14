import {
  ATTRIBUTE_FIELDS,
  DEFAULT_QUERY_SETTINGS,
  resolveQuerySettings,
  type ResolvedQuerySettings,
} from '../../query';
import type { AttributeField, QuerySettings } from '../../query/types';
import { DEFAULT_PHASE_RULES, phaseRuleProblems } from '../../flow/phaseRules';
import type { PhaseRule } from '../../flow/types';
import {
  DEFAULT_HISTORY_LOOKBACK_DAYS,
  DEFAULT_MAX_TRACES_PER_TASK,
  DEFAULT_SEARCH_LIMIT,
  MAX_HISTORY_LOOKBACK_DAYS,
  MAX_SEARCH_LIMIT,
  MAX_TRACES_PER_TASK,
} from '../../settings/defaults';
import { DEFAULT_DATASOURCE_UIDS, type AppJsonData } from '../../settings/types';

/** What the configuration form edits; numbers and rules stay text until saved so typing is never blocked. */
export interface SettingsForm {
  tempoUid: string;
  lokiUid: string;
  prometheusUid: string;
  query: ResolvedQuerySettings;
  phaseRulesText: string;
  searchLimit: string;
  maxTracesPerTask: string;
  historyLookbackDays: string;
}

/** Field path → message. Paths: `attributes.<field>`, `serviceRegex`, `logFields.<name>`, `phaseRules`, ... */
export type SettingsErrors = Record<string, string>;

export function rulesText(rules: readonly PhaseRule[]): string {
  return JSON.stringify(rules, null, 2);
}

const DEFAULT_RULES_TEXT = rulesText(DEFAULT_PHASE_RULES);

export function formFromJsonData(jsonData: AppJsonData | undefined): SettingsForm {
  const d = jsonData ?? {};
  let query: ResolvedQuerySettings;
  try {
    query = resolveQuerySettings(d.query ?? {});
  } catch {
    // Show the defaults; the admin can save over the broken values.
    query = resolveQuerySettings({});
  }
  return {
    tempoUid: d.tempoDatasourceUid ?? DEFAULT_DATASOURCE_UIDS.tempo,
    lokiUid: d.lokiDatasourceUid ?? DEFAULT_DATASOURCE_UIDS.loki,
    prometheusUid: d.prometheusDatasourceUid ?? DEFAULT_DATASOURCE_UIDS.prometheus,
    query: structuredCloneSafe(query),
    phaseRulesText:
      Array.isArray(d.phaseRules) && d.phaseRules.length > 0 ? rulesText(d.phaseRules) : DEFAULT_RULES_TEXT,
    searchLimit: String(d.searchLimit ?? DEFAULT_SEARCH_LIMIT),
    maxTracesPerTask: String(d.maxTracesPerTask ?? DEFAULT_MAX_TRACES_PER_TASK),
    historyLookbackDays: String(d.historyLookbackDays ?? DEFAULT_HISTORY_LOOKBACK_DAYS),
  };
}

/** A deep, mutable copy (the defaults are frozen). */
function structuredCloneSafe(q: ResolvedQuerySettings): ResolvedQuerySettings {
  return JSON.parse(JSON.stringify(q));
}

function parseRules(text: string): { rules?: PhaseRule[]; problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { problems: [`Not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const problems = phaseRuleProblems(parsed);
  return problems.length ? { problems } : { rules: parsed as PhaseRule[], problems };
}

function intError(text: string, max: number): string | undefined {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= max ? undefined : `Expected a whole number from 1 to ${max}`;
}

/** Checks each setting on its own, so every bad field gets its own message. */
export function settingsErrors(form: SettingsForm): SettingsErrors {
  const errors: SettingsErrors = {};
  const check = (path: string, override: Partial<QuerySettings>) => {
    try {
      resolveQuerySettings(override);
    } catch (e) {
      errors[path] = e instanceof Error ? e.message : String(e);
    }
  };
  const q = form.query;
  for (const field of ATTRIBUTE_FIELDS) {
    check(`attributes.${field}`, {
      attributes: { [field]: q.attributes[field] } as Record<AttributeField, (typeof q.attributes)[AttributeField]>,
    });
  }
  check('serviceRegex', { serviceRegex: q.serviceRegex });
  check('logMode', { logMode: q.logMode });
  check('streamLabel', { streamLabel: q.streamLabel });
  check('streamRegex', { streamRegex: q.streamRegex });
  for (const [name, value] of Object.entries(q.logFields)) {
    check(`logFields.${name}`, { logFields: { [name]: value } as unknown as QuerySettings['logFields'] });
  }
  const rules = parseRules(form.phaseRulesText);
  if (rules.problems.length) {
    errors.phaseRules = rules.problems.join(' ');
  }
  const limitError = intError(form.searchLimit, MAX_SEARCH_LIMIT);
  if (limitError) {
    errors.searchLimit = limitError;
  }
  const tracesError = intError(form.maxTracesPerTask, MAX_TRACES_PER_TASK);
  if (tracesError) {
    errors.maxTracesPerTask = tracesError;
  }
  const lookbackError = intError(form.historyLookbackDays, MAX_HISTORY_LOOKBACK_DAYS);
  if (lookbackError) {
    errors.historyLookbackDays = lookbackError;
  }
  for (const [key, uid] of [
    ['tempoUid', form.tempoUid],
    ['lokiUid', form.lokiUid],
    ['prometheusUid', form.prometheusUid],
  ] as const) {
    if (!uid.trim()) {
      errors[key] = 'Choose a datasource';
    }
  }
  return errors;
}

/**
 * The jsonData to save: other keys of the existing jsonData are kept; phase rules equal to the defaults are not
 * stored, so future default rules apply. Call only when settingsErrors() is empty.
 */
export function jsonDataFromForm(form: SettingsForm, previous: AppJsonData | undefined): AppJsonData {
  const rules = parseRules(form.phaseRulesText).rules;
  const sameAsDefault = rules !== undefined && rulesText(rules) === DEFAULT_RULES_TEXT;
  const next: AppJsonData = {
    ...(previous ?? {}),
    tempoDatasourceUid: form.tempoUid.trim(),
    lokiDatasourceUid: form.lokiUid.trim(),
    prometheusDatasourceUid: form.prometheusUid.trim(),
    query: form.query,
    searchLimit: Number(form.searchLimit),
    maxTracesPerTask: Number(form.maxTracesPerTask),
    historyLookbackDays: Number(form.historyLookbackDays),
  };
  if (rules && !sameAsDefault) {
    next.phaseRules = rules;
  } else {
    delete next.phaseRules;
  }
  return next;
}

export { DEFAULT_QUERY_SETTINGS };
