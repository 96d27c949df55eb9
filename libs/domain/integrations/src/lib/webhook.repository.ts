import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
import type { KeysetPage } from '@socle/platform-graphql';

/**
 * Who owns the endpoints a call acts on: an agency (its own endpoints, which
 * receive the events of all its clients) or one organisation (the unit of
 * work's). The organisation is read from its unit of work, never passed beside it.
 */
export type EndpointOwner =
  { level: 'AGENCY'; uow: UnitOfWork; agencyId: string } | { level: 'ORGANIZATION'; uow: OrganizationUnitOfWork; agencyId: string };

export interface WebhookEndpointRow {
  agencyId: string;
  id: string;
  organizationId: string | null;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: Date | null;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface WebhookDeliveryRow {
  organizationId: string;
  id: string;
  eventId: string;
  eventType: string;
  endpointAgencyId: string;
  endpointId: string;
  endpointScope: 'AGENCY' | 'ORGANIZATION';
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  nextAttemptAt: Date;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface WebhookAttemptRow {
  id: string;
  deliveryId: string;
  attemptedAt: Date;
  httpStatus: number | null;
  latencyMs: number;
  responseExcerpt: string;
  errorClass: string | null;
  errorMessage: string | null;
}

/** A delivery claimed for sending, with what the request needs. */
export interface ClaimedDelivery extends WebhookDeliveryRow {
  url: string;
  enabled: boolean;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretUntil: Date | null;
  eventCreatedAt: Date;
  data: Record<string, unknown>;
}

const ENDPOINT = `agency_id AS "agencyId", id, scope_organization_id AS "organizationId", url, description, event_types AS "eventTypes",
  enabled, disabled_reason AS "disabledReason", disabled_at AS "disabledAt", secret_sealed AS "secretSealed",
  previous_secret_sealed AS "previousSecretSealed", previous_secret_until AS "previousSecretUntil", created_at AS "createdAt", updated_at AS "updatedAt"`;

const DELIVERY = `d.organization_id AS "organizationId", d.id, d.event_id AS "eventId", d.event_type AS "eventType",
  d.endpoint_agency_id AS "endpointAgencyId", d.endpoint_id AS "endpointId", d.endpoint_scope AS "endpointScope", d.status, d.attempts,
  d.next_attempt_at AS "nextAttemptAt", d.created_at AS "createdAt", d.delivered_at AS "deliveredAt"`;

const ATTEMPT = `id, delivery_id AS "deliveryId", attempted_at AS "attemptedAt", http_status AS "httpStatus", latency_ms AS "latencyMs",
  response_excerpt AS "responseExcerpt", error_class AS "errorClass", error_message AS "errorMessage"`;

/** The owner's endpoints, as a WHERE clause over `webhook_endpoints` (parameters $1 = agency, $2 = organisation or null). */
function ownerFilter(owner: EndpointOwner): { where: string; params: [string, string | null] } {
  return owner.level === 'AGENCY'
    ? { where: 'agency_id = $1 AND scope_organization_id IS NULL AND $2::uuid IS NULL', params: [owner.agencyId, null] }
    : { where: 'agency_id = $1 AND scope_organization_id = $2', params: [owner.agencyId, owner.uow.organizationId] };
}

/** Deliveries to one of the owner's endpoints ($1 to $3): the condition of their pages and of their count. */
function deliveryFilter(owner: EndpointOwner, endpointId: string): { where: string; params: [string, string, EndpointOwner['level']] } {
  return {
    where: 'd.endpoint_agency_id = $1 AND d.endpoint_id = $2 AND d.endpoint_scope = $3',
    params: [owner.agencyId, endpointId, owner.level],
  };
}

/** Endpoints, deliveries and attempts: the only place that queries them. */
@Injectable()
export class WebhookRepository {
  // ------------------------------------------------------------------ endpoints

  async insertEndpoint(
    owner: EndpointOwner,
    row: {
      id: string;
      url: string;
      description: string;
      eventTypes: string[];
      enabled: boolean;
      secretSealed: string;
      createdBy: string | null;
    },
  ): Promise<WebhookEndpointRow> {
    const { params } = ownerFilter(owner);
    const [inserted] = await owner.uow.query<WebhookEndpointRow>(
      `INSERT INTO webhook_endpoints (agency_id, scope_organization_id, id, url, description, event_types, enabled, secret_sealed, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${ENDPOINT}`,
      [...params, row.id, row.url, row.description, row.eventTypes, row.enabled, row.secretSealed, row.createdBy],
    );
    return inserted;
  }

  async findEndpoint(owner: EndpointOwner, id: string): Promise<WebhookEndpointRow | null> {
    const { where, params } = ownerFilter(owner);
    const [row] = await owner.uow.query<WebhookEndpointRow>(`SELECT ${ENDPOINT} FROM webhook_endpoints WHERE ${where} AND id = $3`, [
      ...params,
      id,
    ]);
    return row ?? null;
  }

  async endpointPage(owner: EndpointOwner, page: KeysetPage): Promise<WebhookEndpointRow[]> {
    const { where, params } = ownerFilter(owner);
    return owner.uow.query<WebhookEndpointRow>(
      `SELECT ${ENDPOINT} FROM webhook_endpoints WHERE ${where}
         AND ($4::timestamptz IS NULL OR (created_at, id) > ($4::timestamptz, $5::uuid))
       ORDER BY created_at, id LIMIT $3`,
      [...params, page.size + 1, page.after?.[0] ?? null, page.after?.[1] ?? null],
    );
  }

  /** How many endpoints the owner has, enabled or not: every page of `endpointPage` together. */
  async countEndpoints(owner: EndpointOwner): Promise<number> {
    const { where, params } = ownerFilter(owner);
    const [row] = await owner.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_endpoints WHERE ${where}`, params);
    return row?.n ?? 0;
  }

  /** Changes what is given; enabling clears the reason it was disabled. */
  async updateEndpoint(
    owner: EndpointOwner,
    id: string,
    patch: { url?: string; description?: string; eventTypes?: string[]; enabled?: boolean },
  ): Promise<WebhookEndpointRow | null> {
    const { where, params } = ownerFilter(owner);
    const [row] = await owner.uow.query<WebhookEndpointRow>(
      `WITH changed AS (UPDATE webhook_endpoints SET
          url = coalesce($4::text, url), description = coalesce($5::text, description), event_types = coalesce($6::text[], event_types),
          enabled = coalesce($7::boolean, enabled),
          disabled_reason = CASE WHEN $7::boolean IS TRUE THEN NULL ELSE disabled_reason END,
          disabled_at = CASE WHEN $7::boolean IS TRUE THEN NULL WHEN $7::boolean IS FALSE AND enabled THEN now() ELSE disabled_at END,
          updated_at = now()
        WHERE ${where} AND id = $3 RETURNING ${ENDPOINT}) SELECT * FROM changed`,
      [...params, id, patch.url ?? null, patch.description ?? null, patch.eventTypes ?? null, patch.enabled ?? null],
    );
    return row ?? null;
  }

  async deleteEndpoint(owner: EndpointOwner, id: string): Promise<boolean> {
    const { where, params } = ownerFilter(owner);
    return (await owner.uow.execute(`DELETE FROM webhook_endpoints WHERE ${where} AND id = $3`, [...params, id])) > 0;
  }

  /** The current secret becomes the previous one, accepted until `overlapUntil`; `sealed` becomes current. */
  async rotateSecret(
    owner: EndpointOwner,
    id: string,
    sealed: string,
    previousSealed: string,
    overlapUntil: Date,
  ): Promise<WebhookEndpointRow | null> {
    const { where, params } = ownerFilter(owner);
    const [row] = await owner.uow.query<WebhookEndpointRow>(
      `WITH changed AS (UPDATE webhook_endpoints SET secret_sealed = $4, previous_secret_sealed = $5, previous_secret_until = $6, updated_at = now()
        WHERE ${where} AND id = $3 RETURNING ${ENDPOINT}) SELECT * FROM changed`,
      [...params, id, sealed, previousSealed, overlapUntil],
    );
    return row ?? null;
  }

  // ------------------------------------------------------------------ deliveries, as the owner sees them

  async deliveryPage(owner: EndpointOwner, endpointId: string, page: KeysetPage): Promise<WebhookDeliveryRow[]> {
    const { where, params } = deliveryFilter(owner, endpointId);
    return owner.uow.query<WebhookDeliveryRow>(
      `SELECT ${DELIVERY} FROM webhook_deliveries d
        WHERE ${where}
          AND ($5::timestamptz IS NULL OR (d.created_at, d.id) < ($5::timestamptz, $6::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $4`,
      [...params, page.size + 1, page.after?.[0] ?? null, page.after?.[1] ?? null],
    );
  }

  /** How many deliveries the owner's endpoint has, whatever their status: every page of `deliveryPage` together. */
  async countDeliveries(owner: EndpointOwner, endpointId: string): Promise<number> {
    const { where, params } = deliveryFilter(owner, endpointId);
    const [row] = await owner.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries d WHERE ${where}`, params);
    return row?.n ?? 0;
  }

  async findDelivery(owner: EndpointOwner, id: string): Promise<WebhookDeliveryRow | null> {
    const [row] = await owner.uow.query<WebhookDeliveryRow>(
      `SELECT ${DELIVERY} FROM webhook_deliveries d
         JOIN webhook_endpoints e ON e.agency_id = d.endpoint_agency_id AND e.id = d.endpoint_id
        WHERE d.id = $1 AND d.endpoint_agency_id = $2 AND d.endpoint_scope = $3
          AND (d.endpoint_scope = 'AGENCY' OR e.scope_organization_id = $4)`,
      [id, owner.agencyId, owner.level, owner.level === 'ORGANIZATION' ? owner.uow.organizationId : null],
    );
    return row ?? null;
  }

  async attemptsOf(uow: UnitOfWork, deliveryIds: readonly string[]): Promise<WebhookAttemptRow[]> {
    if (deliveryIds.length === 0) return [];
    return uow.query<WebhookAttemptRow>(
      `SELECT ${ATTEMPT} FROM webhook_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY attempted_at, id`,
      [deliveryIds],
    );
  }

  /** Sends a delivery again now (whatever became of it), as a new series of attempts under the same webhook id. */
  async replay(owner: EndpointOwner, delivery: WebhookDeliveryRow): Promise<WebhookDeliveryRow | null> {
    const [row] = await owner.uow.query<WebhookDeliveryRow>(
      `WITH changed AS (UPDATE webhook_deliveries d SET status = 'PENDING', attempts = 0, next_attempt_at = now(), lease_until = NULL,
              delivered_at = NULL
        WHERE d.organization_id = $1 AND d.id = $2 AND d.endpoint_agency_id = $3 RETURNING ${DELIVERY}) SELECT * FROM changed`,
      [delivery.organizationId, delivery.id, owner.agencyId],
    );
    return row ?? null;
  }

  // ------------------------------------------------------------------ for the job (unit of work in the organisation and its agency)

  /** The organisation's agency (the worker enters both). */
  async agencyOf(uow: OrganizationUnitOfWork): Promise<string | null> {
    const [row] = await uow.query<{ agency_id: string }>('SELECT agency_id FROM organizations WHERE id = $1', [uow.organizationId]);
    return row?.agency_id ?? null;
  }

  /**
   * Fans out up to `limit` events not yet fanned out: one delivery per enabled
   * endpoint subscribed to the event's type, the organisation's own and its
   * agency's. (event, endpoint) is unique: a second worker doing the same adds nothing.
   */
  async fanOut(uow: OrganizationUnitOfWork, agencyId: string, limit: number): Promise<{ events: number; deliveries: number }> {
    const [row] = await uow.query<{ events: number; deliveries: number }>(
      `WITH pending AS (
         SELECT id, type FROM webhook_events WHERE organization_id = $1 AND fanned_out_at IS NULL
          ORDER BY created_at, id LIMIT $3 FOR UPDATE SKIP LOCKED),
       inserted AS (
         INSERT INTO webhook_deliveries (organization_id, event_id, event_type, endpoint_agency_id, endpoint_id, endpoint_scope)
         SELECT $1, p.id, p.type, e.agency_id, e.id, CASE WHEN e.scope_organization_id IS NULL THEN 'AGENCY' ELSE 'ORGANIZATION' END
           FROM pending p JOIN webhook_endpoints e
             ON e.agency_id = $2 AND e.enabled AND p.type = ANY(e.event_types)
            AND (e.scope_organization_id IS NULL OR e.scope_organization_id = $1)
         ON CONFLICT (organization_id, event_id, endpoint_id) DO NOTHING
         RETURNING 1),
       marked AS (
         UPDATE webhook_events w SET fanned_out_at = now() FROM pending p WHERE w.organization_id = $1 AND w.id = p.id RETURNING 1)
       SELECT (SELECT count(*) FROM marked)::int AS events, (SELECT count(*) FROM inserted)::int AS deliveries`,
      [uow.organizationId, agencyId, limit],
    );
    return row ?? { events: 0, deliveries: 0 };
  }

  /** Takes up to `limit` due deliveries for `leaseMs` (one attempt counted each); others' leases are skipped, not waited for. */
  async claim(uow: OrganizationUnitOfWork, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return uow.query<ClaimedDelivery>(
      `WITH due AS (
         SELECT id FROM webhook_deliveries
          WHERE organization_id = $1 AND status = 'PENDING' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
          ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE webhook_deliveries d SET attempts = d.attempts + 1, lease_until = now() + make_interval(secs => $3::double precision / 1000)
           FROM due WHERE d.organization_id = $1 AND d.id = due.id RETURNING d.*)
       SELECT ${DELIVERY}, e.url, e.enabled, e.secret_sealed AS "secretSealed", e.previous_secret_sealed AS "previousSecretSealed",
              e.previous_secret_until AS "previousSecretUntil", w.created_at AS "eventCreatedAt", w.data
         FROM claimed d
         JOIN webhook_endpoints e ON e.agency_id = d.endpoint_agency_id AND e.id = d.endpoint_id
         JOIN webhook_events w ON w.organization_id = d.organization_id AND w.id = d.event_id`,
      [uow.organizationId, limit, leaseMs],
    );
  }

  /** Logs one attempt per delivery, in one statement. */
  async recordAttempts(
    uow: OrganizationUnitOfWork,
    attempts: readonly { delivery: ClaimedDelivery; result: Omit<WebhookAttemptRow, 'id' | 'deliveryId' | 'attemptedAt'> }[],
  ): Promise<void> {
    if (attempts.length === 0) return;
    await uow.query(
      `INSERT INTO webhook_attempts (organization_id, delivery_id, endpoint_agency_id, endpoint_scope, http_status, latency_ms,
         response_excerpt, error_class, error_message)
       SELECT $1, a.delivery_id, a.endpoint_agency_id, a.endpoint_scope, a.http_status, a.latency_ms, a.response_excerpt, a.error_class, a.error_message
         FROM jsonb_to_recordset($2::jsonb) AS a (delivery_id uuid, endpoint_agency_id uuid, endpoint_scope text, http_status int,
              latency_ms int, response_excerpt text, error_class text, error_message text)`,
      [
        uow.organizationId,
        JSON.stringify(
          attempts.map(({ delivery, result }) => ({
            delivery_id: delivery.id,
            endpoint_agency_id: delivery.endpointAgencyId,
            endpoint_scope: delivery.endpointScope,
            http_status: result.httpStatus,
            latency_ms: result.latencyMs,
            response_excerpt: result.responseExcerpt,
            error_class: result.errorClass,
            error_message: result.errorMessage,
          })),
        ),
      ],
    );
  }

  /** Marks claimed deliveries delivered (once: a delivery another worker finished is left as it is); how many were. */
  async markDelivered(uow: OrganizationUnitOfWork, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return uow.execute(
      `UPDATE webhook_deliveries SET status = 'DELIVERED', delivered_at = now(), lease_until = NULL
        WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND status = 'PENDING'`,
      [uow.organizationId, ids],
    );
  }

  /** A failed attempt: tried again after `retryInMs`, or FAILED for good when null. */
  async markFailed(uow: OrganizationUnitOfWork, id: string, retryInMs: number | null): Promise<boolean> {
    return (
      (await uow.execute(
        `UPDATE webhook_deliveries SET lease_until = NULL,
                status = CASE WHEN $3::double precision IS NULL THEN 'FAILED' ELSE 'PENDING' END,
                next_attempt_at = CASE WHEN $3::double precision IS NULL THEN next_attempt_at
                                       ELSE now() + make_interval(secs => $3::double precision / 1000) END
          WHERE organization_id = $1 AND id = $2 AND status = 'PENDING'`,
        [uow.organizationId, id, retryInMs],
      )) > 0
    );
  }

  /**
   * Disables an endpoint after persistent failure: only when it is still
   * enabled and nothing was delivered to it since `failingSince` (any
   * organisation's delivery counts, for an agency endpoint). True when this call disabled it.
   */
  async disableAfterFailures(
    uow: OrganizationUnitOfWork,
    agencyId: string,
    endpointId: string,
    failingSince: Date,
    reason: string,
  ): Promise<boolean> {
    return (
      (await uow.execute(
        `UPDATE webhook_endpoints e SET enabled = false, disabled_reason = $4, disabled_at = now(), updated_at = now()
          WHERE e.agency_id = $1 AND e.id = $2 AND e.enabled
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
                             WHERE d.endpoint_agency_id = e.agency_id AND d.endpoint_id = e.id AND d.status = 'DELIVERED' AND d.delivered_at >= $3)`,
        [agencyId, endpointId, failingSince, reason],
      )) > 0
    );
  }

  /** People to tell when an endpoint is disabled: the agency's owners, and for a client's endpoint its strategy leads. */
  async ownersToTell(
    uow: OrganizationUnitOfWork,
    agencyId: string,
    organizationLevel: boolean,
  ): Promise<{ email: string; locale: string }[]> {
    return uow.query<{ email: string; locale: string }>(
      `SELECT DISTINCT u.email, u.locale FROM users u
        WHERE u.id IN (SELECT m.user_id FROM agency_memberships m WHERE m.agency_id = $1 AND m.role = 'OWNER')
           OR ($3 AND u.id IN (SELECT m.user_id FROM organization_memberships m WHERE m.organization_id = $2 AND 'STRATEGY_LEAD' = ANY(m.roles)))
        ORDER BY u.email`,
      [agencyId, uow.organizationId, organizationLevel],
    );
  }

  /** When the organisation's next delivery is due (null when none waits). */
  async nextDue(uow: OrganizationUnitOfWork): Promise<Date | null> {
    const [row] = await uow.query<{ at: Date | null }>(
      `SELECT min(greatest(next_attempt_at, coalesce(lease_until, next_attempt_at))) AS at FROM webhook_deliveries
        WHERE organization_id = $1 AND status = 'PENDING'`,
      [uow.organizationId],
    );
    return row?.at ?? null;
  }

  /** Organisations with events to fan out or deliveries due, across tenants (SECURITY DEFINER functions: ids only). */
  async organizationsWithWork(uow: UnitOfWork, limit: number): Promise<string[]> {
    const rows = await uow.query<{ organization_id: string }>(
      `SELECT organization_id FROM socle_webhook_events_pending($1) UNION SELECT organization_id FROM socle_webhook_deliveries_due($1)`,
      [limit],
    );
    return rows.map((r) => r.organization_id);
  }
}
