import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import type { MaturityModelContent } from './model-content';
import schema from './maturity-model.schema.json';
import { ModelProblem, validateModelContent } from './validate-content';

/** The published JSON Schema (draft 2020-12) of the export format. */
export const MATURITY_MODEL_SCHEMA: Readonly<Record<string, unknown>> = schema;
export const MATURITY_MODEL_SCHEMA_ID = schema.$id;
export const MATURITY_MODEL_FORMAT = 'socle.maturity-model';
export const MATURITY_MODEL_FORMAT_VERSION = 1;
/** Largest export accepted on import (characters of JSON). */
export const MAX_MODEL_JSON_LENGTH = 1_000_000;

export interface MaturityModelExport {
  $schema: string;
  format: typeof MATURITY_MODEL_FORMAT;
  formatVersion: typeof MATURITY_MODEL_FORMAT_VERSION;
  model: MaturityModelContent;
}

// Strict about the schema itself, except for `required` inside if/then branches (the properties are declared once, at the top).
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
ajv.addSchema(schema);
const validateExport = ajv.getSchema(schema.$id) as ValidateFunction;
const validateContent = ajv.getSchema(`${schema.$id}#/$defs/MaturityModelContent`) as ValidateFunction;

/** `/model/dimensions/2/criteria/0/weight` → `model.dimensions[2].criteria[0].weight`. */
function pathOf(pointer: string, extra?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'is not a property of this format';
    case 'const':
      return `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`;
    case 'enum':
      return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'false schema':
      return 'is not allowed for this kind of criterion';
    case 'pattern':
      return error.instancePath.endsWith('/en') || error.instancePath.endsWith('/fr')
        ? 'must not be blank'
        : `does not have the expected form (${(error.params as { pattern: string }).pattern})`;
    default:
      return error.message ?? 'is invalid';
  }
}

/** Schema errors as problems with JSON paths, without the noise of `if` branches, one per path and message. */
function schemaProblems(errors: ErrorObject[] | null | undefined): ModelProblem[] {
  const out: ModelProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    if (error.keyword === 'if') continue;
    const extra =
      error.keyword === 'required'
        ? (error.params as { missingProperty: string }).missingProperty
        : error.keyword === 'additionalProperties'
          ? (error.params as { additionalProperty: string }).additionalProperty
          : error.keyword === 'unevaluatedProperties'
            ? (error.params as { unevaluatedProperty: string }).unevaluatedProperty
            : undefined;
    const problem = { path: pathOf(error.instancePath, extra), message: messageOf(error) };
    // One problem per path: the first the schema finds (e.g. "must not be blank" rather than also "too short").
    if (!seen.has(problem.path)) {
      seen.add(problem.path);
      out.push(problem);
    }
  }
  return out;
}

/**
 * Schema problems, then the rules' problems at other paths: every problem of
 * the document in one answer, one per path.
 */
function merged(schemaFound: ModelProblem[], ruleFound: ModelProblem[]): ModelProblem[] {
  const paths = new Set(schemaFound.map((p) => p.path));
  const covered = (path: string) => [...paths].some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`) || p === '');
  return [...schemaFound, ...ruleFound.filter((p) => !covered(p.path))];
}

/** Prefixes problem paths (`input.content` + `dimensions[0].weight`). */
export function underPath(prefix: string, problems: ModelProblem[]): ModelProblem[] {
  return problems.map((p) => ({ path: p.path ? `${prefix}.${p.path}` : prefix, message: p.message }));
}

/**
 * Checks model content (as given to updateMaturityModelDraft): the schema's
 * shape first, then the rules a schema cannot say.
 */
export function checkModelContent(content: unknown, knownEvidenceKey: (key: string) => boolean): ModelProblem[] {
  const rules = validateModelContent(content, knownEvidenceKey);
  return validateContent(content) ? rules : merged(schemaProblems(validateContent.errors), rules);
}

export function exportModel(content: MaturityModelContent): string {
  const doc: MaturityModelExport = {
    $schema: MATURITY_MODEL_SCHEMA_ID,
    format: MATURITY_MODEL_FORMAT,
    formatVersion: MATURITY_MODEL_FORMAT_VERSION,
    model: content,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Parses and checks an export; problems name paths inside the document (`model.levels[1].minScore`). */
export function parseModelExport(
  json: string,
  knownEvidenceKey: (key: string) => boolean,
): { model: MaturityModelContent } | { problems: ModelProblem[] } {
  if (json.length > MAX_MODEL_JSON_LENGTH)
    return { problems: [{ path: '', message: `is longer than ${MAX_MODEL_JSON_LENGTH} characters` }] };
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    return { problems: [{ path: '', message: `is not valid JSON (${error instanceof Error ? error.message : 'parse error'})` }] };
  }
  const model = (doc as Partial<MaturityModelExport> | null)?.model;
  const rules = underPath('model', validateModelContent(model, knownEvidenceKey));
  if (!validateExport(doc)) return { problems: merged(schemaProblems(validateExport.errors), rules) };
  return rules.length ? { problems: rules } : { model: model as MaturityModelContent };
}
