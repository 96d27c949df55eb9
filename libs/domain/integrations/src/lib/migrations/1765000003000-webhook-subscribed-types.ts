import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event types an organisation's events can reach: those of the enabled
 * webhook endpoints of its agency, agency-wide or scoped to it. Emitting reads
 * it in the statement that writes the outbox, so an event no endpoint listens
 * to is never written (no row, no delivery job). It answers only for the
 * organisation the transaction acts in (an empty list otherwise), and reads
 * the endpoints as their owner: the organisation's unit of work cannot see its
 * agency's endpoints under row-level security.
 */
export class WebhookSubscribedTypes1765000003000 implements MigrationInterface {
  name = 'WebhookSubscribedTypes1765000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION socle_webhook_subscribed_types(p_organization_id uuid)
        RETURNS text[]
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT coalesce(array_agg(DISTINCT t.type), '{}'::text[])
             FROM organizations o
             JOIN webhook_endpoints e ON e.agency_id = o.agency_id AND e.enabled
                                     AND (e.scope_organization_id IS NULL OR e.scope_organization_id = o.id)
             CROSS JOIN LATERAL unnest(e.event_types) AS t(type)
            WHERE o.id = p_organization_id AND p_organization_id = socle_current_organization_id() $$;
      REVOKE ALL ON FUNCTION socle_webhook_subscribed_types(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_webhook_subscribed_types(uuid) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION socle_webhook_subscribed_types(uuid);');
  }
}
