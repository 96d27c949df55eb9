import type { MaturityModelContent } from './model-content';

/** One problem of a model's content, at a JSON path such as `dimensions[2].criteria[0].weight`. */
export interface ModelProblem {
  path: string;
  message: string;
}

/**
 * Bounds of a model. Levels: 2 to 10, numbered 1..n, so that three-stage
 * (Forrester, Sprout Social) and six-stage (Altimeter) models can be rebuilt
 * as well as the five-level default.
 */
export const MODEL_LIMITS = {
  minLevels: 2,
  maxLevels: 10,
  maxDimensions: 20,
  maxCriteriaPerDimension: 30,
  minScaleOptions: 2,
  maxScaleOptions: 10,
  maxTextLength: 2000,
  maxSourceLength: 200,
  maxWeight: 100,
  maxRoadmapStep: 10,
} as const;

export const MODEL_KEY_PATTERN = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;
const EVIDENCE_KEY_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks everything that makes a model usable for scoring: positive weights,
 * level thresholds strictly increasing from 0, levels numbered 1..n, unique
 * keys, scale options with unique values and scores within 0..1, evidence keys
 * the registry knows, both languages written, bounded sizes. Defensive: it
 * accepts any value and reports wrong shapes too (the JSON Schema reports them
 * first on import). Returns every problem, in document order; empty when valid.
 */
