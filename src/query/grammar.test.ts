import {
  logqlStrings,
  logqlSyntaxIssues,
  traceqlQuotedAttributeNames,
  traceqlStrings,
  traceqlSyntaxIssues,
} from './grammar';

describe("Grafana's grammars as validators", () => {
  it('report error positions in invalid queries', () => {
    expect(traceqlSyntaxIssues('{span.x = "a"}')).toEqual([]);
    expect(traceqlSyntaxIssues('{correlation_id="x"}')[0]?.from).toBe(1);
    expect(traceqlSyntaxIssues('{span.x = "a\\nb"}').length).toBeGreaterThan(0);
    expect(logqlSyntaxIssues('{a="b"} |= "x"')).toEqual([]);
    expect(logqlSyntaxIssues('{a="b\nc"}').length).toBeGreaterThan(0);
  });

  it('list string tokens with their raw text', () => {
    expect(traceqlStrings('{span.x = "a" && span.y = `b`}').map((t) => t.raw)).toEqual(['"a"', '`b`']);
    expect(logqlStrings('{a="b"} |= "c"').map((t) => t.raw)).toEqual(['"b"', '"c"']);
    expect(traceqlQuotedAttributeNames('{span."my key" = "v" && .plain = "w"}')).toEqual(['"my key"']);
  });
});
