import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'graphql';
import { transformWithEsbuild, type Plugin } from 'vite';

const ALIAS = '__document_';
const VIRTUAL = 'virtual:graphql-document/';
const RESOLVED = `\0${VIRTUAL}`;
/** `graphql(`…`)` with a template literal holding no `${…}` and no escape: every call the console makes. */
const CALL = /\bgraphql\(\s*`((?:[^`\\$]|\$(?!\{))*)`\s*\)/g;

/**
 * Replaces, in the production build, each `graphql(`…`)` call with the document codegen generated for it, each
 * document a module of its own, as the client preset's Babel plugin does (that plugin imports every document from
 * the one generated module, and Rollup puts a module in one chunk only). The preset's `graphql()` looks documents
 * up in one map of all of them (src/gql/gql.ts): the first script would carry every operation of every page; here
 * each page's chunk carries its own. A call whose document is not found by name stays a call, answered by that map
 * as before. The documents are the generated module's own objects (src/gql/graphql.ts evaluated once per build).
 */
export function graphqlDocuments(gqlDirectory: string): Plugin {
  const generated = join(gqlDirectory, 'graphql.ts');
  let documents: Record<string, unknown> = {};
  return {
    name: 'socle-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    async buildStart() {
      // The generated module holds documents (plain objects) and types only: once compiled, it runs on its own.
      const compiled = await transformWithEsbuild(await readFile(generated, 'utf8'), generated, { loader: 'ts', format: 'cjs' });
      const module = { exports: {} as Record<string, unknown> };
      runInNewContext(compiled.code, { module, exports: module.exports });
      documents = module.exports;
      this.addWatchFile(generated);
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const name = id.slice(RESOLVED.length);
      return `export default ${JSON.stringify(documents[name])};\n`;
    },
    transform(code, id) {
      const file = id.split('?')[0];
      if (!/\.tsx?$/.test(file) || file.startsWith(gqlDirectory) || !code.includes('graphql(')) return null;
      const names = new Set<string>();
      const replaced = code.replace(CALL, (call, source: string) => {
        const name = documentName(source);
        if (!name || typeof documents[name] !== 'object') {
          this.warn(`${name ?? 'an unnamed document'} is not in src/gql (run graphql-codegen): this call keeps the map of all documents`);
          return call;
        }
        names.add(name);
        return `${ALIAS}${name}`;
      });
      if (names.size === 0) return null;
      const imports = [...names].map((name) => `import ${ALIAS}${name} from ${JSON.stringify(VIRTUAL + name)};\n`).join('');
      return { code: imports + replaced, map: null };
    },
  };
}

/** The generated document's name: `<Operation>Document` or `<Fragment>FragmentDoc`, as the client preset names them. */
function documentName(source: string): string | undefined {
  try {
    const [first] = parse(source).definitions;
    if (first?.kind === 'OperationDefinition' && first.name) return `${first.name.value}Document`;
    if (first?.kind === 'FragmentDefinition') return `${first.name.value}FragmentDoc`;
  } catch {
    // Not a valid document: left to the preset's own lookup (codegen reports it).
  }
  return undefined;
}
