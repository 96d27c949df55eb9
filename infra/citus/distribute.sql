-- Distributes Socle's schema with Citus: run once, as the owner role, on the coordinator of a Citus cluster, on a
-- database that has just been migrated (the same migrations as plain PostgreSQL) and before the application starts.
--
--   psql "$DATABASE_OWNER_URL" -v ON_ERROR_STOP=1 -f infra/citus/distribute.sql
--
-- Every table of the schema `public` is named below exactly once, except `schema_migrations` (the migrations'
-- bookkeeping, which stays a plain table on the coordinator where migrations run). test/isolation/
-- citus-distribution.int-spec.ts checks this list against the catalog, so a migration that adds a table without
-- adding it here fails the tests. What this script does and why is explained in infra/citus/README.md.

CREATE EXTENSION IF NOT EXISTS citus;

-- Trigger guards (content items, inbox items, maturity answers…) read and write only rows of their own tenant,
-- hence of co-located shards: Citus runs triggers on distributed tables only when told they are safe.
SET citus.enable_unsafe_triggers = on;
-- Foreign keys are re-created in one transaction below: Citus needs one connection per worker for that.
SET citus.multi_shard_modify_mode = 'sequential';

-- 1. Foreign keys. Citus distributes a table only when every foreign key it has, or that points at it, is one Citus
--    supports between tables already distributed; the documented way is to drop them, distribute, re-create them.
CREATE TEMP TABLE socle_foreign_keys AS
SELECT con.conrelid::regclass AS table_name, con.conname, pg_get_constraintdef(con.oid) AS definition
  FROM pg_constraint con
 WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace;

-- Foreign keys from a reference table to a distributed one: Citus has none (a reference table is copied whole on
-- every node, the row it would point at lives on one). These are the API keys, webhook endpoints and idempotency
-- keys of an agency that may be scoped to one client organisation (`scope_organization_id`, ON DELETE CASCADE).
-- They are not re-created: the purge of an organisation deletes those rows itself (see README).
CREATE TEMP TABLE socle_foreign_keys_dropped (conname) AS
VALUES ('api_keys_scope_organization_id_fkey'),
       ('idempotency_keys_scope_organization_id_fkey'),
       ('webhook_endpoints_scope_organization_id_fkey');

-- Foreign keys between distributed tables that carry organization_id and null only the other column on delete
-- (`ON DELETE SET NULL (column)`): Citus refuses SET NULL / SET DEFAULT on any foreign key that includes the
-- distribution column, whatever the column list. They are re-created without the action (NO ACTION): the row
-- still has to exist, and the delete paths null the column first (see README).
CREATE TEMP TABLE socle_foreign_keys_without_set_null (conname) AS
VALUES ('content_items_organization_id_network_plan_id_fkey'),
       ('content_items_organization_id_objective_id_fkey'),
       ('content_items_organization_id_segment_id_fkey'),
       ('content_variants_organization_id_network_account_id_fkey'),
       ('governance_decisions_organization_id_meeting_id_fkey'),
       ('governance_decisions_organization_id_owner_member_id_fkey'),
       ('governance_meetings_organization_id_ritual_id_fkey'),
       ('inbox_items_organization_id_network_account_id_fkey'),
       ('inbox_items_organization_id_publication_id_fkey'),
       ('inbox_replies_organization_id_network_account_id_fkey'),
       ('mentions_organization_id_account_id_fkey'),
       ('policy_acknowledgements_link_fkey'),
       ('publications_organization_id_network_account_id_fkey'),
       ('publications_organization_id_variant_id_fkey');

DO $$
DECLARE fk record;
BEGIN
  FOR fk IN SELECT * FROM socle_foreign_keys LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.table_name, fk.conname);
  END LOOP;
END $$;

-- 2. The functions every row-level security policy calls exist on every node (the policies run on the shards).
SELECT create_distributed_function('socle_current_user_id()');
SELECT create_distributed_function('socle_current_agency_id()');
SELECT create_distributed_function('socle_current_organization_id()');

