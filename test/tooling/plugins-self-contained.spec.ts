/**
 * A network lives in its plugin: the apps and the domain libraries reach connectors through
 * the registry (CONNECTORS) only, so adding a network — OAuth included — needs no code there.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name) ? [path] : [];
  });
}

describe('plugins are self-contained', () => {
  it('no production code of the apps or the domain libraries imports a plugin', () => {
    const offenders = [...sources(join(root, 'apps')), ...sources(join(root, 'libs/domain'))]
      .filter((file) => /from ['"]@socle\/plugin-|require\(['"]@socle\/plugin-/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