export function validateModelContent(content: unknown, knownEvidenceKey: (key: string) => boolean): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const localised = (value: unknown, path: string) => {
    if (!isObject(value)) return add(path, 'must be an object with "en" and "fr" texts');
    for (const lang of ['en', 'fr'] as const) {
      const text = value[lang];
      if (typeof text !== 'string' || text.trim() === '')
        add(`${path}.${lang}`, `must be a non-empty text (${lang === 'en' ? 'English' : 'French'})`);
      else if (text.length > MODEL_LIMITS.maxTextLength) add(`${path}.${lang}`, `must be at most ${MODEL_LIMITS.maxTextLength} characters`);
    }
    for (const extra of Object.keys(value).filter((k) => k !== 'en' && k !== 'fr'))
      add(`${path}.${extra}`, 'is not a language of the product (en, fr)');
  };
  const weight = (value: unknown, path: string) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) add(path, 'must be a number greater than 0');
    else if (value > MODEL_LIMITS.maxWeight) add(path, `must be at most ${MODEL_LIMITS.maxWeight}`);
  };
  const key = (value: unknown, path: string, seen: Map<string, string>) => {
    if (typeof value !== 'string' || !MODEL_KEY_PATTERN.test(value) || value.length > 80) {
      return add(path, 'must be a key of lower-case letters and digits, parts joined by "." or "-" (at most 80 characters)');
    }
    const first = seen.get(value);
    if (first) add(path, `"${value}" is already used at ${first}`);
    else seen.set(value, path);
  };

  if (!isObject(content)) {
    add('', 'must be an object with name, description, levels and dimensions');
    return problems;
  }
  localised(content.name, 'name');
  localised(content.description, 'description');

  // Levels: numbered 1..n in order, thresholds strictly increasing from 0.
  const levels = content.levels;
  if (!Array.isArray(levels) || levels.length < MODEL_LIMITS.minLevels || levels.length > MODEL_LIMITS.maxLevels) {
    add('levels', `must list ${MODEL_LIMITS.minLevels} to ${MODEL_LIMITS.maxLevels} levels`);
  } else {
    let previous: number | null = null;
    levels.forEach((level: unknown, i) => {
      const path = `levels[${i}]`;
      if (!isObject(level)) return add(path, 'must be an object');
      if (level.number !== i + 1) add(`${path}.number`, `must be ${i + 1}: levels are numbered 1..${levels.length} in order`);
      localised(level.name, `${path}.name`);
      localised(level.description, `${path}.description`);
      const min = level.minScore;
      if (typeof min !== 'number' || !Number.isFinite(min) || min < 0 || min > 100) {
        add(`${path}.minScore`, 'must be a number from 0 to 100');
      } else {
        if (i === 0 && min !== 0) add(`${path}.minScore`, 'must be 0: the first level starts at 0');
        if (previous !== null && min <= previous)
          add(`${path}.minScore`, `must be greater than the previous level's threshold (${previous})`);
        previous = min;
      }
    });
  }

  const dimensions = content.dimensions;
  if (!Array.isArray(dimensions) || dimensions.length < 1 || dimensions.length > MODEL_LIMITS.maxDimensions) {
    add('dimensions', `must list 1 to ${MODEL_LIMITS.maxDimensions} dimensions`);
    return problems;
  }
  const dimensionKeys = new Map<string, string>();
  const criterionKeys = new Map<string, string>();
  dimensions.forEach((dimension: unknown, d) => {
    const path = `dimensions[${d}]`;
    if (!isObject(dimension)) return add(path, 'must be an object');
    key(dimension.key, `${path}.key`, dimensionKeys);
    localised(dimension.title, `${path}.title`);
    localised(dimension.description, `${path}.description`);
    weight(dimension.weight, `${path}.weight`);
    const criteria = dimension.criteria;
    if (!Array.isArray(criteria) || criteria.length < 1 || criteria.length > MODEL_LIMITS.maxCriteriaPerDimension) {
      return add(`${path}.criteria`, `must list 1 to ${MODEL_LIMITS.maxCriteriaPerDimension} criteria`);
    }
    criteria.forEach((criterion: unknown, c) => {
      const cpath = `${path}.criteria[${c}]`;
      if (!isObject(criterion)) return add(cpath, 'must be an object');
      key(criterion.key, `${cpath}.key`, criterionKeys);
      localised(criterion.title, `${cpath}.title`);
      weight(criterion.weight, `${cpath}.weight`);
      if (
        typeof criterion.source !== 'string' ||
        criterion.source.trim() === '' ||
        criterion.source.length > MODEL_LIMITS.maxSourceLength
      ) {
        add(
          `${cpath}.source`,
          `must name the source document of the method (1 to ${MODEL_LIMITS.maxSourceLength} characters), e.g. "seed 002, step 5"`,
        );
      }
      localised(criterion.recommendation, `${cpath}.recommendation`);
      if (
        criterion.roadmapStep !== undefined &&
        (!Number.isInteger(criterion.roadmapStep) ||
          (criterion.roadmapStep as number) < 1 ||
          (criterion.roadmapStep as number) > MODEL_LIMITS.maxRoadmapStep)
      ) {
        add(`${cpath}.roadmapStep`, `must be a step of the integration roadmap, 1 to ${MODEL_LIMITS.maxRoadmapStep}`);
      }
      if (criterion.kind === 'EVIDENCE') {
        const evidenceKey = criterion.evidenceKey;
        if (typeof evidenceKey !== 'string' || !EVIDENCE_KEY_PATTERN.test(evidenceKey))
          add(`${cpath}.evidenceKey`, 'must be an evidence key such as "policies.fourKindsApproved"');
        else if (!knownEvidenceKey(evidenceKey))
          add(`${cpath}.evidenceKey`, `"${evidenceKey}" is not an evidence key this platform computes`);
        const practiceKey = criterion.practiceEvidenceKey;
        if (practiceKey !== undefined) {
          if (typeof practiceKey !== 'string' || !EVIDENCE_KEY_PATTERN.test(practiceKey))
            add(`${cpath}.practiceEvidenceKey`, 'must be an evidence key such as "community.listeningPractice"');
          else if (practiceKey === evidenceKey)
            add(`${cpath}.practiceEvidenceKey`, 'must differ from evidenceKey: practice is measured apart from set-up');
          else if (!knownEvidenceKey(practiceKey))
            add(`${cpath}.practiceEvidenceKey`, `"${practiceKey}" is not an evidence key this platform computes`);
        }
        const cap = criterion.setupCap;
        if (cap !== undefined) {
          if (typeof cap !== 'number' || !Number.isFinite(cap) || cap < 0 || cap > 1)
            add(`${cpath}.setupCap`, 'must be a number from 0 to 1');
          else if (practiceKey === undefined)
            add(`${cpath}.setupCap`, 'needs a practiceEvidenceKey: the cap applies to set-up without practice');
        }
      } else if (criterion.kind === 'DECLARATIVE') {
        for (const field of ['practiceEvidenceKey', 'setupCap'] as const)
          if (criterion[field] !== undefined) add(`${cpath}.${field}`, 'is only for criteria of kind EVIDENCE');
        localised(criterion.question, `${cpath}.question`);
        const scale = criterion.scale;
        if (!Array.isArray(scale) || scale.length < MODEL_LIMITS.minScaleOptions || scale.length > MODEL_LIMITS.maxScaleOptions) {
          return add(`${cpath}.scale`, `must list ${MODEL_LIMITS.minScaleOptions} to ${MODEL_LIMITS.maxScaleOptions} options`);
        }
        const values = new Map<number, number>();
        scale.forEach((option: unknown, o) => {
          const opath = `${cpath}.scale[${o}]`;
          if (!isObject(option)) return add(opath, 'must be an object');
          if (typeof option.value !== 'number' || !Number.isInteger(option.value)) add(`${opath}.value`, 'must be an integer');
          else if (values.has(option.value))
            add(`${opath}.value`, `${option.value} is already the value of option ${values.get(option.value)}`);
          else values.set(option.value, o);
          if (typeof option.score !== 'number' || !Number.isFinite(option.score) || option.score < 0 || option.score > 1)
            add(`${opath}.score`, 'must be a number from 0 to 1');
          localised(option.label, `${opath}.label`);
          localised(option.meaning, `${opath}.meaning`);
        });
      } else {
        add(`${cpath}.kind`, 'must be DECLARATIVE or EVIDENCE');
      }
    });
  });
  return problems;
}

/** Narrows after validation: content with no problems is a model. */
export function isValidModelContent(content: unknown, knownEvidenceKey: (key: string) => boolean): content is MaturityModelContent {
  return validateModelContent(content, knownEvidenceKey).length === 0;
}

/** The evidence keys a model reads: set-up and practice keys. */
export function evidenceKeysOf(content: MaturityModelContent): string[] {
  const keys = new Set<string>();
  for (const d of content.dimensions)
    for (const c of d.criteria)
      if (c.kind === 'EVIDENCE') {
        keys.add(c.evidenceKey);
        if (c.practiceEvidenceKey) keys.add(c.practiceEvidenceKey);
      }
  return [...keys].sort();
}
