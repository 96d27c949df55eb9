#!/usr/bin/env node
/**
 * Compiles what the production image runs (the API, the worker, the database CLI, every lib and plugin) from
 * TypeScript to CommonJS with SWC, the same transform the tests and `npm start` use (.swcrc: decorator metadata),
 * into `<dest>` with the repository's layout (apps/api/src/main.js, libs/platform/config/src/index.js…), so paths
 * the code computes from its own location (the console's build next to the API) hold. Specs, test helpers,
 * fixtures, the demo and the benchmarks are left out. Each workspace package gets its package.json with `main`
 * pointing at the compiled entry.
 *
 * usage: node infra/docker/compile.js <repository> <dest>
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [repoArg, destArg] = process.argv.slice(2);
if (!repoArg || !destArg) {
  process.stderr.write('usage: node infra/docker/compile.js <repository> <dest>\n');
  process.exit(2);
}
const repo = path.resolve(repoArg);
const dest = path.resolve(destArg);
const swc = require(require.resolve('@swc/core', { paths: [repo] }));

/**
 * The workspace packages the processes load: those the code imports by name (tsconfig.base.json `paths`, whose
 * targets are `<package>/src/index.ts`), less the tests' own (libs/testing and the SDK's testing entry).
 */
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(repo, 'tsconfig.base.json'), 'utf8'));
const PACKAGES = [
  ...new Set(
    Object.entries(compilerOptions.paths)
      .filter(([alias]) => alias !== '@socle/testing' && !alias.endsWith('/testing'))
      .map(([, [target]]) => target.replace(/\/src\/.*$/, '')),
  ),
]
  // A package with no entry yet (being written) cannot be imported: nothing to ship. If a process needs it, it fails to start.
  .filter((pkg) => fs.existsSync(path.join(repo, pkg, JSON.parse(fs.readFileSync(path.join(repo, pkg, 'package.json'), 'utf8')).main)))
  .sort();

/** Folders that hold tests, their helpers and fixtures, or development-only tools. */
const SKIPPED_DIRS = new Set(['test', 'testing', '__tests__', 'fixtures', 'files']);
/** Development-only parts of apps/api/src/cli: the demo (data, seed, network stand-in) and the schema printer. */
const SKIPPED_PATHS = new Set(['apps/api/src/cli/demo', 'apps/api/src/cli/seed-demo.ts', 'apps/api/src/cli/print-schema.ts']);
const TEST_FILE = /\.(spec|int-spec|e2e-spec|growth-spec|bench)\.ts$/;

function sources(dir, found = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (SKIPPED_PATHS.has(path.relative(repo, full))) continue;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) sources(full, found);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !TEST_FILE.test(entry.name)) {
      found.push(full);
    } else if (entry.name.endsWith('.json')) {
      found.push(full); // JSON imported by the code (a JSON Schema, for example)
    }
  }
  return found;
}

const swcrc = JSON.parse(fs.readFileSync(path.join(repo, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const options = { ...swcrc, swcrc: false, sourceMaps: true, inlineSourcesContent: false };

async function main() {
  let count = 0;
  for (const pkg of PACKAGES) {
    const manifest = JSON.parse(fs.readFileSync(path.join(repo, pkg, 'package.json'), 'utf8'));
    const files = sources(path.join(repo, pkg, 'src'));
    await Promise.all(
      files.map(async (file) => {
        const relative = path.relative(repo, file);
        const out = path.join(dest, relative);
        fs.mkdirSync(path.dirname(out), { recursive: true });
        if (file.endsWith('.json')) return fs.copyFileSync(file, out);
        const js = out.replace(/\.ts$/, '.js');
        const { code, map } = await swc.transformFile(file, { ...options, filename: file, sourceFileName: path.basename(file) });
        fs.writeFileSync(js, `${code}\n//# sourceMappingURL=${path.basename(js)}.map\n`);
        if (map) fs.writeFileSync(`${js}.map`, map);
        count++;
      }),
    );
    const compiled = {
      name: manifest.name,
      version: manifest.version ?? '0.0.0',
      private: true,
      main: manifest.main.replace(/\.ts$/, '.js'),
    };
    if (!fs.existsSync(path.join(dest, pkg, compiled.main))) throw new Error(`${pkg}: its entry ${compiled.main} was not compiled`);
    fs.writeFileSync(path.join(dest, pkg, 'package.json'), `${JSON.stringify(compiled, null, 2)}\n`);
  }
  process.stdout.write(`compiled ${count} files of ${PACKAGES.length} packages into ${dest}\n`);
  process.stdout.write(
    `${PACKAGES.map((pkg) => JSON.parse(fs.readFileSync(path.join(dest, pkg, 'package.json'), 'utf8')).name + ' ' + pkg).join('\n')}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`compile: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
