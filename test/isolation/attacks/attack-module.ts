import type { AgencySession, TestApi } from '@socle/testing';

/** The two agencies of the isolation test: A attacks, B is the victim. */
export interface IsolationWorld {
  api: TestApi;
  a: AgencySession;
  b: AgencySession;
  orgA: string;
  orgB: string;
  /** A member of B's organisation (COMMUNITY_MANAGER) and their token. */
  memberB: { userId: string; token: string };
  /** B's EXECUTIVE_APPROVER and their token. */
  approverB: { userId: string; token: string };
  /** Runs SQL as the database owner (to plant rows in B without going through A). */
  asOwner<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Where an attack is sent from A's side: into B's organisation, from A's organisation, A's agency, or into B's agency. */
export type AttackVia = 'orgB' | 'orgA' | 'agency' | 'agencyB';

export interface Attack {
  /** A query or mutation (sent over HTTP), or a subscription (sent over WebSocket with the same credentials and organisation). */
  query: string;
  options: AttackVia;
}

/**
 * One module's share of the isolation test: the rows of B it plants, every
 * query, mutation and subscription it adds to the schema aimed at them, and B's data as B
 * sees it (compared before and after the attacks).
 */
export interface AttackModule {
  name: string;
  setup?(world: IsolationWorld): Promise<Record<string, string>>;
  attacks: Record<string, (ids: Record<string, string>) => Attack[]>;
  snapshot?(world: IsolationWorld): Promise<unknown>;
  /** Operations that take no tenant id: they act on the caller's own account only. */
  selfOnly?: string[];
}
