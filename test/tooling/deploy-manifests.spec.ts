import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { ConfigError, loadConfig } from '@socle/platform-config';

/**
 * The Kubernetes manifests of infra/k8s: every resource the kustomizations list (base, migration, production overlay
 * with its patches, names, namespace and images applied as kustomize does for these simple cases) is valid against the
 * Kubernetes API (kubernetes-models' schemas for types and required fields, its type declarations for unknown fields),
 * and says what the platform needs: probes, non-root, resources, grace period, configuration, a migration Job per tag.
 */
const ROOT = resolve(__dirname, '../..');
const K8S = join(ROOT, 'infra/k8s');

type Json = Record<string, unknown>;
interface Resource extends Json {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
}

const readYaml = (file: string): Json[] =>
  parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as Json;
  });

/** A strategic merge for the cases the overlays use: maps merged, lists of named items merged by name, others replaced. */
function merge(base: unknown, patch: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(patch) && patch.every((item) => item && typeof item === 'object' && 'name' in item)) {
    const result = base.map((item) => {
      const match = patch.find((p) => (p as Json).name === (item as Json).name);
      return match ? merge(item, match) : item;
    });
    return result.concat(patch.filter((p) => !base.some((item) => (item as Json).name === (p as Json).name)));
  }
  if (base && patch && typeof base === 'object' && typeof patch === 'object' && !Array.isArray(base) && !Array.isArray(patch)) {
    const result: Json = { ...(base as Json) };
    for (const [key, value] of Object.entries(patch as Json)) result[key] = key in result ? merge(result[key], value) : value;
    return result;
  }
  return patch;
}

const containersOf = (resource: Resource): Json[] => {
  const pod = ((resource.spec as Json | undefined)?.template as Json | undefined)?.spec as Json | undefined;
  return [...((pod?.initContainers as Json[]) ?? []), ...((pod?.containers as Json[]) ?? [])];
};
const podSpecOf = (resource: Resource) => ((resource.spec as Json).template as Json).spec as Json;

/** The resources a kustomization produces (the fields these manifests use; any other field fails the test). */
function build(dir: string): Resource[] {
  const kustomization = readYaml(join(dir, 'kustomization.yaml'))[0] as Json;
  const known = new Set(['apiVersion', 'kind', 'resources', 'patches', 'namespace', 'nameSuffix', 'images']);
  const unknown = Object.keys(kustomization).filter((key) => !known.has(key));
  if (unknown.length) throw new Error(`${dir}: kustomization fields this test does not apply: ${unknown.join(', ')}`);
  let resources: Resource[] = [];
  for (const entry of (kustomization.resources as string[]) ?? []) {
    const path = resolve(dir, entry);
    resources.push(...(statSync(path).isDirectory() ? build(path) : (readYaml(path) as Resource[])));
  }
  for (const { path } of (kustomization.patches as { path: string }[]) ?? []) {
    for (const patch of readYaml(resolve(dir, path)) as Resource[]) {
      const index = resources.findIndex((r) => r.kind === patch.kind && r.metadata.name === patch.metadata.name);
      if (index < 0) throw new Error(`${dir}: patch for ${patch.kind} ${patch.metadata.name} matches no resource`);
      resources[index] = merge(resources[index], patch) as Resource;
    }
  }
  const suffix = kustomization.nameSuffix as string | undefined;
  const namespace = kustomization.namespace as string | undefined;
  const images = (kustomization.images as { name: string; newName?: string; newTag?: string }[]) ?? [];
  resources = resources.map((resource) => {
    const copy = structuredClone(resource);
    if (suffix) copy.metadata.name += suffix;
    if (namespace) copy.metadata.namespace = namespace;
    for (const container of containersOf(copy)) {
      const [name, tag] = String(container.image).split(':');
      const image = images.find((i) => i.name === name);
      if (image) container.image = `${image.newName ?? name}${(image.newTag ?? tag) ? `:${image.newTag ?? tag}` : ''}`;
    }
    return copy;
  });
  return resources;
}

/** Problems kubernetes-models' schemas find, per resource (a child process: the package is ESM-only). */
function schemaProblems(resources: Resource[]): string[][] {
  const out = execFileSync(process.execPath, [join(__dirname, 'kubernetes-validate.mjs')], { input: JSON.stringify(resources), cwd: ROOT });
  return JSON.parse(out.toString('utf8')) as string[][];
}

