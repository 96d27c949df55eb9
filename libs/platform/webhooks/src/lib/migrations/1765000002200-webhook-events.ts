import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhook outbox: one row per event, written in the transaction of the
 * change it tells of, then fanned out to the subscribed endpoints by the
 * worker (`fanned_out_at` set once the delivery rows exist). Tenant table: the
 * key leads with organization_id, row-level security is FORCEd. A SECURITY
 * DEFINER function lists, across tenants, the organisations with events not yet
 * fanned out (ids only), for the delivery job's reconciler.
 */
export class WebhookEvents1765000002200 implements MigrationInterface {
  name = 'WebhookEvents1765000002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_events (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type ~ '^[a-z_]{1,40}\\.[a-z_]{1,40}$'),
        data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND octet_length(data::text) <= 65536),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        fanned_out_at timestamptz(3),
        PRIMARY KEY (organization_id, id)
      );
      CREATE INDEX webhook_events_pending_idx ON webhook_events (organization_id, created_at) WHERE fanned_out_at IS NULL;
      ALTER TABLE webhook_events ENABLE ROW LEVEL SECURITY;
      ALTER TABLE webhook_events FORCE ROW LEVEL SECURITY;
      CREATE POLICY webhook_events_tenant ON webhook_events
        USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
      GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_events TO socle_app;

      CREATE FUNCTION socle_webhook_events_pending(p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT DISTINCT e.organization_id FROM webhook_events e WHERE e.fanned_out_at IS NULL
            ORDER BY e.organization_id LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_webhook_events_pending(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_webhook_events_pending(int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION socle_webhook_events_pending(int); DROP TABLE webhook_events;`);
  }
}
