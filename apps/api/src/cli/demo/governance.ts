/**
 * Demo governance, through the public API: each client's social-media committee (with
 * its top-management seat), the meetings held over the past weeks with their minutes and
 * decisions, the written strategy approved by management (mutual insurer, bicycle maker,
 * whose management also gets the monthly executive report by mail) and the mutual's
 * crisis cell. Idempotent: members are matched by name, meetings and
 * decisions are recorded once (a client that has meetings is left alone), a strategy
 * version is taken only while none is approved, and the crisis cell is set once.
 */
import { actingAs, clientIds, type DemoCall, type LogIn } from './calls';
import { DEMO_PEOPLE, loginOf } from './people';

const DAY = 86_400_000;

interface DemoMeeting {
  kind: 'COMMITTEE' | 'EXECUTIVE_REVIEW' | 'TASK_FORCE_RITUAL';
  weeksAgo: number;
  /** Hour (UTC) it was held at. */
  hour: number;
  /** Committee member names who attended. */
  attendees: string[];
  minutes: string;
  /** Decisions taken there: owner (committee member name), due in days from the meeting, done already. */
  decisions: { text: string; owner: string; dueInDays: number; done?: boolean }[];
}

interface DemoGovernance {
  /** People from outside the organisation on the committee. */
  outsiders: { name: string; function: string }[];
  meetings: DemoMeeting[];
  /** Note of the strategy version submitted to management, when the client has its strategy approved. */
  strategyVersion?: { note: string; approval: string };
}

const CONSULTANT = { name: 'Inès Bernard', function: 'Consultante, Agence Horizon' };

