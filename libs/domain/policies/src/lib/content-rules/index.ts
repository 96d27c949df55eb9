export * from './types';
export {
  check,
  checkContent,
  compileContentPolicy,
  CompiledContentPolicy,
  InvalidContentRulesError,
  OTHER_FORM_PRONOUNS,
} from './content-policy';
export { validateRules } from './validate-rules';
export { measureText, measureUtf8, type Measure } from './text-length';
export { normaliseForMatching } from './normalise';
