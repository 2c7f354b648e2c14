import { PHASE_CODE } from './phaseCodes';
import { DEFAULT_PHASE_RULES, compilePhaseRules, phaseRuleProblems } from './phaseRules';
import { Phase, PhaseRule } from './types';

const phaseOfName = (rules: unknown, name: string): number => compilePhaseRules(rules).match(name);

describe('DEFAULT_PHASE_RULES', () => {
  const expected: Array<[string, Phase]> = [
    // The guide's eleven span names.
    ['create_and_enqueue_task_from_request', 'initialization'],
    ['enqueue_ready_steps', 'enqueueing'],
    ['filter_and_prepare_enqueuable_steps', 'enqueueing'],
    ['enqueue_steps_to_worker_queue', 'enqueueing'],
    ['execute_step', 'execution'],
    ['try_claim_step', 'execution'],
    ['handler_execution', 'execution'],
    ['handle_step_execution_result', 'result_processing'],
    ['process_orchestration_metadata', 'result_processing'],
    ['finalize_task', 'finalization'],
    ['make_finalization_decision', 'finalization'],
    // Names tasker-core emits today.
    ['create_task_from_request', 'initialization'],
    ['process_single_task_from_ready_info', 'enqueueing'],
    ['process_single_task_from_uuid', 'enqueueing'],
    ['find_viable_steps', 'enqueueing'],
    ['worker.step_execution', 'execution'],
    ['worker.step_completion_received', 'execution'],
    ['handle_step_result_with_metadata', 'result_processing'],
    ['process_decision_outcome', 'result_processing'],
    ['process_batchable_step', 'result_processing'],
    ['task finalization', 'finalization'],
    ['domain_event_system_loop', 'other'],
  ];
  it.each(expected)('%s → %s', (name, phase) => {
    expect(phaseOfName(DEFAULT_PHASE_RULES, name)).toBe(PHASE_CODE[phase]);
  });

  it('leaves PGMQ and generic spans without a rule so they inherit their parent phase', () => {
    for (const name of ['send_json_message', 'read_messages', 'publish_event', 'resolve', 'request']) {
      expect(phaseOfName(DEFAULT_PHASE_RULES, name)).toBe(-1);
    }
  });

  it('has no problems', () => {
    expect(phaseRuleProblems(DEFAULT_PHASE_RULES)).toEqual([]);
  });
});

describe('compilePhaseRules', () => {
  it('lets the first rule win among exact names', () => {
    const rules: PhaseRule[] = [
      { phase: 'execution', names: ['x'] },
      { phase: 'finalization', names: ['x'] },
    ];
    expect(phaseOfName(rules, 'x')).toBe(PHASE_CODE.execution);
  });

  it('tries exact names before patterns, and patterns in order', () => {
    const rules: PhaseRule[] = [
      { phase: 'other', pattern: '^step' },
      { phase: 'execution', pattern: 'step' },
      { phase: 'finalization', names: ['step_done'] },
    ];
    expect(phaseOfName(rules, 'step_done')).toBe(PHASE_CODE.finalization);
    expect(phaseOfName(rules, 'step_x')).toBe(PHASE_CODE.other);
    expect(phaseOfName(rules, 'my_step')).toBe(PHASE_CODE.execution);
    expect(phaseOfName(rules, 'nothing')).toBe(-1);
  });

  it("accepts RE2's (?i) flag", () => {
    expect(phaseOfName([{ phase: 'execution', pattern: '(?i)^HANDLER' }], 'handler_ruby')).toBe(PHASE_CODE.execution);
  });

  it('ignores an invalid regex, an unknown phase and non-rule entries without throwing', () => {
    const rules = [
      { phase: 'execution', pattern: '([unclosed' },
      { phase: 'bogus', names: ['a'] },
      null,
      7,
      { phase: 'finalization', names: ['a', 42] },
    ];
    expect(phaseOfName(rules, 'a')).toBe(PHASE_CODE.finalization);
    expect(phaseOfName(rules, '([unclosed')).toBe(-1);
    expect(phaseOfName('not a list', 'a')).toBe(-1);
  });

  it('returns the same answer from its cache', () => {
    const matcher = compilePhaseRules([{ phase: 'execution', pattern: 'run' }]);
    expect(matcher.match('run_1')).toBe(PHASE_CODE.execution);
    expect(matcher.match('run_1')).toBe(PHASE_CODE.execution);
  });
});

describe('phaseRuleProblems', () => {
  it('explains each unusable rule in plain words', () => {
    const problems = phaseRuleProblems([
      { phase: 'execution', pattern: '(' },
      { phase: 'nope', names: ['x'] },
      { phase: 'other' },
      'rule',
    ]);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/Rule 1: the pattern "\(" is not a valid regular expression/);
    expect(problems[1]).toMatch(/Rule 2 has an unknown phase "nope"/);
    expect(problems[2]).toMatch(/Rule 3 has neither names nor a pattern/);
    expect(problems[3]).toMatch(/Rule 4 is not a rule object/);
    expect(phaseRuleProblems({})).toEqual(['Phase rules must be a list.']);
  });
});
