/**
 * Demo strategy of a client organisation, loaded through the public API.
 * Idempotent: each piece is looked up (by title, name, network, role or kind)
 * before it is created, and the brand voice and manual roadmap steps are upserts.
 */
import { DEMO_PEOPLE, loginOf } from './people';
import type { DemoCall } from './calls';

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
    /**
     * `measure`: what the platform measures for the KPI (kpiProgress), when it can. `history`: the values the client
     * reported, oldest first, one per period ending with the last complete one (imported once, as a CSV).
     */
    kpis: { name: string; metric: string; target: number; unit: string; frequency: string; measure?: string; history?: number[] }[];
  }[];
  segments: { name: string; needs: string; usages: string[] }[];
  plans: { network: string; segments: string[]; postsPerWeek: number; reservedHandle: string; rationale: string }[];
  competitors: { name: string; handles: { network: string; handle: string }[]; notes: string }[];
  voice: { tone: string; wordsToUse: string[]; wordsToAvoid: string[]; addressForm: 'TU' | 'VOUS' };
  /** Weekly rituals take a weekday, monthly ones a day of the month. */
  rituals: { kind: string; title?: string; weekday?: number; dayOfMonth?: number; time: string }[];
  /** Where the client stands on the roadmap steps set by hand. */
  manualSteps: { step: number; status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE'; note: string }[];
  /** Opening hours (ISO weekday → periods), the country of its public holidays and other closed days (MM-DD, every year). */
  calendar: { hours: Record<number, [string, string][]>; holidayCountry: 'FR' | 'CH'; closed: string[] };
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
        kpis: [
          {
            name: 'Trafic depuis les réseaux',
            metric: 'socialTraffic',
            target: 900,
            unit: 'visites',
            frequency: 'MONTHLY',
            history: [310, 340, 395, 430, 520, 610],
          },
        ],
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
    manualSteps: [{ step: 8, status: 'IN_PROGRESS', note: 'Les habitués du samedi commentent ; pas encore de relais dans le quartier' }],
    // Sophie and Thomas talk it over on Monday, the day the shop is closed, and look back on the month on the first.
    rituals: [
      { kind: 'WEEKLY_MEETING', weekday: 1, time: '14:00' },
      { kind: 'OTHER', title: 'Bilan du mois et idées de saison', dayOfMonth: 1, time: '15:00' },
    ],
    calendar: {
      hours: {
        2: [
          ['07:00', '13:00'],
          ['15:30', '19:30'],
        ],
        3: [
          ['07:00', '13:00'],
          ['15:30', '19:30'],
        ],
        4: [
          ['07:00', '13:00'],
          ['15:30', '19:30'],
        ],
        5: [
          ['07:00', '13:00'],
          ['15:30', '19:30'],
        ],
        6: [['07:00', '19:30']],
        7: [['07:00', '12:30']],
      },
      holidayCountry: 'FR',
      closed: [],
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
        kpis: [
          {
            name: 'Première réponse',
            metric: 'firstResponseTime',
            target: 4,
            unit: 'h',
            frequency: 'WEEKLY',
            history: [22, 19, 14, 11, 9.5, 8, 7.5, 9, 12, 14],
          },
        ],
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
    manualSteps: [{ step: 8, status: 'IN_PROGRESS', note: 'Adhérents présents sur Bluesky ; délégués d’agence à mobiliser' }],
    rituals: [
      { kind: 'WEEKLY_MEETING', weekday: 2, time: '09:30' },
      { kind: 'MONTHLY_EXECUTIVE_REPORT', dayOfMonth: 5, time: '08:00' },
      { kind: 'BEST_CONTENT_MAIL', dayOfMonth: 10, time: '11:00' },
      { kind: 'DIGITAL_TEAMS_MEETING', weekday: 4, time: '14:00' },
    ],
    calendar: {
      hours: {
        1: [
          ['08:30', '12:30'],
          ['13:30', '18:00'],
        ],
        2: [
          ['08:30', '12:30'],
          ['13:30', '18:00'],
        ],
        3: [
          ['08:30', '12:30'],
          ['13:30', '18:00'],
        ],
        4: [
          ['08:30', '12:30'],
          ['13:30', '18:00'],
        ],
        5: [
          ['08:30', '12:30'],
          ['13:30', '17:00'],
        ],
      },
      holidayCountry: 'FR',
      closed: [],
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
        kpis: [
          {
            name: 'Bookings from social',
            metric: 'socialTraffic',
            target: 90,
            unit: 'bookings',
            frequency: 'MONTHLY',
            history: [64, 71, 69, 74, 78, 76],
          },
        ],
      },
      {
        kind: 'BRAND',
        title: 'Share of voice among Swiss cyclists',
        metric: 'share of voice',
        baseline: 8,
        target: 15,
        unit: '%',
        deadline: `${NEXT_YEAR}-12-31`,
        kpis: [
          { name: 'Share of voice', metric: 'shareOfVoice', target: 15, unit: '%', frequency: 'QUARTERLY', history: [11, 12.5, 12, 13] },
        ],
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
    manualSteps: [{ step: 8, status: 'DONE', note: 'Monthly riders’ club ride, three local shop ambassadors' }],
    rituals: [
      { kind: 'WEEKLY_MEETING', weekday: 1, time: '08:30' },
      { kind: 'MONTHLY_EXECUTIVE_REPORT', dayOfMonth: 3, time: '07:30' },
      { kind: 'OTHER', title: 'Workshop stand-up: what riders asked this week', weekday: 5, time: '16:00' },
    ],
    calendar: {
      hours: {
        1: [
          ['08:00', '12:00'],
          ['13:00', '17:30'],
        ],
        2: [
          ['08:00', '12:00'],
          ['13:00', '17:30'],
        ],
        3: [
          ['08:00', '12:00'],
          ['13:00', '17:30'],
        ],
        4: [
          ['08:00', '12:00'],
          ['13:00', '17:30'],
        ],
        5: [
          ['08:00', '12:00'],
          ['13:00', '16:30'],
        ],
        6: [['09:00', '16:00']],
      },
      holidayCountry: 'CH',
      // Vaud's own holidays besides the federal ones: Berchtold's Day.
      closed: ['01-02'],
    },
  },
};

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
    for (const { history: _history, ...kpi } of kpis) {
      await q('mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }', {
        input: { ...kpi, objectiveId: created.createObjective.id },
      });
    }
  }
  // The figures the client reported for the past periods, for a KPI that has none yet.
  const kpiIds = await q<{ objectives: { edges: { node: { kpis: { id: string; name: string }[] } }[] } }>(
    '{ objectives(first: 100) { edges { node { kpis { id name } } } } }',
  );
  for (const kpi of plan.objectives.flatMap((o) => o.kpis)) {
    const id = kpiIds.objectives.edges.flatMap((e) => e.node.kpis).find((k) => k.name === kpi.name)?.id;
    if (!id || !kpi.history) continue;
    const values = await q<{ kpiValues: { edges: unknown[] } }>(
      'query ($id: ID!) { kpiValues(kpiId: $id, first: 1) { edges { cursor } } }',
      {
        id,
      },
    );
    if (values.kpiValues.edges.length === 0) await importHistory(q, id, kpi.frequency, kpi.history, client.locale);
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
  for (const person of DEMO_PEOPLE[client.slug] ?? []) {
    const email = `${loginOf(person)}@${client.slug}.demo`;
    const userId = members.members.edges.find((e) => e.node.user.email === email)?.node.userId;
    if (!userId) continue;
    for (const role of person.taskForce) {
      if (taskForce.taskForceMembers.edges.some((e) => e.node.role === role && e.node.userId === userId)) continue;
      await q('mutation ($input: AddTaskForceMemberInput!) { addTaskForceMember(input: $input) { id } }', {
        input: { role, userId, department: person.department },
      });
    }
  }

  const rituals = await q<{ rituals: { edges: { node: { kind: string; title: string } }[] } }>(
    '{ rituals(first: 100) { edges { node { kind title } } } }',
  );
  for (const ritual of plan.rituals) {
    const held = rituals.rituals.edges.some(
      (e) => e.node.kind === ritual.kind && (ritual.kind !== 'OTHER' || e.node.title === ritual.title),
    );
    if (!held) await q('mutation ($input: CreateRitualInput!) { createRitual(input: $input) { id } }', { input: ritual });
  }

  // The opening hours the comment-handling rules count in; set once (a client may have changed them since).
  const calendar = await q<{ businessCalendar: { holidayCountry: string | null } }>('{ businessCalendar { holidayCountry } }');
  if (!calendar.businessCalendar.holidayCountry) {
    const { hours, holidayCountry, closed } = plan.calendar;
    const years = [new Date().getUTCFullYear(), new Date().getUTCFullYear() + 1];
    await q('mutation ($input: SetBusinessCalendarInput!) { setBusinessCalendar(input: $input) { timeZone } }', {
      input: {
        timeZone: client.slug === 'velo' ? 'Europe/Zurich' : 'Europe/Paris',
        holidayCountry,
        days: Object.entries(hours).map(([weekday, periods]) => ({
          weekday: Number(weekday),
          periods: periods.map(([start, end]) => ({ start, end })),
        })),
        closedDays: years.flatMap((y) => closed.map((day) => `${y}-${day}`)),
      },
    });
  }

  // The steps no evidence measures are set by hand, where the client stands (and left alone when they are set already).
  const roadmap = await q<{ roadmap: { steps: { number: number; manual: boolean; status: string; note: string | null }[] } }>(
    '{ roadmap { steps { number manual status note } } }',
  );
  for (const step of plan.manualSteps) {
    const current = roadmap.roadmap.steps.find((s) => s.number === step.step);
    if (!current?.manual || (current.status === step.status && current.note === step.note)) continue;
    await q('mutation ($input: SetRoadmapStepStatusInput!) { setRoadmapStepStatus(input: $input) { status } }', { input: step });
  }
}

/** First day of the period `back` periods before the current one (weeks start on Monday), as YYYY-MM-DD. */
function periodStart(frequency: string, back: number, now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (frequency === 'WEEKLY') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 7 * back);
  else if (frequency === 'QUARTERLY') d.setUTCFullYear(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 - 3 * back, 1);
  else d.setUTCFullYear(d.getUTCFullYear(), d.getUTCMonth() - back, 1);
  return d.toISOString().slice(0, 10);
}

/** The client's figures for the past periods, as the spreadsheet it would send (one import, audited as such). */
async function importHistory(
  q: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>,
  kpiId: string,
  frequency: string,
  history: number[],
  locale: string,
): Promise<void> {
  const note = locale === 'fr' ? 'Tableau de suivi du client' : 'Client tracking sheet';
  const lines = history.map((value, i) => `${periodStart(frequency, history.length - i)},${value},${note}`);
  await q('mutation ($input: ImportKpiValuesInput!) { importKpiValues(input: $input) { imported } }', {
    input: { kpiId, csv: ['date,value,note', ...lines].join('\n') },
  });
}
