import { parseArgs } from './args';

describe('parseArgs', () => {
  it('has the defaults of the compose service and a printed random seed', () => {
    expect(parseArgs([], () => 99)).toEqual({
      shape: 'both',
      rate: 0.5,
      durationSeconds: 60,
      seed: 99,
      backfillSeconds: 0,
      help: false,
    });
  });

  it('reads every option', () => {
    const o = parseArgs([
      '--shape',
      'tasker-core',
      '--rate',
      '2',
      '--duration',
      'forever',
      '--seed',
      '7',
      '--backfill',
      '300',
      '--namespaces',
      'payments,ecommerce',
      '--failure-rate',
      '0.2',
      '--slow-rate',
      '0',
    ]);
    expect(o).toMatchObject({
      shape: 'tasker-core',
      rate: 2,
      durationSeconds: Infinity,
      seed: 7,
      backfillSeconds: 300,
      namespaces: ['payments', 'ecommerce'],
      failureRate: 0.2,
      slowRate: 0,
    });
    expect(parseArgs(['--out', 'fx', '--duration', '30', '--start', '2026-11-26T06:00:00Z'])).toMatchObject({
      outDir: 'fx',
      durationSeconds: 30,
      startMs: Date.UTC(2026, 10, 26, 6),
    });
    expect(parseArgs(['--start', '1795672800000']).startMs).toBe(1795672800000);
  });

  it.each([
    [['--shape', 'jaeger'], /--shape must be documented, tasker-core or both/],
    [['--rate', '0'], /--rate needs a number between/],
    [['--rate', 'fast'], /--rate needs a number/],
    [['--duration'], /--duration needs a value/],
    [['--seed', '1.5'], /--seed needs an integer/],
    [['--namespaces', 'payments,nope'], /unknown nope/],
    [['--out', 'fx', '--duration', 'forever'], /--out needs a finite --duration/],
    [['--start', 'yesterday'], /--start needs an ISO time/],
    [['--verbose'], /Unknown option "--verbose"/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(message);
  });
});