const GOVERNANCE: Record<string, DemoGovernance> = {
  boulangerie: {
    outsiders: [CONSULTANT],
    meetings: [
      {
        kind: 'TASK_FORCE_RITUAL',
        weeksAgo: 6,
        hour: 13,
        attendees: ['Sophie Dupont', 'Thomas Dupont'],
        minutes:
          'Les photos du fournil à 5 h marchent mieux que les visuels de produits. Thomas photographie la fournée du samedi ; Sophie répond aux commentaires le soir.',
        decisions: [
          { text: 'Publier la fournée du samedi chaque semaine avant 9 h', owner: 'Thomas Dupont', dueInDays: 7, done: true },
          { text: 'Afficher le compte Mastodon en boutique (ardoise et sacs)', owner: 'Sophie Dupont', dueInDays: 14, done: true },
        ],
      },
      {
        kind: 'TASK_FORCE_RITUAL',
        weeksAgo: 2,
        hour: 13,
        attendees: ['Sophie Dupont', 'Thomas Dupont', 'Inès Bernard'],
        minutes:
          'Point avec Inès (Agence Horizon) : le click & collect progresse, les questions sur les allergènes arrivent en commentaire. Préparer les commandes de la galette des rois dès décembre.',
        decisions: [
          { text: 'Réponse type sur les allergènes, validée par Sophie', owner: 'Sophie Dupont', dueInDays: 10 },
          { text: 'Campagne galettes : précommandes en ligne à partir du 26 décembre', owner: 'Thomas Dupont', dueInDays: 30 },
        ],
      },
    ],
  },
  mutuelle: {
    outsiders: [CONSULTANT],
    meetings: [
      {
        kind: 'COMMITTEE',
        weeksAgo: 10,
        hour: 8,
        attendees: ['Philippe Morel', 'Claire Vasseur', 'Mehdi Benali', 'Sandrine Perrin', 'Inès Bernard'],
        minutes:
          'Lancement du comité réseaux sociaux. La direction confie à la communication la rédaction de la stratégie ; la juriste rappelle qu’aucune donnée de santé ne se traite en public.',
        decisions: [
          {
            text: 'Rédiger la stratégie réseaux sociaux et la soumettre à la direction',
            owner: 'Claire Vasseur',
            dueInDays: 30,
            done: true,
          },
          { text: 'Faire relire la charte d’usage par le service juridique', owner: 'Sandrine Perrin', dueInDays: 21, done: true },
        ],
      },
      {
        kind: 'EXECUTIVE_REVIEW',
        weeksAgo: 6,
        hour: 9,
        attendees: ['Philippe Morel', 'Claire Vasseur'],
        minutes: 'Revue de la stratégie écrite : approuvée avec une demande, mesurer le délai de première réponse chaque semaine.',
        decisions: [{ text: 'Suivre le délai de première réponse chaque semaine', owner: 'Mehdi Benali', dueInDays: 7, done: true }],
      },
      {
        kind: 'COMMITTEE',
        weeksAgo: 1,
        hour: 8,
        attendees: ['Philippe Morel', 'Claire Vasseur', 'Mehdi Benali', 'Inès Bernard'],
        minutes:
          'Le délai de réponse remonte depuis le départ en congé d’un conseiller. Le comité demande un renfort de l’agence de Chambéry et un exercice de crise avant l’été.',
        decisions: [
          { text: 'Former deux conseillers de l’agence de Chambéry aux réponses en ligne', owner: 'Mehdi Benali', dueInDays: 30 },
          { text: 'Exercice de la cellule de crise (scénario : panne du remboursement)', owner: 'Claire Vasseur', dueInDays: 60 },
        ],
      },
    ],
    strategyVersion: {
      note: 'Première stratégie écrite : relation adhérents et jeunes actifs',
      approval: 'Approuvée en revue de direction. Suivre le délai de première réponse chaque semaine.',
    },
  },
  velo: {
    outsiders: [{ name: 'Inès Bernard', function: 'Consultant, Agence Horizon' }],
    meetings: [
      {
        kind: 'COMMITTEE',
        weeksAgo: 8,
        hour: 7,
        attendees: ['Marc-Antoine Jaquet', 'Lukas Meier', 'Jonas Brunner'],
        minutes:
          'Test rides booked from social grow slowly. The workshop team will show repairs and builds; marketing keeps the product launches.',
        decisions: [
          { text: 'Monthly workshop video with Jonas', owner: 'Jonas Brunner', dueInDays: 21, done: true },
          { text: 'Submit the written social-media strategy to the CEO', owner: 'Lukas Meier', dueInDays: 14, done: true },
        ],
      },
      {
        kind: 'COMMITTEE',
        weeksAgo: 3,
        hour: 7,
        attendees: ['Marc-Antoine Jaquet', 'Lukas Meier', 'Jonas Brunner', 'Inès Bernard'],
        minutes: 'Share of voice flat against Alpen Bikes. Decision: a spring campaign on commuting e-bikes, in German and French as well.',
        decisions: [
          { text: 'Spring commuter campaign brief (EN, DE, FR)', owner: 'Lukas Meier', dueInDays: 30 },
          { text: 'Drop the paid giveaway idea', owner: 'Marc-Antoine Jaquet', dueInDays: 7, done: true },
        ],
      },
    ],
    strategyVersion: {
      note: 'Strategy 2026: test rides and share of voice among Swiss cyclists',
      approval: 'Approved. Keep the workshop stories: they are what riders trust.',
    },
  },
};

