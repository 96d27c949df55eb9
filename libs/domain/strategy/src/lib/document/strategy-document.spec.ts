import { md, strategyMarkdown, StrategyDocumentData } from './strategy-document';

const at = new Date('2026-03-10T10:00:00Z');
const data = (locale: 'fr' | 'en'): StrategyDocumentData => ({
  organizationName: 'Boulangeries *Dupont*',
  locale,
  generatedAt: at,
  objectives: [
    {
      id: 'o1',
      kind: 'BUSINESS',
      title: 'Ventes en ligne',
      description: '',
      metric: 'commandes',
      baseline: 1200,
      target: 1500,
      unit: null,
      deadline: '2026-12-31',
      createdAt: at,
      updatedAt: at,
    },
  ],
  kpis: [
    {
      id: 'k1',
      objectiveId: 'o1',
      name: 'Trafic social',
      metric: 'socialTraffic',
      unit: 'visites',
      target: 800,
      frequency: 'MONTHLY',
      createdAt: at,
      updatedAt: at,
    },
  ],
  segments: [
    {
      id: 's1',
      name: 'Familles',
      description: '',
      needs: 'Horaires | promotions',
      usages: ['CUSTOMER_SERVICE'],
      createdAt: at,
      updatedAt: at,
    },
  ],
  plans: [
    {
      id: 'p1',
      network: 'mastodon',
      segments: [],
      rationale: 'Communauté locale',
      postsPerWeek: 3,
      reservedHandle: '@dupont',
      createdAt: at,
      updatedAt: at,
    },
  ],
  brandVoice: { tone: 'Chaleureux', wordsToUse: ['artisanal'], wordsToAvoid: ['industriel'], addressForm: 'VOUS', updatedAt: at },
  competitors: [],
  taskForce: [{ id: 't1', role: 'STRATEGY_LEAD', userId: 'u1', name: 'Alice', externalContact: null, createdAt: at }],
  rituals: [
    {
      id: 'r1',
      kind: 'WEEKLY_MEETING',
      title: null,
      displayTitle: 'Réunion hebdomadaire de la task force',
      cadence: 'WEEKLY',
      weekday: 1,
      dayOfMonth: null,
      time: '09:30',
      timezone: 'Europe/Paris',
      createdAt: at,
      updatedAt: at,
      next: new Date('2026-03-16T08:30:00Z'),
    },
  ],
});

describe('strategy document', () => {
  it('writes the four parts of seed 003 in the organisation’s language', () => {
    const fr = strategyMarkdown(data('fr'));
    expect(fr).toContain('# Stratégie médias sociaux — Boulangeries \\*Dupont\\*');
    for (const h of ['## 1. Objectifs', '## 2. Groupes cibles', '## 3. Contenus', '## 4. Ressources']) expect(fr).toContain(h);
    expect(fr).toContain("d'ici le 31 décembre 2026");
    expect(fr).toContain('- **Leader stratégie** : Alice.');
    expect(fr).toContain('- **Analyste** : _à pourvoir_.');
    expect(fr).toContain('vouvoiement');
    const en = strategyMarkdown(data('en'));
    for (const h of ['## 1. Objectives', '## 2. Target groups', '## 3. Content', '## 4. Resources']) expect(en).toContain(h);
    expect(en).toContain('from 1,200 to 1,500, by 31 December 2026');
    expect(en).toContain('| mastodon | — | 3 | @dupont | Communauté locale |');
  });

  it('escapes markup in user text so a name cannot break the document', () => {
    expect(md('a|b *c* [x](y)\n# z')).toBe('a\\|b \\*c\\* \\[x\\](y) \\# z');
    expect(strategyMarkdown(data('fr'))).toContain('Horaires \\| promotions');
  });
});