-- 3. Reference tables: the platform's tables without organization_id (agencies, users, their sessions, mail outboxes,
--    API keys, webhook endpoints, maturity models, OAuth clients, security events), copied whole on every node so
--    that tenant tables join them locally.
SELECT create_reference_table('agencies');
SELECT create_reference_table('users');
SELECT create_reference_table('agency_audit_events');
SELECT create_reference_table('agency_invitations');
SELECT create_reference_table('agency_mail_outbox');
SELECT create_reference_table('agency_memberships');
SELECT create_reference_table('api_keys');
SELECT create_reference_table('idempotency_keys');
SELECT create_reference_table('maturity_models');
SELECT create_reference_table('maturity_model_versions');
SELECT create_reference_table('oauth_clients');
SELECT create_reference_table('password_resets');
SELECT create_reference_table('refresh_tokens');
SELECT create_reference_table('security_events');
SELECT create_reference_table('user_mail_outbox');
SELECT create_reference_table('webhook_endpoints');

-- 4. The colocation source: organizations, distributed by its own id (a uuid, the type of every organization_id, as
--    colocation requires).
SELECT create_distributed_table('organizations', 'id');

-- 5. Every tenant table, by organization_id, colocated with organizations: one organisation's rows of every table
--    live on the same node, so a query of one tenant runs on one node with all of PostgreSQL's SQL.
SELECT create_distributed_table('advocacy_digest_settings', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('alerts', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('network_accounts', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('mentions', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('alert_mentions', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('alert_settings', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('audience_segments', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('audit_events', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('brand_voices', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('business_calendars', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('comment_handling_rules', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('competitors', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('content_approval_chains', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('objectives', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('network_plans', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('content_items', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('content_approval_links', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('content_approval_decisions', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('content_rule_sets', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('content_variants', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('crisis_cell_notifications', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('crisis_cells', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('executive_report_settings', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('feedback_actions', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('publications', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('inbox_items', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('feedback_action_inbox_items', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('feedback_action_mentions', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('rituals', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('governance_meetings', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('governance_members', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('governance_decisions', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('governance_meeting_attendees', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('inbox_cursors', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('inbox_notes', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('inbox_replies', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('kpis', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('kpi_values', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('link_tracking_settings', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('listening_queries', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('listening_query_sources', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('listening_run_weeks', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('mail_outbox', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('maturity_assessments', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('maturity_answers', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('maturity_live_scores', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('media_assets', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('mention_author_profiles', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('mention_matches', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('metric_collections', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('metric_samples', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('network_plan_segments', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('network_account_choices', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('oauth_states', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('organization_invitations', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('organization_memberships', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('policy_documents', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('policy_staff', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('policy_versions', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('policy_acknowledgement_links', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('policy_acknowledgements', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('policy_events', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('policy_review_settings', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('publication_attempts', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('publishing_pauses', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('roadmap_step_statuses', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('strategy_document_versions', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('task_force_members', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('webhook_events', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('webhook_deliveries', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('webhook_attempts', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('press_rooms', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('press_room_contacts', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('press_room_media', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('press_releases', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('newsletter_subscribers', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('newsletter_deliveries', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('blog_digests', 'organization_id', colocate_with => 'organizations');
SELECT create_distributed_table('blog_digest_deliveries', 'organization_id', colocate_with => 'organizations');

-- 6. The foreign keys again, now between distributed tables (on organization_id, co-located) or from a distributed
--    table to a reference table, minus the two lists above.
DO $$
DECLARE fk record;
BEGIN
  FOR fk IN SELECT * FROM socle_foreign_keys
             WHERE conname NOT IN (SELECT conname FROM socle_foreign_keys_dropped) ORDER BY table_name::text, conname LOOP
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.table_name, fk.conname,
                   CASE WHEN fk.conname IN (SELECT conname FROM socle_foreign_keys_without_set_null)
                        THEN regexp_replace(fk.definition, ' ON DELETE SET (NULL|DEFAULT)( \([^)]*\))?', '')
                        ELSE fk.definition END);
  END LOOP;
END $$;
