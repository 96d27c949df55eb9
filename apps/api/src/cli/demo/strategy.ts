/**
 * Demo strategy of a client organisation, loaded through the public API.
 * Idempotent: each piece is looked up (by title, name, network, role or kind)
 * before it is created, and the brand voice and manual roadmap steps are upserts.
 */
export type DemoCall = <T>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<T>;

interface DemoClient {
  slug: string;
  name: string;
  locale: 'fr' | 'en';
}

const NEXT_YEAR = new Date().getUTCFullYear() + 1;

interface DemoStrategy {
  objectives: {
    kind: 'BUSINESS' | 'BRAND';
    title: string;
    metric: string;
    baseline: number;
    target: number;
    unit: string;
    deadline: string;
    /** `measure`: what the platform measures for the KPI (kpiProgress), when it can. */
    kpis: { name: string; metric: string; target: number; unit: string; frequency: string; measure?: string }[];
  }[];
  segments: { name: string; needs: string; usages: string[] }[];
  plans: { network: string; segments: string[]; postsPerWeek: number; reservedHandle: string; rationale: string }[];
  competitors: { name: string; handles: { network: string; handle: string }[]; notes: string }[];
  voice: { tone: string; wordsToUse: string[]; wordsToAvoid: string[]; addressForm: 'TU' | 'VOUS' };
}

