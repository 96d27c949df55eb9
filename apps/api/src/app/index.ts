// What tests and tools outside the app may use.
export { createApp, httpRoutesOf, HttpRoute } from './create-app';
export { printSortedSchema } from './schema-file';
