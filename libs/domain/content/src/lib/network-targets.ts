import type { ConnectorManifest, Variant, Violation } from '@socle/connector-sdk';
import type { OrganizationUnitOfWork } from '@socle/platform-database';

/**
 * A network account content can go to, as the content module sees it. The
 * accounts belong to the community module (which depends on this one), so
 * content reaches them through this port; the community module implements it
 * and the composition root provides it as `NETWORK_TARGETS`.
 */
export interface NetworkTarget {
  id: string;
  network: string;
  handle: string;
  displayName: string | null;
  /** OK, NEEDS_REAUTH, RATE_LIMITED, ERROR: only OK accounts are published to right away. */
  status: string;
  /** The connector's manifest (limits, capabilities), or null when its connector is not enabled. */
  manifest: ConnectorManifest | null;
  /**
   * The connector's own check of a variant (its manifest's limits and the rules only its code knows), or null when
   * its connector is not enabled. Called with media described, never loaded (see `MediaAttachment.byteSize`).
   */
  validate: ((variant: Variant) => Violation[]) | null;
}

export interface NetworkTargets {
  /** The organisation's accounts among `ids`, read inside the unit of work's tenant: another tenant's ids are simply absent. */
  describe(uow: OrganizationUnitOfWork, ids: readonly string[]): Promise<Map<string, NetworkTarget>>;
}

export const NETWORK_TARGETS = Symbol('NETWORK_TARGETS');
