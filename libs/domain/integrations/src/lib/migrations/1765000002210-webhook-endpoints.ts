import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook endpoints, their deliveries and each delivery's attempts.
 *
 * An endpoint belongs to an agency (`agency_id`, the tenant key) and is either
 * the agency's own (`scope_organization_id` NULL: it receives the events of all
 * the agency's clients) or one client's (`scope_organization_id` set). Row-level
 * security lets an agency see its own endpoints and an organisation its own;
 * the delivery worker acts in the organisation and its agency at once.
 *
 * A delivery is one event for one endpoint, in the event's organisation
 * (`organization_id`, the tenant key); (event, endpoint) is unique, so however
 * many workers fan an event out, an endpoint gets one delivery id for it. An
 * agency endpoint's deliveries are also visible to that agency.
 */
export class WebhookEndpoints1765000002210 implements MigrationInterface {
  name = 'WebhookEndpoints1765000002210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        scope_organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
        url text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
        event_types text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 100),
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text CHECK (length(disabled_reason) <= 300),
        disabled_at timestamptz(3),
        secret_sealed text NOT NULL,
        previous_secret_sealed text,
        previous_secret_until timestamptz(3),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, id)
      );
      CREATE INDEX webhook_endpoints_page_idx ON webhook_endpoints (agency_id, created_at, id) WHERE scope_organization_id IS NULL;
      CREATE INDEX webhook_endpoints_organization_idx ON webhook_endpoints (scope_organization_id, created_at, id)
        WHERE scope_organization_id IS NOT NULL;

      CREATE TABLE webhook_deliveries (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        endpoint_agency_id uuid NOT NULL,
        endpoint_id uuid NOT NULL,
        endpoint_scope text NOT NULL CHECK (endpoint_scope IN ('AGENCY', 'ORGANIZATION')),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
        lease_until timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        delivered_at timestamptz(3),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, event_id, endpoint_id),
        FOREIGN KEY (organization_id, event_id) REFERENCES webhook_events (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (endpoint_agency_id, endpoint_id) REFERENCES webhook_endpoints (agency_id, id) ON DELETE CASCADE
      );
      CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (organization_id, next_attempt_at) WHERE status = 'PENDING';
      CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_agency_id, endpoint_id, created_at DESC, id DESC);

      CREATE TABLE webhook_attempts (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL,
        endpoint_agency_id uuid NOT NULL,
        endpoint_scope text NOT NULL CHECK (endpoint_scope IN ('AGENCY', 'ORGANIZATION')),
        attempted_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        http_status int CHECK (http_status BETWEEN 100 AND 599),
        latency_ms int NOT NULL CHECK (latency_ms >= 0),
        response_excerpt text NOT NULL DEFAULT '' CHECK (length(response_excerpt) <= 1024),
        error_class text CHECK (error_class IN ('TIMEOUT', 'NETWORK', 'REFUSED_DESTINATION', 'REDIRECT', 'HTTP_STATUS', 'SIGNING')),
        error_message text CHECK (length(error_message) <= 300),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, delivery_id) REFERENCES webhook_deliveries (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (organization_id, delivery_id, attempted_at);
    `);

    const endpointScope = `(scope_organization_id IS NULL AND agency_id = socle_current_agency_id())
       OR (scope_organization_id = socle_current_organization_id()
           AND agency_id = (SELECT o.agency_id FROM organizations o WHERE o.id = socle_current_organization_id()))`;
    const deliveryScope = `organization_id = socle_current_organization_id()
       OR (endpoint_scope = 'AGENCY' AND endpoint_agency_id = socle_current_agency_id())`;
    const policies: [table: string, using: string, check: string][] = [
      ['webhook_endpoints', endpointScope, endpointScope],
      ['webhook_deliveries', deliveryScope, deliveryScope],
      ['webhook_attempts', deliveryScope, deliveryScope],
    ];
    for (const [table, using, check] of policies) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table} USING (${using}) WITH CHECK (${check});
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO socle_app;
      `);
    }
    await q.query(`
      -- The log of attempts is appended to, never rewritten.
      REVOKE UPDATE ON webhook_attempts FROM socle_app;

      -- Organisations with deliveries due, across tenants (ids only), for the job's reconciler.
      CREATE FUNCTION socle_webhook_deliveries_due(p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT DISTINCT d.organization_id FROM webhook_deliveries d
            WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until < now())
            ORDER BY d.organization_id LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_webhook_deliveries_due(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_webhook_deliveries_due(int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION socle_webhook_deliveries_due(int);
      DROP TABLE webhook_attempts, webhook_deliveries, webhook_endpoints;
    `);
  }
}
