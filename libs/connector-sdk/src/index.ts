export * from './lib/contract';
export * from './lib/errors';
export * from './lib/http';
export * from './lib/outbound-guard';
export * from './lib/validation';
export * from './lib/manifest';
export * from './lib/registry';
export * from './lib/not-implemented';
