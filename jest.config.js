// One Jest run for the whole monorepo: unit specs, integration specs against the
// real PostgreSQL and Redis, and end-to-end specs. The global setup creates a
// throw-away database (and drops it afterwards), so suites never share state
// with the demo platform or with another run. The growth measurements
// (`*.growth-spec.ts`) run apart, alone: see jest.growth.config.js.
const { compilerOptions } = require('./tsconfig.base.json');
const swcrc = JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace(/\//g, '\\/')}$`] = `<rootDir>/${target}`;
}

/**
 * Jest matches these patterns against absolute paths: a bare '/tmp/' also matched a
 * checkout that lives under some folder named tmp (/tmp/…, ~/tmp/…) and found no test.
 * Anchored to the project root, only folders inside the project are skipped.
 */
function ignoredUnder(root) {
  const base = `^${root.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}/(?:.*/)?`;
  return ['node_modules', 'files', 'tmp'].map((folder) => `${base}${folder}/`);
}

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/{apps,libs,plugins,test,tools}/**/*.{spec,int-spec,e2e-spec}.ts'],
  testPathIgnorePatterns: ignoredUnder(__dirname),
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
  // A worker that ran many suites was seen at 4.5 GB, collecting garbage more than it ran tests (browser and
  // cross-tenant suites then timed out): past 2 GB after a test file, it is replaced by a fresh one.
  workerIdleMemoryLimit: '2GB',
};