const STRATEGIES: Record<string, DemoStrategy> = {
  boulangerie: {
    objectives: [
      {
        kind: 'BUSINESS',
        title: 'Commandes en ligne',
        metric: 'commandes click & collect par mois',
        baseline: 120,
        target: 180,
        unit: 'commandes',
        deadline: `${NEXT_YEAR}-06-30`,
        kpis: [{ name: 'Trafic depuis les réseaux', metric: 'socialTraffic', target: 900, unit: 'visites', frequency: 'MONTHLY' }],
      },
      {
        kind: 'BRAND',
        title: 'Notoriété dans le quartier',
        metric: 'abonnés Mastodon',
        baseline: 80,
        target: 400,
        unit: 'abonnés',
        deadline: `${NEXT_YEAR}-12-31`,
        kpis: [{ name: 'Abonnés', metric: 'followers', target: 400, unit: 'abonnés', frequency: 'MONTHLY', measure: 'FOLLOWERS' }],
      },
    ],
    segments: [
      {
        name: 'Familles du quartier',
        needs: 'Horaires, nouveautés, commandes pour les fêtes',
        usages: ['ADVERTISING_MARKETING', 'CUSTOMER_SERVICE'],
      },
      { name: 'Presse locale', needs: 'Histoires de savoir-faire, événements', usages: ['PR'] },
    ],
    plans: [
      {
        network: 'mastodon',
        segments: ['Familles du quartier', 'Presse locale'],
        postsPerWeek: 3,
        reservedHandle: '@boulangeriesdupont',
        rationale: 'Communauté locale engagée, ton direct',
      },
    ],
    competitors: [
      {
        name: 'Fournil Martin',
        handles: [{ network: 'mastodon', handle: '@fournilmartin' }],
        notes: 'Même quartier, très actif le week-end',
      },
    ],
    voice: {
      tone: 'Chaleureux, simple, gourmand',
      wordsToUse: ['artisanal', 'fait maison', 'levain'],
      wordsToAvoid: ['industriel', 'low cost'],
      addressForm: 'VOUS',
    },
  },
  mutuelle: {
    objectives: [
      {
        kind: 'BRAND',
        title: 'Relation adhérents',
        metric: 'délai de première réponse (heures)',
        baseline: 24,
        target: 4,
        unit: 'h',
        deadline: `${NEXT_YEAR}-03-31`,
        kpis: [{ name: 'Première réponse', metric: 'firstResponseTime', target: 4, unit: 'h', frequency: 'WEEKLY' }],
      },
      {
        kind: 'BUSINESS',
        title: 'Nouveaux adhérents jeunes actifs',
        metric: 'adhésions issues des réseaux par trimestre',
        baseline: 15,
        target: 60,
        unit: 'adhésions',
        deadline: `${NEXT_YEAR}-12-31`,
        kpis: [],
      },
    ],
    segments: [
      { name: 'Adhérents', needs: 'Remboursements, démarches, prévention', usages: ['CUSTOMER_SERVICE'] },
      { name: 'Jeunes actifs', needs: 'Comprendre les garanties', usages: ['ADVERTISING_MARKETING'] },
    ],
    plans: [
      {
        network: 'bluesky',
        segments: ['Jeunes actifs'],
        postsPerWeek: 4,
        reservedHandle: 'mutuelledesalpes.bsky.social',
        rationale: 'Public jeune, formats courts',
      },
    ],
    competitors: [{ name: 'Mutuelle du Lac', handles: [], notes: 'Campagnes régionales' }],
    voice: {
      tone: 'Rassurant, clair, bienveillant',
      wordsToUse: ['prévention', 'accompagnement'],
      wordsToAvoid: ['sinistre', 'franchise'],
      addressForm: 'VOUS',
    },
  },
  velo: {
    objectives: [
      {
        kind: 'BUSINESS',
        title: 'Online test-ride bookings',
        metric: 'test rides booked from social per month',
        baseline: 30,
        target: 90,
        unit: 'bookings',
        deadline: `${NEXT_YEAR}-09-30`,
        kpis: [{ name: 'Bookings from social', metric: 'socialTraffic', target: 90, unit: 'bookings', frequency: 'MONTHLY' }],
      },
      {
        kind: 'BRAND',
        title: 'Share of voice among Swiss cyclists',
        metric: 'share of voice',
        baseline: 8,
        target: 15,
        unit: '%',
        deadline: `${NEXT_YEAR}-12-31`,
        kpis: [{ name: 'Share of voice', metric: 'shareOfVoice', target: 15, unit: '%', frequency: 'QUARTERLY' }],
      },
    ],
    segments: [
      { name: 'Commuters', needs: 'Reliability, service, routes', usages: ['ADVERTISING_MARKETING', 'CUSTOMER_SERVICE'] },
      { name: 'Cycling press', needs: 'Product news, factory stories', usages: ['PR'] },
    ],
    plans: [
      { network: 'mastodon', segments: ['Commuters'], postsPerWeek: 2, reservedHandle: '@cyclesleman', rationale: 'Tech-minded commuters' },
      {
        network: 'bluesky',
        segments: ['Commuters', 'Cycling press'],
        postsPerWeek: 3,
        reservedHandle: 'cyclesleman.bsky.social',
        rationale: 'Journalists and early adopters',
      },
    ],
    competitors: [{ name: 'Alpen Bikes', handles: [{ network: 'bluesky', handle: 'alpenbikes.bsky.social' }], notes: 'Strong on e-bikes' }],
    voice: { tone: 'Confident, precise, outdoorsy', wordsToUse: ['Swiss-made', 'ride'], wordsToAvoid: ['cheap'], addressForm: 'TU' },
  },
};

const TASK_FORCE = ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR'] as const;