/** Crisis cell of the mutual: who, in which order, and what to do first. */
const MUTUAL_CRISIS_CELL = {
  holdingStatement:
    'Nous avons bien pris connaissance de la situation et nous mettons tout en œuvre pour y répondre. Nous reviendrons vers vous ici même avant 18 h. Pour toute question personnelle, écrivez-nous en message privé : aucune information de santé ne doit être partagée publiquement.',
  members: [
    { cellRole: 'LEAD', person: 'Claire Vasseur', phone: '+33 4 79 00 10 01' },
    { cellRole: 'EXECUTIVE', person: 'Philippe Morel', phone: '+33 4 79 00 10 00' },
    { cellRole: 'LEGAL', person: 'Sandrine Perrin' },
    { cellRole: 'COMMUNITY_MANAGER', person: 'Mehdi Benali' },
    { cellRole: 'SPOKESPERSON', person: 'Julie Roche' },
  ],
  escalation: [
    { delayMinutes: 0, memberIndexes: [0, 3] },
    { delayMinutes: 30, memberIndexes: [2, 4] },
    { delayMinutes: 60, memberIndexes: [1] },
  ],
  playbook: [
    { title: 'Qualifier', text: 'Mehdi vérifie les faits (panne, erreur de remboursement, rumeur) et prévient Claire.' },
    { title: 'Suspendre', text: 'Mettre en pause les publications programmées tant que la crise dure.' },
    { title: 'Message d’attente', text: 'Publier le message d’attente validé, sans donnée personnelle ni de santé.' },
    { title: 'Valider la réponse', text: 'Sandrine relit, Philippe valide, Julie publie et répond aux médias.' },
    { title: 'Clore', text: 'Bilan en comité dans la semaine : ce qui a marché, ce qui change.' },
  ],
};

