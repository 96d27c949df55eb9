import type { NetworkAccountEntity } from '../entities';
import { NetworkAccountObject, NetworkAccountStatusEnum } from './objects';

export type NetworkEntityLike = NetworkAccountEntity;

/** Everything but the credentials: the object type has no field for them. */
export function toNetworkAccount(a: NetworkAccountEntity): NetworkAccountObject {
  return {
    id: a.id,
    network: a.network,
    handle: a.handle,
    displayName: a.displayName,
    serviceUrl: a.serviceUrl,
    status: a.status as NetworkAccountStatusEnum,
    lastError: a.lastError,
    lastCheckedAt: a.lastCheckedAt,
    rateLimitedUntil: a.rateLimitedUntil,
    expiresAt: a.expiresAt,
    connectedBy: a.connectedBy,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
