import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/**
 * Messages of the syntax rules for a source text placed at `path` (the file need
 * not exist). ESLint runs in a child process: its flat config is an ES module,
 * which Jest's module system cannot load.
 */
function syntaxErrors(path: string, code: string): string[] {
  const run = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', resolve(ROOT, path), '--format', 'json'],
    {
      cwd: ROOT,
      input: code,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; line: number; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${m.line}: ${m.message}`);
}

/**
 * The tenant of a repository comes from its `OrganizationUnitOfWork`: lint
 * refuses an organisation id parameter in repository files and a cast to the
 * proven type anywhere in domain code.
 */
describe('lint: repositories read the tenant from their unit of work', () => {
  const repository = `import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
export class ProbeRepository {
  find(uow: UnitOfWork, organizationId: string): unknown {
    return [uow, organizationId];
  }
  withDefault(uow: UnitOfWork, orgId = ''): unknown {
    return [uow, orgId];
  }
  destructured(uow: UnitOfWork, { organizationId }: { organizationId: string }): unknown {
    return [uow, organizationId];
  }
  cast(uow: UnitOfWork): OrganizationUnitOfWork {
    return uow as unknown as OrganizationUnitOfWork;
  }
  fine(uow: OrganizationUnitOfWork, id: string): unknown {
    return [uow.organizationId, id];
  }
}
`;

  it('refuses an organisation id parameter in a repository, in every form, and a cast to OrganizationUnitOfWork', () => {
    const errors = syntaxErrors('libs/domain/strategy/src/lib/probe.repository.ts', repository);
    expect(errors.map((e) => e.split(':')[0])).toEqual(['3', '6', '9', '13']);
    expect(errors[0]).toMatch(/reads the organisation from its unit of work/);
    expect(errors[3]).toMatch(/never cast to one/);
  }, 120_000);

  it('applies to repositories.ts files too, and keeps the cast rule in other domain files', () => {
    expect(syntaxErrors('libs/domain/community/src/lib/repositories.ts', repository)).toHaveLength(4);
    const service = syntaxErrors('libs/domain/strategy/src/lib/probe.service.ts', repository);
    expect(service.map((e) => e.split(':')[0])).toEqual(['13']);
  }, 240_000);
});
