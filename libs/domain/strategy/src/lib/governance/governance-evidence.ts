import type { EvidenceContext, EvidenceDefinition, EvidenceProvider, EvidenceResult } from '@socle/platform-evidence';

export const GOVERNANCE_EVIDENCE_KEYS = [
  'strategy.committeeWithTopManagement',
  'strategy.strategyApproved',
  'strategy.meetingsHeld',
  'community.actingOnFeedback',
] as const;
export type GovernanceEvidenceKey = (typeof GOVERNANCE_EVIDENCE_KEYS)[number];

/** The window the meeting and feedback evidence look back over. */
export const EVIDENCE_WINDOW_DAYS = 90;
/** An approved strategy older than this is due for review. */
export const APPROVAL_FRESH_DAYS = 365;

export const GOVERNANCE_EVIDENCE_DEFINITIONS: readonly EvidenceDefinition[] = [
  {
    key: 'strategy.committeeWithTopManagement',
    title: { fr: 'Comité mixte avec la direction', en: 'Mixed committee with top management' },
    description: {
      fr: 'Un comité mixte existe et un représentant de la haute direction y siège.',
      en: 'A mixed committee exists and a top-management representative sits on it.',
    },
    source: 'seed 000, internal processes',
  },
  {
    key: 'strategy.strategyApproved',
    title: { fr: 'Stratégie écrite approuvée', en: 'Written strategy approved' },
    description: {
      fr: 'Une version écrite de la stratégie est approuvée par la direction, depuis moins d’un an, et la stratégie n’a pas changé depuis.',
      en: 'A written version of the strategy is approved by the management, less than a year ago, and the strategy has not changed since.',
    },
    source: 'seed 003 (définir par écrit); seed 001, §3',
  },
  {
    key: 'strategy.meetingsHeld',
    title: { fr: 'Réunions tenues', en: 'Meetings held' },
    description: {
      fr: 'Sur 90 jours, les réunions tenues au regard de la fréquence prévue par les rituels, et au moins une réunion du comité.',
      en: 'Over 90 days, the meetings held against the frequency the rituals plan, and at least one committee meeting.',
    },
    source: 'seed 001, §4 (regularity); seed 000',
  },
  {
    key: 'community.actingOnFeedback',
    title: { fr: 'Suites données aux retours', en: 'Acting on feedback' },
    description: {
      fr: 'Sur 90 jours, des actions décidées à partir des mentions et messages, et la part d’entre elles suivies (un suivi écrit ou terminées).',
      en: 'Over 90 days, actions decided from mentions and messages, and the share of them followed up (a follow-up written, or done).',
    },
    source: 'seed 003 (acting on feedback)',
  },
];

export interface GovernanceFacts {
  members: number;
  top_management: number;
  approved_at: Date | null;
  approved_number: number | null;
  in_review: boolean;
  /** A strategy row added or edited after the approved version's snapshot was taken. */
  changed: boolean;
  committee_meetings: number;
  /** Per ritual: its cadence and the meetings held as its occurrences in the window. */
  rituals: { cadence: 'WEEKLY' | 'MONTHLY'; held: number }[];
  actions: number;
  followed_up: number;
}

/** The strategy tables whose rows carry the time they last changed. */
const CHANGED_TABLES = [
  'objectives',
  'kpis',
  'audience_segments',
  'network_plans',
  'competitors',
  'brand_voices',
  'task_force_members',
  'rituals',
];

