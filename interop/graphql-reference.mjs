// graphql-js 16, the reference implementation, on the simulated community's schema: what it says of each request
// the gateway is checked against (parse, validate, then coerce the chosen operation's variables).
// Input (stdin, JSON): { sdl, cases: [{ query, variables, operationName }] }.
// Output (stdout, JSON): { version, results: [{ phase: "parse" | "validate" | "variables" | "ok", errors: [{ message, locations }] }] }.
import { buildSchema, parse, validate, getOperationAST, getVariableValues, version } from 'graphql16';

const input = JSON.parse(await new Promise(resolve => {
  let text = '';
  process.stdin.on('data', chunk => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));

const schema = buildSchema(input.sdl);
const shown = errors => errors.map(e => ({ message: e.message, locations: (e.locations ?? []).map(l => [l.line, l.column]) }));
const results = input.cases.map(({ query, variables, operationName }) => {
  let document;
  try {
    document = parse(query);
  } catch (error) {
    return { phase: 'parse', errors: shown([error]) };
  }

  const invalid = validate(schema, document);
  if (invalid.length > 0) {
    return { phase: 'validate', errors: shown(invalid) };
  }

  const operation = getOperationAST(document, operationName ?? undefined);
  const coerced = operation ? getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}) : { errors: [] };
  return coerced.errors?.length ? { phase: 'variables', errors: shown(coerced.errors) } : { phase: 'ok', errors: [] };
});

process.stdout.write(JSON.stringify({ version, results }));
