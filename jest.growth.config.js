// The growth measurements: how CPU time grows with the size of hostile input, for every parser of remote input
// (`*.growth-spec.ts`, measured with `growthRatio`). They run on their own, one file after the other, before the
// main run: a ratio measured beside end-to-end suites and browsers competing for the same two cores and caches
// reads the machine's load, not the parser. No database: they are pure computations.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/{apps,libs,plugins,test,tools}/**/*.growth-spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  maxWorkers: 1,
};
