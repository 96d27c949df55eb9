/**
 * Checks on a manifest and on the operations a connector offers, shared by the
 * registry (refuses a broken plugin at start-up) and the conformance suite.
 */
import type { AuthKind, Capabilities, Connector, ConnectorManifest, LengthCounting, OperationName, PublishRateWindow } from './contract';

export const AUTH_KINDS: readonly AuthKind[] = ['oauth2', 'app-password', 'access-token', 'none'];
export const LENGTH_COUNTINGS: readonly LengthCounting[] = ['graphemes', 'code-points-urls-as-23', 'code-points'];
export const CAPABILITY_NAMES: readonly (keyof Capabilities)[] = [
  'publish',
  'media',
  'threads',
  'reply',
  'delete',
  'mentions',
  'search',
  'comments',
  'metrics',
];
/** Capabilities a manifest may leave out (absent means false). */
export const OPTIONAL_CAPABILITY_NAMES: readonly (keyof Capabilities)[] = ['findPublished', 'accountMetrics', 'targets'];

/** Which operation each capability requires. `media` and `threads` ride on `publish`. */
export const CAPABILITY_OPERATIONS: Readonly<Record<keyof Capabilities, OperationName>> = {
  publish: 'publish',
  media: 'publish',
  threads: 'publish',
  reply: 'reply',
  delete: 'delete',
  mentions: 'fetchMentions',
  search: 'fetchMentions',
  comments: 'fetchComments',
  metrics: 'fetchMetrics',
  findPublished: 'findPublished',
  accountMetrics: 'fetchAccountMetrics',
  targets: 'listTargets',
};

/** Auth kinds whose credentials can be refreshed without the user (OAuth refresh token, app-password session). */
export const REFRESHABLE_AUTH_KINDS: readonly AuthKind[] = ['oauth2', 'app-password'];

const isPositiveInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;
const isNonNegativeInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Every problem with a manifest, as readable sentences. Empty when it is well formed. */
export function validateManifest(manifest: unknown): string[] {
  if (!manifest || typeof manifest !== 'object') return ['the manifest is missing or not an object'];
  const m = manifest as Partial<ConnectorManifest>;
  const problems: string[] = [];
  if (typeof m.id !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(m.id)) {
    problems.push(`id must be lowercase letters, digits or dashes, starting with a letter (got ${JSON.stringify(m.id)})`);
  }
  if (typeof m.displayName !== 'string' || !m.displayName.trim()) problems.push('displayName must be a non-empty string');
  if (!AUTH_KINDS.includes(m.authKind as AuthKind)) {
    problems.push(`authKind must be one of ${AUTH_KINDS.join(', ')} (got ${JSON.stringify(m.authKind)})`);
  }
  if (!m.capabilities || typeof m.capabilities !== 'object') {
    problems.push('capabilities must be an object of booleans');
  } else {
    for (const name of CAPABILITY_NAMES) {
      if (typeof m.capabilities[name] !== 'boolean') problems.push(`capabilities.${name} must be true or false`);
    }
    if (m.capabilities.media && !m.capabilities.publish) problems.push('capabilities.media needs capabilities.publish');
    if (m.capabilities.threads && !m.capabilities.publish) problems.push('capabilities.threads needs capabilities.publish');
    for (const name of OPTIONAL_CAPABILITY_NAMES) {
      const value = m.capabilities[name];
      if (value !== undefined && typeof value !== 'boolean') problems.push(`capabilities.${name} must be true or false when set`);
    }
    if (m.capabilities.findPublished && !m.capabilities.publish) problems.push('capabilities.findPublished needs capabilities.publish');
  }
  if (
    m.defaultServiceUrl !== undefined &&
    !(typeof m.defaultServiceUrl === 'string' && /^https?:\/\/[^\s/?#]+[^\s]*$/.test(m.defaultServiceUrl))
  ) {
    problems.push('defaultServiceUrl must be an http(s) URL when set');
  }
  if (m.articles !== undefined && typeof m.articles !== 'boolean') problems.push('articles must be a boolean when set');
  if (!m.text || typeof m.text !== 'object') {
    problems.push('text limits are missing');
  } else {
    const listeningOnly = m.capabilities?.publish === false;
    if (!(isPositiveInteger(m.text.maxLength) || (listeningOnly && m.text.maxLength === 0))) {
      problems.push(`text.maxLength must be a positive integer${listeningOnly ? ' (or 0 for a listening-only connector)' : ''}`);
    }
    if (!LENGTH_COUNTINGS.includes(m.text.counting)) problems.push(`text.counting must be one of ${LENGTH_COUNTINGS.join(', ')}`);
    if (m.text.maxBytes !== undefined && !isPositiveInteger(m.text.maxBytes))
      problems.push('text.maxBytes must be a positive integer when set');
  }
  if (!m.media || typeof m.media !== 'object') {
    problems.push('media limits are missing');
  } else {
    if (!isNonNegativeInteger(m.media.maxCount)) problems.push('media.maxCount must be an integer >= 0');
    if (!isNonNegativeInteger(m.media.maxBytes)) problems.push('media.maxBytes must be an integer >= 0');
    if (!Array.isArray(m.media.types) || m.media.types.some((type) => typeof type !== 'string' || !/^[a-z]+\/[a-z0-9.+-]+$/i.test(type))) {
      problems.push('media.types must be a list of MIME types such as image/jpeg');
    }
    if (m.options !== undefined) problems.push(...optionSpecProblems(m.options));
    if (m.media.delivery !== undefined && m.media.delivery !== 'bytes' && m.media.delivery !== 'url') {
      problems.push("media.delivery must be 'bytes' or 'url'");
    }
    if (m.capabilities?.media && (m.media.maxCount === 0 || !m.media.types?.length)) {
      problems.push('capabilities.media is true but media.maxCount or media.types allow nothing');
    }
  }
  if (!m.rateLimit || typeof m.rateLimit !== 'object') {
    problems.push('rateLimit hints are missing');
  } else {
    if (!isPositiveInteger(m.rateLimit.requests)) problems.push('rateLimit.requests must be a positive integer');
    if (!isPositiveInteger(m.rateLimit.windowSeconds)) problems.push('rateLimit.windowSeconds must be a positive integer');
    const publish = m.rateLimit.publish;
    if (publish !== undefined) {
      if (!Array.isArray(publish) || publish.length === 0)
        problems.push('rateLimit.publish must be a non-empty list of { limit, windowSeconds } when set');
      else {
        publish.forEach((window, index) => {
          if (!isPositiveInteger(window?.limit) || !isPositiveInteger(window?.windowSeconds)) {
            problems.push(`rateLimit.publish[${index}] must have a positive integer limit and windowSeconds`);
          }
        });
      }
    }
  }
  return problems;
}

/**
 * The per-account publishing windows to enforce for this network: `rateLimit.publish`, or
 * `rateLimit.requests` per `rateLimit.windowSeconds` when the manifest gives none.
 */
export function publishRateWindows(manifest: Pick<ConnectorManifest, 'rateLimit'>): PublishRateWindow[] {
  const publish = manifest.rateLimit.publish;
  if (publish?.length) return publish.map(({ limit, windowSeconds }) => ({ limit, windowSeconds }));
  return [{ limit: manifest.rateLimit.requests, windowSeconds: manifest.rateLimit.windowSeconds }];
}

/** Problems between the manifest's capabilities and the operations the connector has. */
export function validateOperations(connector: Connector): string[] {
  const problems: string[] = [];
  const capabilities = connector.manifest?.capabilities;
  if (!capabilities) return problems;
  if (typeof connector.authorize !== 'function') problems.push('authorize is missing');
  if (typeof connector.validate !== 'function') problems.push('validate is missing');
  const names = [...CAPABILITY_NAMES, ...OPTIONAL_CAPABILITY_NAMES];
  for (const name of names) {
    const operation = CAPABILITY_OPERATIONS[name];
    if (capabilities[name] && typeof connector[operation] !== 'function') {
      problems.push(`capabilities.${name} is true but ${operation} is missing`);
    }
  }
  for (const operation of new Set(Object.values(CAPABILITY_OPERATIONS))) {
    const declared = names.some((name) => CAPABILITY_OPERATIONS[name] === operation && capabilities[name]);
    if (!declared && typeof connector[operation] === 'function') {
      problems.push(`${operation} is present but no capability declares it`);
    }
  }
  return problems;
}

const OPTION_TYPES = ['string', 'text', 'url', 'date-time', 'boolean', 'number', 'enum'];

/** What is wrong with a manifest's `options` (names unique and well formed, each type's own fields sound). */
export function optionSpecProblems(options: unknown): string[] {
  if (!Array.isArray(options)) return ['options must be a list'];
  if (options.length > 50) return ['options lists at most 50 settings'];
  const problems: string[] = [];
  const names = new Set<string>();
  options.forEach((spec, index) => {
    const at = `options[${index}]`;
    if (!spec || typeof spec !== 'object') return void problems.push(`${at} must be an object`);
    const o = spec as Record<string, unknown>;
    if (typeof o.name !== 'string' || !/^[a-zA-Z][a-zA-Z0-9]{0,39}$/.test(o.name))
      problems.push(`${at}.name must be a letter then letters or digits (40 at most)`);
    else if (names.has(o.name)) problems.push(`${at}.name ${o.name} is given twice`);
    else names.add(o.name);
    if (!OPTION_TYPES.includes(o.type as string)) problems.push(`${at}.type must be one of ${OPTION_TYPES.join(', ')}`);
    if (typeof o.label !== 'string' || !o.label.trim() || o.label.length > 80) problems.push(`${at}.label must be a short text`);
    if (o.type === 'enum' && (!Array.isArray(o.values) || o.values.length === 0 || o.values.some((v) => typeof v !== 'string' || !v))) {
      problems.push(`${at}.values must list the accepted values`);
    }
    if (o.maxLength !== undefined && !(Number.isSafeInteger(o.maxLength) && (o.maxLength as number) > 0))
      problems.push(`${at}.maxLength must be a positive integer`);
    for (const bound of ['min', 'max'] as const) {
      if (o[bound] !== undefined && !Number.isFinite(o[bound])) problems.push(`${at}.${bound} must be a number`);
    }
    if (o.body !== undefined && !(o.body === false || (o.body === true && (o.type === 'string' || o.type === 'text'))))
      problems.push(`${at}.body must be a boolean, true only on a string or text option`);
  });
  return problems;
}