/** Unknown or mistyped fields, from kubernetes-models' type declarations: each resource type-checked as an object literal. */
function typeProblems(resources: Resource[]): string[][] {
  const file = join(__dirname, 'deploy-manifests.check.ts');
  const lines = resources.map((resource, i) => {
    const [group, version] = resource.apiVersion.includes('/') ? resource.apiVersion.split('/') : [null, resource.apiVersion];
    return `import type { I${resource.kind} as T${i} } from 'kubernetes-models/${group ? `${group}/` : ''}${version}/${resource.kind}';\nexport const r${i}: T${i} = ${JSON.stringify(resource)};`;
  });
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) =>
    resolve(name) === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language);
  host.fileExists = (
    (exists) => (name: string) =>
      resolve(name) === file || exists(name)
  )(host.fileExists.bind(host));
  const program = ts.createProgram([file], options, host);
  const problems: string[][] = resources.map(() => []);
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (diagnostic.file && resolve(diagnostic.file.fileName) === file && diagnostic.start !== undefined) {
      const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line;
      problems[Math.floor(line / 2)].push(message);
    } else problems.forEach((p) => p.push(message));
  }
  return problems;
}

const validate = (resources: Resource[]) => {
  const bySchema = schemaProblems(resources);
  const byType = typeProblems(resources);
  return resources
    .map((r, i) => ({ resource: `${r.kind} ${r.metadata.name}`, problems: [...bySchema[i], ...byType[i]] }))
    .filter((r) => r.problems.length > 0);
};

/** The variables the configuration loader requires (read from its own refusal of an empty environment). */
function requiredVariables(): string[] {
  try {
    loadConfig({});
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => /^([A-Z0-9_]+) is required/.exec(p)?.[1]).filter((name): name is string => Boolean(name));
  }
  throw new Error('an empty environment was accepted');
}

