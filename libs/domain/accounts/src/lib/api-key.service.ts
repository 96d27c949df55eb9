import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SocleConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import {
  actorOf,
  AgencyContext,
  ApiKeyScope,
  constantTimeEqual,
  generateApiKey,
  hmacSha256,
  isWellFormedApiKey,
  Principal,
} from '@socle/platform-auth';
import { badInput, notFound } from '@socle/platform-errors';
import { ApiKeyEntity } from './entities';
import { ApiKeyRepository, AuditRepository, OrganizationRepository, PageQuery } from './repositories';

export interface CreateApiKeyCommand {
  name: string;
  organizationId?: string;
  scopes: ApiKeyScope[];
  expiresAt?: Date;
}

interface ApiKeyRow {
  agency_id: string;
  id: string;
  scope_organization_id: string | null;
  scopes: string[];
  secret_hash: Buffer;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/**
 * API keys for integrators: shown once, stored as an HMAC-SHA-256 keyed with a
 * server-side pepper (a database dump alone cannot check a key), with a
 * non-secret display prefix, scopes, optional expiry, last use, revocation.
 */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly config: SocleConfig,
    private readonly keys: ApiKeyRepository,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditRepository,
  ) {}

  async create(ctx: AgencyContext, command: CreateApiKeyCommand): Promise<{ apiKey: ApiKeyEntity; secret: string }> {
    if (command.expiresAt && command.expiresAt.getTime() <= Date.now()) throw badInput('input.expiresAt', 'must be in the future');
    if (command.organizationId && !(await this.organizations.findInAgency(ctx, command.organizationId))) {
      throw notFound('Organization', command.organizationId);
    }
    const { key, displayPrefix } = generateApiKey();
    const apiKey = await this.keys.insert(ctx, {
      id: randomUUID(),
      name: command.name,
      scopeOrganizationId: command.organizationId ?? null,
      scopes: [...new Set(command.scopes)].sort(),
      displayPrefix,
      secretHash: hmacSha256(this.config.API_KEY_PEPPER, key),
      createdBy: ctx.actor.id,
      expiresAt: command.expiresAt ?? null,
    });
    await this.audit.recordInAgency(
      ctx.uow,
      ctx.agencyId,
      ctx.actor,
      {
        action: 'api_key.created',
        targetType: 'ApiKey',
        targetId: apiKey.id,
        organizationId: command.organizationId,
        metadata: { name: command.name, scopes: apiKey.scopes, displayPrefix },
      },
      ctx.requestId,
    );
    return { apiKey, secret: key };
  }

  page(ctx: AgencyContext, page: PageQuery): Promise<ApiKeyEntity[]> {
    return this.keys.page(ctx, page);
  }

  count(ctx: AgencyContext): Promise<number> {
    return this.keys.count(ctx);
  }

  async revoke(ctx: AgencyContext, id: string): Promise<ApiKeyEntity> {
    const key = await this.keys.find(ctx, id);
    if (!key) throw notFound('API key', id);
    if (!key.revokedAt) {
      await this.keys.revoke(ctx, id);
      await this.audit.recordInAgency(
        ctx.uow,
        ctx.agencyId,
        ctx.actor,
        { action: 'api_key.revoked', targetType: 'ApiKey', targetId: id, metadata: { displayPrefix: key.displayPrefix } },
        ctx.requestId,
      );
    }
    return (await this.keys.find(ctx, id)) as ApiKeyEntity;
  }

  /** The key behind an API-key principal, read inside its agency in a short transaction of its own. */
  describe(principal: Extract<Principal, { kind: 'apiKey' }>): Promise<ApiKeyEntity | null> {
    const agencyId = principal.agencyId;
    return this.units.read({ agencyId }, (uow) =>
      this.keys.find({ uow, agencyId, agencyRole: null, actor: actorOf(principal) }, principal.keyId),
    );
  }

  /** The principal for a presented key, or a reason it is refused. */
  async authenticate(presented: string): Promise<{ principal: Principal } | { refused: string }> {
    if (!isWellFormedApiKey(presented)) return { refused: 'This API key is malformed (bad prefix, length or checksum).' };
    const hash = hmacSha256(this.config.API_KEY_PEPPER, presented);
    // A SECURITY DEFINER look-up by exact hash: one statement, no tenant needed yet.
    const [row] = await this.units.read({}, (uow) => uow.query<ApiKeyRow>('SELECT * FROM socle_auth_api_key($1)', [hash]));
    if (!row || !constantTimeEqual(row.secret_hash, hash)) return { refused: 'This API key is not valid.' };
    if (row.revoked_at) return { refused: 'This API key has been revoked.' };
    if (row.expires_at && row.expires_at.getTime() <= Date.now()) return { refused: 'This API key has expired.' };
    // Last use is kept to the minute: a key used within the last minute needs no write.
    if (!row.last_used_at || row.last_used_at.getTime() < Date.now() - 60_000) {
      await this.units.run({}, (uow) => uow.query('SELECT socle_auth_touch_api_key($1, $2)', [row.agency_id, row.id]));
    }
    return {
      principal: { kind: 'apiKey', keyId: row.id, agencyId: row.agency_id, organizationId: row.scope_organization_id, scopes: row.scopes },
    };
  }
}