export async function seedGovernanceDemo(
  must: DemoCall,
  logIn: LogIn,
  ownerAuth: Record<string, string>,
  clients: readonly { slug: string; name: string; locale: string }[],
): Promise<void> {
  const ids = await clientIds(must, ownerAuth);
  for (const client of clients) {
    const orgId = ids.get(client.name);
    const plan = GOVERNANCE[client.slug];
    if (!orgId || !plan) continue;
    const as = actingAs(logIn, client.slug, orgId);
    const lead = await as('strategy-lead');
    const q = <T>(query: string, variables: Record<string, unknown> = {}) => must<T>(query, variables, lead);

    const members = await q<{ members: { edges: { node: { userId: string; user: { email: string } } }[] } }>(
      '{ members(first: 100) { edges { node { userId user { email } } } } }',
    );
    const userIdOf = (name: string) => {
      const person = (DEMO_PEOPLE[client.slug] ?? []).find((p) => p.name === name);
      return person && members.members.edges.find((e) => e.node.user.email === `${loginOf(person)}@${client.slug}.demo`)?.node.userId;
    };

    // The committee.
    const committee = await q<{ governanceCommittee: { members: { id: string; name: string }[] } }>(
      '{ governanceCommittee { members { id name } } }',
    );
    const seats = new Map(committee.governanceCommittee.members.map((m) => [m.name, m.id]));
    const wanted = [
      ...(DEMO_PEOPLE[client.slug] ?? [])
        .filter((p) => p.committee)
        .map((p) => ({
          name: p.name,
          userId: userIdOf(p.name),
          function: p.committee?.function ?? '',
          topManagement: !!p.committee?.topManagement,
        })),
      ...plan.outsiders.map((o) => ({ name: o.name, userId: undefined, function: o.function, topManagement: false })),
    ];
    for (const seat of wanted) {
      if (seats.has(seat.name)) continue;
      const input = seat.userId
        ? { userId: seat.userId, function: seat.function, topManagement: seat.topManagement }
        : { externalName: seat.name, function: seat.function, topManagement: seat.topManagement };
      const added = await q<{ addGovernanceMember: { id: string } }>(
        'mutation ($input: AddGovernanceMemberInput!) { addGovernanceMember(input: $input) { id } }',
        { input },
      );
      seats.set(seat.name, added.addGovernanceMember.id);
    }

    // Meetings held over the past weeks, with their decisions (recorded once).
    const held = await q<{ governanceMeetings: { edges: unknown[] } }>('{ governanceMeetings(first: 1) { edges { node { id } } } }');
    if (held.governanceMeetings.edges.length === 0) {
      const rituals = await q<{ rituals: { edges: { node: { id: string; kind: string } }[] } }>(
        '{ rituals(first: 100) { edges { node { id kind } } } }',
      );
      const weekly = rituals.rituals.edges.find((e) => e.node.kind === 'WEEKLY_MEETING')?.node.id;
      for (const meeting of plan.meetings) {
        const day = new Date(Date.now() - meeting.weeksAgo * 7 * DAY);
        day.setUTCHours(meeting.hour, 0, 0, 0);
        const recorded = await q<{ recordGovernanceMeeting: { id: string } }>(
          'mutation ($input: RecordGovernanceMeetingInput!) { recordGovernanceMeeting(input: $input) { id } }',
          {
            input: {
              kind: meeting.kind,
              heldAt: day.toISOString(),
              minutes: meeting.minutes,
              attendeeIds: meeting.attendees.map((name) => seats.get(name)).filter(Boolean),
              ritualId: meeting.kind === 'TASK_FORCE_RITUAL' ? weekly : undefined,
            },
          },
        );
        for (const decision of meeting.decisions) {
          const due = new Date(day.getTime() + decision.dueInDays * DAY).toISOString().slice(0, 10);
          const taken = await q<{ recordGovernanceDecision: { id: string } }>(
            'mutation ($input: RecordGovernanceDecisionInput!) { recordGovernanceDecision(input: $input) { id } }',
            {
              input: {
                text: decision.text,
                meetingId: recorded.recordGovernanceMeeting.id,
                ownerMemberId: seats.get(decision.owner),
                dueDate: due,
              },
            },
          );
          if (decision.done) {
            await q('mutation ($input: UpdateGovernanceDecisionInput!) { updateGovernanceDecision(input: $input) { id } }', {
              input: { id: taken.recordGovernanceDecision.id, status: 'DONE' },
            });
          }
        }
      }
    }

    // The written strategy, approved by management.
    if (plan.strategyVersion) {
      const versions = await q<{ strategyDocumentVersions: { edges: { node: { id: string; status: string } }[] } }>(
        '{ strategyDocumentVersions(first: 20) { edges { node { id status } } } }',
      );
      const nodes = versions.strategyDocumentVersions.edges.map((e) => e.node);
      if (!nodes.some((v) => v.status === 'APPROVED')) {
        let open = nodes.find((v) => v.status === 'DRAFT' || v.status === 'IN_REVIEW');
        if (!open) {
          open = (
            await q<{ createStrategyDocumentVersion: { id: string; status: string } }>(
              'mutation ($input: CreateStrategyDocumentVersionInput!) { createStrategyDocumentVersion(input: $input) { id status } }',
              { input: { note: plan.strategyVersion.note } },
            )
          ).createStrategyDocumentVersion;
        }
        if (open.status === 'DRAFT') {
          await q('mutation ($input: StrategyDocumentVersionInput!) { submitStrategyDocumentVersion(input: $input) { id } }', {
            input: { versionId: open.id },
          });
        }
        await must(
          'mutation ($input: ApproveStrategyDocumentVersionInput!) { approveStrategyDocumentVersion(input: $input) { id } }',
          { input: { versionId: open.id, comment: plan.strategyVersion.approval } },
          await as('executive-approver'),
        );
      }
      // Management that approved the strategy gets the monthly executive report by mail (the setting is idempotent).
      await q('mutation { setExecutiveReportSchedule(input: { enabled: true }) { enabled } }');
    }

    // The mutual's crisis cell (set once; the client keeps it up to date afterwards).
    if (client.slug === 'mutuelle') {
      const cell = await q<{ crisisCell: { members: unknown[] } | null }>('{ crisisCell { members { id } } }');
      if (!cell.crisisCell?.members.length) {
        const { members: people, ...rest } = MUTUAL_CRISIS_CELL;
        await q('mutation ($input: SetCrisisCellInput!) { setCrisisCell(input: $input) { updatedAt } }', {
          input: {
            ...rest,
            members: people.map(({ person, ...m }) => ({ ...m, name: person, userId: userIdOf(person) })),
          },
        });
      }
    }
  }
}
