/**
 * A network lives in its plugin: the apps and the domain libraries reach connectors through
 * the registry (CONNECTORS) only, so adding a network — OAuth included — needs no code there;
 * and a plugin reads no environment of its own.
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

  it('no plugin reads the environment: the platform passes its options (CONNECTOR_OPTIONS) and credentials', () => {
    const plugins = readdirSync(join(root, 'plugins')).map((name) => join(root, 'plugins', name, 'src'));
    expect(plugins.length).toBeGreaterThan(3);
    const offenders = plugins
      // Their test servers (src/test) are not the plugin: they may read the test run's environment.
      .flatMap((dir) => sources(dir).filter((file) => !relative(dir, file).startsWith('test/')))
      .filter((file) => /\bprocess\s*\.\s*env\b|\bprocess\s*\[\s*['"]env['"]\s*\]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
