export * from './lib/content-rules';
