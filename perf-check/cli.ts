// `npm run perf-check -- …`: task performance figures from Tempo or task files, compared with a baseline.
import { perfCheck } from './perfCheck';

perfCheck(process.argv.slice(2)).then(
  (r) => {
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.exitCode;
  },
  (e: unknown) => {
    process.stderr.write(
      `perf-check: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
    );
    process.exitCode = 2;
  }
);
