export * from './conformance';
export * from './loopback-server';
export * from './linear-time';
export * from './png';