export const GOVERNANCE_FACTS_SQL = `
  SELECT
    (SELECT count(*)::int FROM governance_members WHERE organization_id = $1) AS members,
    (SELECT count(*)::int FROM governance_members WHERE organization_id = $1 AND top_management) AS top_management,
    (SELECT approved_at FROM strategy_document_versions WHERE organization_id = $1 AND status = 'APPROVED') AS approved_at,
    (SELECT number FROM strategy_document_versions WHERE organization_id = $1 AND status = 'APPROVED') AS approved_number,
    EXISTS (SELECT 1 FROM strategy_document_versions WHERE organization_id = $1 AND status = 'IN_REVIEW') AS in_review,
    coalesce((SELECT ${CHANGED_TABLES.map((t) => `EXISTS (SELECT 1 FROM ${t} x WHERE x.organization_id = $1 AND x.updated_at > v.created_at)`).join(' OR ')}
       FROM strategy_document_versions v WHERE v.organization_id = $1 AND v.status = 'APPROVED'), false) AS changed,
    (SELECT count(*)::int FROM governance_meetings WHERE organization_id = $1 AND kind = 'COMMITTEE'
       AND held_at > $2::timestamptz - make_interval(days => $3) AND held_at <= $2::timestamptz) AS committee_meetings,
    (SELECT coalesce(json_agg(json_build_object('cadence', r.cadence, 'held',
        (SELECT count(*) FROM governance_meetings g WHERE g.organization_id = $1 AND g.ritual_id = r.id
           AND g.held_at > $2::timestamptz - make_interval(days => $3) AND g.held_at <= $2::timestamptz)) ORDER BY r.created_at, r.id), '[]')
       FROM rituals r WHERE r.organization_id = $1) AS rituals,
    (SELECT count(*)::int FROM feedback_actions WHERE organization_id = $1
       AND created_at > $2::timestamptz - make_interval(days => $3) AND created_at <= $2::timestamptz) AS actions,
    (SELECT count(*)::int FROM feedback_actions WHERE organization_id = $1
       AND created_at > $2::timestamptz - make_interval(days => $3) AND created_at <= $2::timestamptz
       AND (follow_up IS NOT NULL OR status = 'DONE')) AS followed_up`;

const DAY_MS = 86_400_000;

/** Occurrences a ritual plans over the window (a weekly one about 13 in 90 days, a monthly one 3). */
export function plannedOccurrences(cadence: 'WEEKLY' | 'MONTHLY', days = EVIDENCE_WINDOW_DAYS): number {
  return cadence === 'WEEKLY' ? Math.floor(days / 7) : Math.floor(days / 30);
}

