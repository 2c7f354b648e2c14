import { PHASE_CODE, isPhase } from './phaseCodes';
import { PhaseRule } from './types';

/**
 * Default rules: the eleven span names of Tasker's guide plus the names tasker-core emits today.
 * PGMQ spans (send_json_message, read_messages, ...) and generic helpers (publish_event, resolve, request) have
 * no rule on purpose: nested, they take their parent's phase; as roots (polling noise) they are 'other'.
 */
export const DEFAULT_PHASE_RULES: PhaseRule[] = [
  {
    phase: 'initialization',
    names: ['create_and_enqueue_task_from_request', 'create_task_from_request', 'process_task_request'],
  },
  {
    phase: 'enqueueing',
    names: [
      'enqueue_ready_steps',
      'filter_and_prepare_enqueuable_steps',
      'enqueue_steps_to_worker_queue',
      'process_single_task_from_ready_info',
      'process_single_task_from_uuid',
      'find_viable_steps',
    ],
  },
  {
    phase: 'execution',
    names: [
      'execute_step',
      'try_claim_step',
      'handler_execution',
      'worker.step_execution',
      'worker.step_completion_received',
    ],
  },
  {
    phase: 'result_processing',
    names: [
      'handle_step_execution_result',
      'process_orchestration_metadata',
      'handle_step_result_with_metadata',
      'process_decision_outcome',
      'process_batchable_step',
    ],
  },
  {
    phase: 'finalization',
    names: ['finalize_task', 'make_finalization_decision', 'task finalization', 'task_finalization'],
  },
  // A long-lived worker loop: everything under it is background noise, not part of a task.
  { phase: 'other', names: ['domain_event_system_loop'] },
];

/** A compiled rule set: span name → phase code, or -1 when no rule matches. */
export interface PhaseMatcher {
  match(name: string): number;
}

interface CompiledPattern {
  regex: RegExp;
  code: number;
}

/** Compiles a user regex; RE2's leading `(?i)` becomes JS's `i` flag. Undefined when the pattern is invalid. */
export function compilePattern(pattern: string): RegExp | undefined {
  let source = pattern;
  let flags = '';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags = 'i';
  }
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

/**
 * Exact names are tried before patterns; among each kind the first rule in order wins.
 * Invalid rules (unknown phase, bad regex, wrong types) are skipped: see phaseRuleProblems() to show them.
 */
export function compilePhaseRules(rules: unknown): PhaseMatcher {
  const exact = new Map<string, number>();
  const patterns: CompiledPattern[] = [];
  const list = Array.isArray(rules) ? rules : [];
  for (const rule of list) {
    if (!rule || typeof rule !== 'object') {
      continue;
    }
    const { phase, names, pattern } = rule as Partial<Record<keyof PhaseRule, unknown>>;
    if (!isPhase(phase)) {
      continue;
    }
    const code = PHASE_CODE[phase];
    if (Array.isArray(names)) {
      for (const name of names) {
        if (typeof name === 'string' && !exact.has(name)) {
          exact.set(name, code);
        }
      }
    }
    if (typeof pattern === 'string' && pattern !== '') {
      const regex = compilePattern(pattern);
      if (regex) {
        patterns.push({ regex, code });
      }
    }
  }
  // Span names repeat a lot: remember each decision (bounded, so odd inputs cannot grow it without limit).
  const cache = new Map<string, number>();
  return {
    match(name: string): number {
      const known = cache.get(name);
      if (known !== undefined) {
        return known;
      }
      let code = exact.get(name) ?? -1;
      if (code === -1) {
        for (const p of patterns) {
          if (p.regex.test(name)) {
            code = p.code;
            break;
          }
        }
      }
      if (cache.size < 10000) {
        cache.set(name, code);
      }
      return code;
    },
  };
}

/** Plain-words problems in a rule list, for the settings page. Empty when every rule is usable. */
export function phaseRuleProblems(rules: unknown): string[] {
  if (!Array.isArray(rules)) {
    return ['Phase rules must be a list.'];
  }
  const problems: string[] = [];
  rules.forEach((rule: unknown, i: number) => {
    const label = `Rule ${i + 1}`;
    if (!rule || typeof rule !== 'object') {
      problems.push(`${label} is not a rule object.`);
      return;
    }
    const { phase, names, pattern } = rule as Partial<Record<keyof PhaseRule, unknown>>;
    if (!isPhase(phase)) {
      problems.push(`${label} has an unknown phase ${JSON.stringify(phase)}; it is ignored.`);
    }
    if (names !== undefined && (!Array.isArray(names) || names.some((n) => typeof n !== 'string'))) {
      problems.push(`${label}: names must be a list of span names.`);
    }
    if (pattern !== undefined && (typeof pattern !== 'string' || compilePattern(pattern) === undefined)) {
      problems.push(
        `${label}: the pattern ${JSON.stringify(pattern)} is not a valid regular expression; it is ignored.`
      );
    }
    if (names === undefined && (pattern === undefined || pattern === '')) {
      problems.push(`${label} has neither names nor a pattern, so it matches nothing.`);
    }
  });
  return problems;
}
