import type { ConnectorManifest } from '@socle/connector-sdk';
import type { NetworkTextLimits } from '../content-rules';

/**
 * Where `checkContent` finds a network's text limits. The connectors are
 * registered by the composition root (the API builds the registry in the
 * community module, which policies may not import): it provides this token,
 * usually with `networkTextLimitsFromManifests(registry.manifests())`.
 * Without it, checks with a `network` are refused as an unknown network.
 */
export const NETWORK_TEXT_LIMITS = Symbol('NETWORK_TEXT_LIMITS');

export interface NetworkTextLimitsSource {
  /** The limits of an enabled network that publishes text, or null. */
  limits(network: string): NetworkTextLimits | null;
  /** Ids of the networks `limits` answers for (for error messages). */
  networks(): string[];
}

/** Limits read from connector manifests; listening-only connectors (maxLength 0) publish nothing and are left out. */
export function networkTextLimitsFromManifests(manifests: () => readonly ConnectorManifest[]): NetworkTextLimitsSource {
  const publishing = () => manifests().filter((m) => m.text.maxLength > 0);
  return {
    limits(network) {
      const m = publishing().find((x) => x.id === network);
      return m
        ? { network: m.id, displayName: m.displayName, maxLength: m.text.maxLength, counting: m.text.counting, maxBytes: m.text.maxBytes }
        : null;
    },
    networks: () => publishing().map((m) => m.id),
  };
}

/** No network known: the worker and tests without connectors. */
export const NO_NETWORK_TEXT_LIMITS: NetworkTextLimitsSource = { limits: () => null, networks: () => [] };
