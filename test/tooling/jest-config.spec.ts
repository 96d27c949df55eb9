import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/**
 * The project's Jest configuration, copied into a checkout under a folder named
 * `tmp` (as a clone in /tmp/… or ~/tmp/… is), asked by Jest itself which tests it
 * would run.
 */
describe('jest.config.js', () => {
  let base: string;
  let project: string;

  beforeAll(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'socle-jest-config-')));
    project = join(base, 'tmp', 'socle-clone');
    const files: Record<string, string> = {
      'libs/testing/src/global-setup.ts': 'export default async function globalSetup(): Promise<void> {}\n',
      'libs/testing/src/global-teardown.ts': 'export default async function globalTeardown(): Promise<void> {}\n',
      'libs/a/src/a.spec.ts': '',
      'test/e2e/b.e2e-spec.ts': '',
      'test/isolation/c.int-spec.ts': '',
      // Inside the project, these folders are still skipped.
      'tmp/scratch.spec.ts': '',
      'libs/a/tmp/scratch.spec.ts': '',
      'libs/a/node_modules/dep/dep.spec.ts': '',
      'libs/connector-sdk/generators/plugin/files/template.spec.ts': '',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), text);
    }
    for (const file of ['jest.config.js', 'tsconfig.base.json', '.swcrc']) copyFileSync(join(ROOT, file), join(project, file));
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  });
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('finds the tests of a checkout that lives under a folder named tmp, and still skips tmp, node_modules and files inside it', () => {
    const output = execFileSync(process.execPath, [require.resolve('jest/bin/jest'), '--listTests', '--json'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, JEST_WORKER_ID: undefined },
      timeout: 60_000,
    });
    const listed = (JSON.parse(output) as string[]).map((file) => file.slice(project.length + 1)).sort();
    expect(listed).toEqual(['libs/a/src/a.spec.ts', 'test/e2e/b.e2e-spec.ts', 'test/isolation/c.int-spec.ts']);
  });
});
