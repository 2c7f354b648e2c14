// Grafana replaces `$name`, `${name...}` and `[[name]]` in every query it runs through a datasource (and in Explore),
// so a user value must never put one of these shapes into a generated query.

const VARIABLE_SHAPE = /\$[A-Za-z0-9_{]|\[\[/;

/** True when `text` holds something Grafana's template service could read as a variable reference. */
export function hasTemplateVariableShape(text: string): boolean {
  return VARIABLE_SHAPE.test(text);
}
