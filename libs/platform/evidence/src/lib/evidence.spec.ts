import { EvidenceProvider, EvidenceRegistry } from './evidence';

const text = (s: string) => ({ en: s, fr: s });
const def = (key: string) => ({ key, title: text(key), description: text(key), source: 'seed 002' });

function provider(
  module: string,
  keys: string[],
  score: (earlier: ReadonlyMap<string, { score: number }>) => number,
  dependsOn?: string[],
): EvidenceProvider & { calls: number } {
  const p = {
    module,
    definitions: keys.map(def),
    dependsOn,
    calls: 0,
    async compute(ctx: { earlier: ReadonlyMap<string, { score: number }> }) {
      p.calls += 1;
      return Object.fromEntries(keys.map((k) => [k, { value: k, score: score(ctx.earlier), explanation: text(k) }]));
    },
  };
  return p;
}

const ctx = { uow: {} as never, organizationId: '00000000-0000-0000-0000-000000000001', at: new Date() };

describe('EvidenceRegistry', () => {
  it('refuses badly named and duplicate keys', () => {
    const registry = new EvidenceRegistry();
    expect(() => registry.register(provider('x', ['Bad key'], () => 1))).toThrow(/must look like module.name/);
    registry.register(provider('x', ['x.one'], () => 1));
    expect(() => registry.register(provider('y', ['x.one'], () => 1))).toThrow(/registered twice/);
    expect(registry.definitions().map((d) => d.key)).toEqual(['x.one']);
  });

  it('computes providers after those they depend on, whatever the registration order', async () => {
    const registry = new EvidenceRegistry();
    registry.register(provider('b', ['b.total'], (earlier) => (earlier.get('a.part')?.score ?? 0) / 2, ['a.part']));
    registry.register(provider('a', ['a.part'], () => 0.8));
    const results = await registry.compute(ctx, ['b.total']);
    expect(results.get('a.part')?.score).toBe(0.8);
    expect(results.get('b.total')?.score).toBeCloseTo(0.4);
  });

  it('computes only the providers the asked keys need, and clamps scores to 0..1', async () => {
    const registry = new EvidenceRegistry();
    const a = provider('a', ['a.one'], () => 3);
    const b = provider('b', ['b.one'], () => -1);
    registry.register(a);
    registry.register(b);
    const results = await registry.compute(ctx, ['a.one']);
    expect([...results.keys()]).toEqual(['a.one']);
    expect(results.get('a.one')?.score).toBe(1);
    expect(b.calls).toBe(0);
    expect((await registry.compute(ctx)).get('b.one')?.score).toBe(0);
  });

  it('reads a dependency no module provides as absent, but refuses to compute an unknown key', async () => {
    const registry = new EvidenceRegistry();
    registry.register(provider('b', ['b.total'], (earlier) => (earlier.has('later.key') ? 1 : 0.5), ['later.key']));
    expect((await registry.compute(ctx, ['b.total'])).get('b.total')?.score).toBe(0.5);
    await expect(registry.compute(ctx, ['nobody.hasThis'])).rejects.toThrow(/unknown evidence key "nobody.hasThis"/);
  });

  it('reports providers that depend on each other', async () => {
    const registry = new EvidenceRegistry();
    registry.register(provider('a', ['a.one'], () => 1, ['b.one']));
    registry.register(provider('b', ['b.one'], () => 1, ['a.one']));
    await expect(registry.compute(ctx)).rejects.toThrow(/cycle/);
  });

  it('fails loudly when a provider forgets one of its keys', async () => {
    const registry = new EvidenceRegistry();
    registry.register({
      module: 'a',
      definitions: [def('a.one'), def('a.two')],
      compute: async () => ({ 'a.one': { value: 1, score: 1, explanation: text('') } }),
    });
    await expect(registry.compute(ctx)).rejects.toThrow(/did not compute a.two/);
  });
});
