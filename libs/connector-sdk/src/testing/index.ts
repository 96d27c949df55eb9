export * from './conformance';
export * from './loopback-server';