/** Turns the facts into the governance evidence, with sentences a client executive understands. */
export function governanceEvidence(f: GovernanceFacts, at: Date): Record<GovernanceEvidenceKey, EvidenceResult> {
  const out = {} as Record<GovernanceEvidenceKey, EvidenceResult>;

  out['strategy.committeeWithTopManagement'] =
    f.members === 0
      ? { value: 0, score: 0, explanation: { fr: "Aucun comité n'est constitué.", en: 'No committee is formed.' } }
      : f.top_management === 0
        ? {
            value: f.members,
            score: 0.5,
            explanation: {
              fr: `Le comité compte ${f.members} membre${f.members > 1 ? 's' : ''} mais aucun représentant de la direction.`,
              en: `The committee has ${f.members} member${f.members > 1 ? 's' : ''} but no top-management representative.`,
            },
          }
        : {
            value: f.members,
            score: 1,
            explanation: {
              fr: `Le comité compte ${f.members} membre${f.members > 1 ? 's' : ''}, dont ${f.top_management} de la direction.`,
              en: `The committee has ${f.members} member${f.members > 1 ? 's' : ''}, ${f.top_management} of them from top management.`,
            },
          };

  {
    const approvedAt = f.approved_at ? new Date(f.approved_at) : null;
    const ageDays = approvedAt ? Math.floor((at.getTime() - approvedAt.getTime()) / DAY_MS) : null;
    const date = approvedAt?.toISOString().slice(0, 10);
    out['strategy.strategyApproved'] = !approvedAt
      ? {
          value: false,
          score: f.in_review ? 0.25 : 0,
          explanation: f.in_review
            ? {
                fr: 'Une version de la stratégie attend l’approbation de la direction.',
                en: 'A version of the strategy awaits the management’s approval.',
              }
            : { fr: "Aucune version écrite de la stratégie n'est approuvée.", en: 'No written version of the strategy is approved.' },
        }
      : (ageDays as number) > APPROVAL_FRESH_DAYS
        ? {
            value: true,
            score: 0.5,
            explanation: {
              fr: `La version ${f.approved_number} a été approuvée le ${date}, il y a plus d’un an : à revoir.`,
              en: `Version ${f.approved_number} was approved on ${date}, more than a year ago: due for review.`,
            },
          }
        : f.changed
          ? {
              value: true,
              score: 0.75,
              explanation: {
                fr: `La version ${f.approved_number} a été approuvée le ${date}, mais la stratégie a changé depuis : une nouvelle version est à faire approuver.`,
                en: `Version ${f.approved_number} was approved on ${date}, but the strategy changed since: a new version needs approval.`,
              },
            }
          : {
              value: true,
              score: 1,
              explanation: {
                fr: `La version ${f.approved_number} de la stratégie a été approuvée le ${date}.`,
                en: `Version ${f.approved_number} of the strategy was approved on ${date}.`,
              },
            };
  }

  {
    // Each ritual counts up to its planned occurrences (a ritual held twice as often does not make up for one never held);
    // the committee counts as one planned meeting per window.
    const planned = f.rituals.reduce((s, r) => s + plannedOccurrences(r.cadence), 0) + 1;
    const held =
      f.rituals.reduce((s, r) => s + Math.min(Number(r.held), plannedOccurrences(r.cadence)), 0) + Math.min(f.committee_meetings, 1);
    const ritualHeld = f.rituals.reduce((s, r) => s + Number(r.held), 0);
    out['strategy.meetingsHeld'] = {
      value: ritualHeld + f.committee_meetings,
      score: held / planned,
      explanation: {
        fr: `Sur 90 jours : ${ritualHeld} réunion${ritualHeld > 1 ? 's' : ''} des rituels tenue${ritualHeld > 1 ? 's' : ''} pour ${planned - 1} prévue${planned - 1 > 1 ? 's' : ''} ; ${f.committee_meetings} réunion${f.committee_meetings > 1 ? 's' : ''} du comité.`,
        en: `Over 90 days: ${ritualHeld} ritual meeting${ritualHeld === 1 ? '' : 's'} held of ${planned - 1} planned; ${f.committee_meetings} committee meeting${f.committee_meetings === 1 ? '' : 's'}.`,
      },
    };
  }

  out['community.actingOnFeedback'] =
    f.actions === 0
      ? {
          value: 0,
          score: 0,
          explanation: {
            fr: 'Aucune action décidée à partir des retours sur 90 jours.',
            en: 'No action decided from feedback over 90 days.',
          },
        }
      : {
          value: f.actions,
          // Recording actions is half of it; following them up is the other half.
          score: 0.5 + 0.5 * (f.followed_up / f.actions),
          explanation: {
            fr: `Sur 90 jours : ${f.actions} action${f.actions > 1 ? 's' : ''} décidée${f.actions > 1 ? 's' : ''} à partir des retours, ${f.followed_up} suivie${f.followed_up > 1 ? 's' : ''}.`,
            en: `Over 90 days: ${f.actions} action${f.actions === 1 ? '' : 's'} decided from feedback, ${f.followed_up} followed up.`,
          },
        };
  return out;
}

/**
 * The governance evidence: the committee, the approved strategy (and whether
 * a strategy row was added or edited since its snapshot; a deletion is seen by
 * `approvedStrategy`, which compares the documents), the meetings held and the
 * actions on feedback, from one statement whatever the amount of data.
 */
export function governanceEvidenceProvider(): EvidenceProvider {
  return {
    module: 'strategy',
    definitions: GOVERNANCE_EVIDENCE_DEFINITIONS,
    async compute(ctx: EvidenceContext) {
      const [row] = await ctx.uow.prepared<GovernanceFacts>('evidence_governance_facts', GOVERNANCE_FACTS_SQL, [
        ctx.organizationId,
        ctx.at,
        EVIDENCE_WINDOW_DAYS,
      ]);
      return governanceEvidence(row, ctx.at);
    },
  };
}
