import { DEFAULT_MATURITY_MODEL, DEFAULT_MODEL_EVIDENCE_KEYS, evidenceKeysOf } from '@socle/evaluation';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { TestApi } from '@socle/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '@socle/worker';

/**
 * The evidence the maturity models read is computed by the API (assessments,
 * roadmap) and by the worker (nightly live scores): both processes must have
 * every provider registered, or a key would silently score 0.
 */
describe('evidence registry in the running processes', () => {
  let api: TestApi;
  // The worker's modules only: no BullMQ consumers and no scheduler tick, which would act on other suites' organisations.
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await worker?.close();
    await api.stop();
  });

  it('the default model reads evidence from every module that contributes some', () => {
    const modules = new Set(evidenceKeysOf(DEFAULT_MATURITY_MODEL).map((k) => k.split('.')[0]));
    expect([...modules].sort()).toEqual(['community', 'content', 'evaluation', 'policies', 'pressRoom', 'strategy']);
  });

  it('registers every key of the default model in the API', () => {
    const registry = api.app.get(EvidenceRegistry);
    expect(DEFAULT_MODEL_EVIDENCE_KEYS.filter((k) => !registry.has(k))).toEqual([]);
  });

  it('registers the same keys in the worker', async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(api.config), { logger: false });
    const inWorker = worker
      .get(EvidenceRegistry)
      .definitions()
      .map((d) => d.key);
    const inApi = api.app
      .get(EvidenceRegistry)
      .definitions()
      .map((d) => d.key);
    expect(inWorker).toEqual(inApi);
  });
});