export async function seedStrategyDemo(call: DemoCall, headers: Record<string, string>, client: DemoClient): Promise<void> {
  const plan = STRATEGIES[client.slug];
  if (!plan) return;
  const q = <T>(query: string, variables: Record<string, unknown> = {}) => call<T>(query, variables, headers);

  const existing = await q<{ objectives: { edges: { node: { id: string; title: string } }[] } }>(
    '{ objectives(first: 100) { edges { node { id title } } } }',
  );
  for (const o of plan.objectives) {
    if (existing.objectives.edges.some((e) => e.node.title === o.title)) continue;
    const { kpis, ...input } = o;
    const created = await q<{ createObjective: { id: string } }>(
      'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }',
      { input },
    );
    for (const kpi of kpis) {
      await q('mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }', {
        input: { ...kpi, objectiveId: created.createObjective.id },
      });
    }
  }

  const segments = await q<{ audienceSegments: { edges: { node: { id: string; name: string } }[] } }>(
    '{ audienceSegments(first: 100) { edges { node { id name } } } }',
  );
  const segmentIds = new Map(segments.audienceSegments.edges.map((e) => [e.node.name, e.node.id]));
  for (const s of plan.segments) {
    if (segmentIds.has(s.name)) continue;
    const created = await q<{ createAudienceSegment: { id: string } }>(
      'mutation ($input: CreateAudienceSegmentInput!) { createAudienceSegment(input: $input) { id } }',
      { input: s },
    );
    segmentIds.set(s.name, created.createAudienceSegment.id);
  }

  const plans = await q<{ networkPlans: { edges: { node: { network: string } }[] } }>(
    '{ networkPlans(first: 100) { edges { node { network } } } }',
  );
  for (const p of plan.plans) {
    if (plans.networkPlans.edges.some((e) => e.node.network === p.network)) continue;
    const { segments: names, ...rest } = p;
    await q('mutation ($input: CreateNetworkPlanInput!) { createNetworkPlan(input: $input) { id } }', {
      input: { ...rest, segmentIds: names.map((n) => segmentIds.get(n)).filter(Boolean) },
    });
  }

  const competitors = await q<{ competitors: { edges: { node: { name: string } }[] } }>(
    '{ competitors(first: 100) { edges { node { name } } } }',
  );
  for (const c of plan.competitors) {
    if (competitors.competitors.edges.some((e) => e.node.name === c.name)) continue;
    await q('mutation ($input: CreateCompetitorInput!) { createCompetitor(input: $input) { id } }', { input: c });
  }

  await q('mutation ($input: SetBrandVoiceInput!) { setBrandVoice(input: $input) { updatedAt } }', { input: plan.voice });

  const members = await q<{ members: { edges: { node: { userId: string; user: { email: string } } }[] } }>(
    '{ members(first: 100) { edges { node { userId user { email } } } } }',
  );
  const taskForce = await q<{ taskForceMembers: { edges: { node: { role: string; userId: string | null } }[] } }>(
    '{ taskForceMembers(first: 100) { edges { node { role userId } } } }',
  );
  for (const role of TASK_FORCE) {
    const email = `${role.toLowerCase().replace(/_/g, '-')}@${client.slug}.demo`;
    const userId = members.members.edges.find((e) => e.node.user.email === email)?.node.userId;
    if (!userId || taskForce.taskForceMembers.edges.some((e) => e.node.role === role && e.node.userId === userId)) continue;
    await q('mutation ($input: AddTaskForceMemberInput!) { addTaskForceMember(input: $input) { id } }', { input: { role, userId } });
  }

  const rituals = await q<{ rituals: { edges: { node: { kind: string } }[] } }>('{ rituals(first: 100) { edges { node { kind } } } }');
  const kinds = new Set(rituals.rituals.edges.map((e) => e.node.kind));
  if (!kinds.has('WEEKLY_MEETING')) await q('mutation { createRitual(input: { kind: WEEKLY_MEETING, weekday: 2, time: "09:30" }) { id } }');
  if (!kinds.has('MONTHLY_EXECUTIVE_REPORT'))
    await q('mutation { createRitual(input: { kind: MONTHLY_EXECUTIVE_REPORT, dayOfMonth: 5, time: "08:00" }) { id } }');

  // Step 8 (build a community) is the one step set by hand; step 4 is measured from the scheduled publications.
  const note = client.locale === 'fr' ? 'Communauté animée chaque semaine' : 'Community engaged every week';
  await q('mutation ($input: SetRoadmapStepStatusInput!) { setRoadmapStepStatus(input: $input) { status } }', {
    input: { step: 8, status: 'DONE', note },
  });
}
