import { createOrganization, signUpAgency, TestApi } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the demo loader is a script of the API app; this checks it against a real API
import { seedStrategyDemo } from '../../apps/api/src/cli/demo/strategy';
import { isolatedPrefix } from './e2e-support';

/** The demo strategy loads through the public API and loading it twice changes nothing. */
describe('demo strategy', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('strategy-demo') });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('gives a client a plausible strategy, idempotently', async () => {
    const owner = await signUpAgency(api, 'Agence Démo');
    const org = await createOrganization(api, owner, 'Boulangerie Démo');
    const headers = { token: owner.token, organizationId: org };
    const call = <T>(query: string, variables: Record<string, unknown> = {}) => api.ok<T>(query, variables, headers);
    const snapshot = () =>
      api.ok<{
        strategyDocument: {
          objectives: unknown[];
          segments: unknown[];
          networkPlans: unknown[];
          competitors: unknown[];
          rituals: unknown[];
        };
      }>(
        '{ strategyDocument { objectives { id kpis { id } } segments { id } networkPlans { id segments { id } } competitors { id } rituals { id } brandVoice { wordsToUse } } }',
        {},
        headers,
      );

    await seedStrategyDemo(call, {}, { slug: 'boulangerie', name: 'Boulangerie Démo', locale: 'fr' });
    const first = await snapshot();
    expect(first.strategyDocument.objectives).toHaveLength(2);
    expect(first.strategyDocument.networkPlans).toEqual([
      { id: expect.any(String), segments: [{ id: expect.any(String) }, { id: expect.any(String) }] },
    ]);
    expect(first.strategyDocument.rituals).toHaveLength(2);
    await seedStrategyDemo(call, {}, { slug: 'boulangerie', name: 'Boulangerie Démo', locale: 'fr' });
    expect(await snapshot()).toEqual(first);
    const roadmap = await api.ok<{ roadmap: { steps: { number: number; status: string; updatedAt: string | null }[] } }>(
      '{ roadmap { steps { number status updatedAt } } }',
      {},
      headers,
    );
    // The bakery's community is under way: its regulars comment, nobody relays it yet.
    expect(roadmap.roadmap.steps.find((s) => s.number === 8)?.status).toBe('IN_PROGRESS');
    expect(first.strategyDocument.rituals).toHaveLength(2);
  });
});
