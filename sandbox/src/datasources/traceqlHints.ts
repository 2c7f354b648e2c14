import { parser } from '@grafana/lezer-traceql';

/** A TraceQL query without its trailing `with (...)` hints, and the hints (name → raw value). */
export interface HintedQuery {
  query: string;
  hints: Record<string, string>;
}

/**
 * Splits off TraceQL query hints (`{...} | select(...) with (most_recent=true)`), which Tempo 2.6+ reads and
 * Grafana's grammar parses as `WithHint`. The sandbox's evaluator then sees the query proper.
 */
export function splitHints(query: string): HintedQuery {
  const hints: Record<string, string> = {};
  let cut = -1;
  parser.parse(query).iterate({
    enter(node) {
      if (node.name === 'WithHint' && cut === -1) {
        cut = node.from;
      }
      if (node.name === 'HintParameter') {
        const text = query.slice(node.from, node.to);
        const eq = text.indexOf('=');
        if (eq > 0) {
          hints[text.slice(0, eq).trim()] = text.slice(eq + 1).trim();
        }
      }
    },
  });
  return cut === -1 ? { query, hints } : { query: query.slice(0, cut).trimEnd(), hints };
}