describe('Kubernetes manifests (infra/k8s)', () => {
  const base = build(join(K8S, 'base'));
  const production = build(join(K8S, 'overlays/production'));
  const migration = build(join(K8S, 'overlays/production/migration'));
  const all = { base, production, migration, baseMigration: build(join(K8S, 'base/migration')) };
  const find = (resources: Resource[], kind: string, name: string) => {
    const found = resources.find((r) => r.kind === kind && r.metadata.name === name);
    if (!found) throw new Error(`no ${kind} ${name}`);
    return found;
  };
  const deployments = production.filter((r) => r.kind === 'Deployment');

  it.each(Object.entries(all))('%s: every resource is valid against the Kubernetes API', (_, resources) => {
    expect(resources.length).toBeGreaterThan(0);
    expect(validate(resources)).toEqual([]);
  });

  it('reports a typo in a field name, a wrong type and a missing required field', () => {
    const api = structuredClone(find(production, 'Deployment', 'socle-api'));
    const container = podSpecOf(api).containers as Json[];
    container[0].imagePullPolicyy = 'Always';
    const hpa = structuredClone(find(production, 'HorizontalPodAutoscaler', 'socle-api'));
    (hpa.spec as Json).maxReplicas = 'twenty';
    const job = structuredClone(migration[0]);
    delete containersOf(job)[0].name;
    const problems = validate([api, hpa, job]);
    expect(problems.map((p) => p.resource)).toEqual([
      'Deployment socle-api',
      'HorizontalPodAutoscaler socle-api',
      'Job socle-migrate-1.4.0',
    ]);
    expect(problems[0].problems.join('\n')).toContain('imagePullPolicyy');
    expect(problems[1].problems.join('\n')).toMatch(/maxReplicas/);
    expect(problems[2].problems.join('\n')).toMatch(/name/);
  });

  it('runs the API and the worker from the same image, each container with both probes, resources, non-root and locked down', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['socle-api', 'socle-worker']);
    for (const resource of [...deployments, ...migration]) {
      const pod = podSpecOf(resource);
      const podSecurity = (pod.securityContext ?? {}) as Json;
      for (const container of containersOf(resource)) {
        const where = `${resource.metadata.name}/${String(container.name)}`;
        expect({ where, image: container.image }).toEqual({ where, image: 'registry.example.com/socle:1.4.0' });
        if (resource.kind === 'Deployment') {
          expect({ where, liveness: Boolean(container.livenessProbe), readiness: Boolean(container.readinessProbe) }).toEqual({
            where,
            liveness: true,
            readiness: true,
          });
        }
        const resources = container.resources as { requests?: Json; limits?: Json } | undefined;
        expect({
          where,
          requests: Object.keys(resources?.requests ?? {}).sort(),
          limits: Object.keys(resources?.limits ?? {}).sort(),
        }).toEqual({
          where,
          requests: ['cpu', 'memory'],
          limits: ['cpu', 'memory'],
        });
        const security = (container.securityContext ?? {}) as Json;
        expect({
          where,
          runAsNonRoot: security.runAsNonRoot ?? podSecurity.runAsNonRoot,
          readOnlyRootFilesystem: security.readOnlyRootFilesystem,
          allowPrivilegeEscalation: security.allowPrivilegeEscalation,
          drop: (security.capabilities as Json | undefined)?.drop,
        }).toEqual({ where, runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, drop: ['ALL'] });
      }
    }
  });

  it('probes the health endpoints the processes serve, on the ports they listen on', () => {
    const api = containersOf(find(production, 'Deployment', 'socle-api'))[0];
    const worker = containersOf(find(production, 'Deployment', 'socle-worker'))[0];
    const path = (probe: unknown) => ((probe as Json).httpGet as Json).path;
    expect([path(api.livenessProbe), path(api.readinessProbe), path(worker.livenessProbe), path(worker.readinessProbe)]).toEqual([
      '/health/live',
      '/health/ready',
      '/health/live',
      '/health/ready',
    ]);
    const config = find(production, 'ConfigMap', 'socle-config').data as Record<string, string>;
    expect((api.ports as Json[]).map((p) => p.containerPort)).toEqual([Number(config.PORT)]);
    const workerHealthPort = (worker.env as Json[]).find((e) => e.name === 'WORKER_HEALTH_PORT')?.value;
    expect((worker.ports as Json[]).map((p) => p.containerPort)).toEqual([Number(workerHealthPort)]);
    expect(config.HOST).toBe('0.0.0.0');
    // Prometheus scrapes /metrics where each process serves it: the API's port, the worker's health port.
    const scrape = (name: string) => {
      const annotations = ((find(production, 'Deployment', name).spec as Json).template as { metadata: { annotations?: Json } }).metadata
        .annotations;
      return [annotations?.['prometheus.io/scrape'], annotations?.['prometheus.io/port'], annotations?.['prometheus.io/path']];
    };
    expect(scrape('socle-api')).toEqual(['true', config.PORT, '/metrics']);
    expect(scrape('socle-worker')).toEqual(['true', workerHealthPort, '/metrics']);
  });

  it('gives every process each variable the configuration requires, from the ConfigMap or the Secret', () => {
    const required = requiredVariables();
    expect(required).toEqual(expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET', 'API_KEY_PEPPER']));
    // The credential vault refuses to start without its keys (libs/platform/crypto), although the loader leaves it optional.
    required.push('ENCRYPTION_KEYS');
    const secretKeys = new Set(
      (readYaml(join(K8S, 'overlays/production/external-secret.example.yaml'))[0].spec as { data: { secretKey: string }[] }).data.map(
        (d) => d.secretKey,
      ),
    );
    const provided = (resource: Resource) => {
      const names = new Set<string>();
      for (const container of containersOf(resource)) {
        for (const source of (container.envFrom as Json[]) ?? []) {
          const ref = source.configMapRef as { name: string } | undefined;
          if (ref) Object.keys(find(production, 'ConfigMap', ref.name).data as Json).forEach((n) => names.add(n));
          expect(source.secretRef).toBeUndefined(); // secrets one by one: the API and the worker never see the owner role
        }
        for (const variable of (container.env as Json[]) ?? []) {
          const secret = (variable.valueFrom as Json | undefined)?.secretKeyRef as
            { name: string; key: string; optional?: boolean } | undefined;
          if (secret) {
            expect({ variable: variable.name, secret: secret.name, inStore: secretKeys.has(secret.key) }).toEqual({
              variable: variable.name,
              secret: 'socle-secrets',
              inStore: true,
            });
            if (secret.optional && required.includes(String(variable.name)))
              throw new Error(`${String(variable.name)} is required, not optional`);
          }
          names.add(String(variable.name));
        }
      }
      return names;
    };
    for (const deployment of deployments) {
      const names = provided(deployment);
      expect({ deployment: deployment.metadata.name, missing: required.filter((n) => !names.has(n)) }).toEqual({
        deployment: deployment.metadata.name,
        missing: [],
      });
      expect({ deployment: deployment.metadata.name, owner: names.has('DATABASE_OWNER_URL') }).toEqual({
        deployment: deployment.metadata.name,
        owner: false,
      });
    }
    expect([...provided(migration[0])]).toEqual(['DATABASE_OWNER_URL']);
  });

  it('gives each pod a grace period longer than its pre-stop pause plus SHUTDOWN_TIMEOUT_MS', () => {
    const shutdownMs = Number((find(production, 'ConfigMap', 'socle-config').data as Json).SHUTDOWN_TIMEOUT_MS);
    expect(shutdownMs).toBeGreaterThan(0);
    for (const deployment of deployments) {
      const pod = podSpecOf(deployment);
      const preStop = (containersOf(deployment)[0].lifecycle as Json | undefined)?.preStop as { exec?: { command: string[] } } | undefined;
      const pauseMs = preStop?.exec ? Number(preStop.exec.command[1]) * 1000 : 0;
      expect({
        deployment: deployment.metadata.name,
        longer: Number(pod.terminationGracePeriodSeconds) * 1000 > pauseMs + shutdownMs,
      }).toEqual({
        deployment: deployment.metadata.name,
        longer: true,
      });
    }
  });

  it('scales the API on CPU and the worker on CPU and queue depth, on Deployments that exist; disruption budgets select their pods', () => {
    const hpas = production.filter((r) => r.kind === 'HorizontalPodAutoscaler');
    const metrics = Object.fromEntries(
      hpas.map((hpa) => {
        const spec = hpa.spec as { scaleTargetRef: { kind: string; name: string }; metrics: { type: string }[] };
        find(production, spec.scaleTargetRef.kind, spec.scaleTargetRef.name);
        return [spec.scaleTargetRef.name, spec.metrics.map((m) => m.type)];
      }),
    );
    expect(metrics).toEqual({ 'socle-api': ['Resource'], 'socle-worker': ['Resource', 'External'] });
    // The worker's queue gauges carry QUEUE_PREFIX as `queue_prefix`: the autoscaler selects this deployment's queues.
    const external = (find(production, 'HorizontalPodAutoscaler', 'socle-worker').spec as { metrics: Json[] }).metrics.find(
      (m) => m.type === 'External',
    )?.external as { metric: { name: string; selector: { matchLabels: Record<string, string> } } };
    expect(external.metric).toEqual({
      name: 'socle_queue_waiting_jobs',
      selector: { matchLabels: { queue_prefix: (find(production, 'ConfigMap', 'socle-config').data as Json).QUEUE_PREFIX } },
    });
    for (const pdb of production.filter((r) => r.kind === 'PodDisruptionBudget')) {
      const selector = ((pdb.spec as Json).selector as { matchLabels: Record<string, string> }).matchLabels;
      const selected = deployments.filter((d) => {
        const labels = ((d.spec as Json).template as { metadata: { labels: Record<string, string> } }).metadata.labels;
        return Object.entries(selector).every(([k, v]) => labels[k] === v);
      });
      expect({ pdb: pdb.metadata.name, selects: selected.map((d) => d.metadata.name) }).toEqual({
        pdb: pdb.metadata.name,
        selects: [pdb.metadata.name],
      });
    }
    expect(production.filter((r) => r.kind === 'NetworkPolicy').length).toBeGreaterThan(0);
  });

  it("names the migration Job after the release's image tag, with a retry limit, running the image's migration command", () => {
    expect(migration.map((r) => r.kind)).toEqual(['Job']);
    const [job] = migration;
    const tag = String(containersOf(job)[0].image).split(':')[1];
    expect(tag).toBe(String(containersOf(find(production, 'Deployment', 'socle-api'))[0].image).split(':')[1]);
    expect(job.metadata.name).toBe(`socle-migrate-${tag}`);
    expect(job.metadata.namespace).toBe(find(production, 'Deployment', 'socle-api').metadata.namespace);
    expect((job.spec as Json).backoffLimit).toEqual(expect.any(Number));
    expect(containersOf(job)[0].args).toEqual(['apps/api/src/cli/database.js', 'migrate']);
    expect(existsSync(join(ROOT, dirname('apps/api/src/cli/database.ts'), 'database.ts'))).toBe(true);
  });
});
