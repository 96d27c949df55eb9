import { Inject, Injectable } from '@nestjs/common';
import type { NetworkTarget, NetworkTargets } from '@socle/content';
import type { ConnectorRegistry } from '@socle/connector-sdk';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import { CONNECTOR_REGISTRY } from './connectors';

/** The content module's view of the organisation's network accounts (see `NetworkTargets`). */
@Injectable()
export class CommunityNetworkTargets implements NetworkTargets {
  constructor(@Inject(CONNECTOR_REGISTRY) private readonly registry: ConnectorRegistry) {}

  async describe(uow: OrganizationUnitOfWork, ids: readonly string[]): Promise<Map<string, NetworkTarget>> {
    const targets = new Map<string, NetworkTarget>();
    if (ids.length === 0) return targets;
    const rows = await uow.query<{ id: string; network: string; handle: string; display_name: string | null; status: string }>(
      'SELECT id, network, handle, display_name, status FROM network_accounts WHERE organization_id = $1 AND id = ANY($2::uuid[])',
      [uow.organizationId, [...new Set(ids)]],
    );
    for (const row of rows) {
      const connector = this.registry.get(row.network);
      targets.set(row.id, {
        id: row.id,
        network: row.network,
        handle: row.handle,
        displayName: row.display_name,
        status: row.status,
        manifest: connector?.manifest ?? null,
        validate: connector ? (variant) => connector.validate(variant) : null,
      });
    }
    return targets;
  }
}
