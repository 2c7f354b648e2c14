// The query core is the only code that writes TraceQL or LogQL: other app code must call the builders, so that
// escaping and scoping are done in one place. This scans the app's sources (tests excluded) for query syntax.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const SRC = join(__dirname, '..');
const QUERY_SYNTAX: RegExp[] = [
  /\{\s*\.?(span|resource)?\.[A-Za-z_][\w.]*\s*(=|!=|=~|!~)\s*["`$]/, // TraceQL spanset condition
  /\|\s*select\(/, // TraceQL select
  /\|[=~]\s*["`]/, // LogQL line filter
  /\{\s*\w+\s*(=~?|!=)\s*["`$]/, // LogQL stream selector
  /\|\s*(logfmt|json)\b/, // LogQL parsers
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return path === __dirname ? [] : sources(path);
    }
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Lines of source text that look like they write a query (comments are skipped). */
function queryLines(text: string): number[] {
  return text
    .split('\n')
    .flatMap((line, i) =>
      !/^\s*(\/\/|\*|\/\*)/.test(line) && QUERY_SYNTAX.some((re) => re.test(line)) ? [i + 1] : []
    );
}

describe('query ownership', () => {
  it('recognises hand-written queries and leaves ordinary code alone', () => {
    const sample = [
      'const q = `{span.correlation_id="${id}"}`;',
      'const e = \'{service_name=~"tasker-.*"} |= "x"\';',
      'const t = `${base} | select(span.task_uuid)`;',
      'const style = { width: 1 };',
      '// {span.x = "documented"}',
      'if (a === b) { return c; }',
    ].join('\n');
    expect(queryLines(sample)).toEqual([1, 2, 3]);
  });

  it('no app source outside src/query writes TraceQL or LogQL', () => {
    const offenders = sources(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n');
      return queryLines(text).map((n) => `${relative(SRC, file)}:${n}: ${lines[n - 1].trim()}`);
    });
    expect(offenders).toEqual([]);
  });
});
