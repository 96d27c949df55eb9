import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and tenancy. Row-level security is FORCEd on every table with
 * tenant data; policies read the tenant through socle_current_*() functions
 * built on current_setting(..., true), so an unset tenant yields NULL and
 * matches nothing (fail closed).
 */
export class Accounts1763860000000 implements MigrationInterface {
  name = 'Accounts1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION socle_current_user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT nullif(current_setting('socle.user_id', true), '')::uuid $$;
      CREATE FUNCTION socle_current_agency_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT nullif(current_setting('socle.agency_id', true), '')::uuid $$;
      CREATE FUNCTION socle_current_organization_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT nullif(current_setting('socle.organization_id', true), '')::uuid $$;

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        password_hash text NOT NULL,
        locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));

      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      );

      CREATE TABLE agency_memberships (
        agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, user_id)
      );
      CREATE INDEX agency_memberships_user_idx ON agency_memberships (user_id);

      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        sector text,
        size text CHECK (size IN ('MICRO', 'SMALL', 'MEDIUM', 'LARGE', 'ENTERPRISE')),
        locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
        timezone text NOT NULL DEFAULT 'Europe/Paris',
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DELETION_PENDING')),
        deletion_requested_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX organizations_agency_idx ON organizations (agency_id, created_at, id);

      CREATE TABLE organization_memberships (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['STRATEGY_LEAD', 'CONTENT_LEAD',
          'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR', 'EXECUTIVE_APPROVER', 'CONTRIBUTOR', 'VIEWER']::text[]),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, user_id)
      );
      CREATE INDEX organization_memberships_user_idx ON organization_memberships (user_id);
      CREATE INDEX organization_memberships_page_idx ON organization_memberships (organization_id, created_at, user_id);

      CREATE TABLE organization_invitations (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        token_hash bytea NOT NULL,
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        revoked_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, token_hash)
      );

      CREATE TABLE agency_invitations (
        agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
        token_hash bytea NOT NULL,
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        revoked_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, id),
        UNIQUE (agency_id, token_hash)
      );

      CREATE TABLE api_keys (
        agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        scope_organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'write']::text[]),
        display_prefix text NOT NULL,
        secret_hash bytea NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz,
        PRIMARY KEY (agency_id, id)
      );
      CREATE UNIQUE INDEX api_keys_secret_hash_key ON api_keys (secret_hash);
      CREATE INDEX api_keys_page_idx ON api_keys (agency_id, created_at, id);

      CREATE TABLE audit_events (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        occurred_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        actor_type text NOT NULL CHECK (actor_type IN ('USER', 'API_KEY', 'SYSTEM')),
        actor_id uuid,
        action text NOT NULL,
        target_type text,
        target_id text,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text,
        PRIMARY KEY (organization_id, id)
      );
      CREATE INDEX audit_events_page_idx ON audit_events (organization_id, occurred_at DESC, id DESC);

      CREATE TABLE agency_audit_events (
        agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        subject_organization_id uuid,
        occurred_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        actor_type text NOT NULL CHECK (actor_type IN ('USER', 'API_KEY', 'SYSTEM')),
        actor_id uuid,
        action text NOT NULL,
        target_type text,
        target_id text,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text,
        PRIMARY KEY (agency_id, id)
      );
      CREATE INDEX agency_audit_events_page_idx ON agency_audit_events (agency_id, occurred_at DESC, id DESC);

      CREATE TABLE refresh_tokens (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, id),
        UNIQUE (user_id, token_hash)
      );
      CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (user_id, family_id);

      -- Sign-in failures for addresses that match no user: no tenant to record them in.
      CREATE TABLE security_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz(3) NOT NULL DEFAULT now(),
        kind text NOT NULL,
        email_hash text,
        ip text,
        request_id text
      );
    `);

    // Row-level security: forced, with USING and WITH CHECK on every policy.
    const policies: [table: string, using: string, check: string][] = [
      [
        'users',
        `id = socle_current_user_id()
           OR EXISTS (SELECT 1 FROM organization_memberships m WHERE m.user_id = users.id)
           OR EXISTS (SELECT 1 FROM agency_memberships a WHERE a.user_id = users.id)`,
        'id = socle_current_user_id()',
      ],
      [
        'agencies',
        'id = socle_current_agency_id() OR EXISTS (SELECT 1 FROM agency_memberships a WHERE a.agency_id = agencies.id)',
        'id = socle_current_agency_id()',
      ],
      [
        'agency_memberships',
        'agency_id = socle_current_agency_id() OR user_id = socle_current_user_id()',
        'agency_id = socle_current_agency_id()',
      ],
      [
        'organizations',
        'id = socle_current_organization_id() OR agency_id = socle_current_agency_id()',
        'id = socle_current_organization_id() OR agency_id = socle_current_agency_id()',
      ],
      [
        'organization_memberships',
        'organization_id = socle_current_organization_id() OR user_id = socle_current_user_id()',
        'organization_id = socle_current_organization_id()',
      ],
      [
        'organization_invitations',
        'organization_id = socle_current_organization_id()',
        'organization_id = socle_current_organization_id()',
      ],
      ['agency_invitations', 'agency_id = socle_current_agency_id()', 'agency_id = socle_current_agency_id()'],
      ['api_keys', 'agency_id = socle_current_agency_id()', 'agency_id = socle_current_agency_id()'],
      ['audit_events', 'organization_id = socle_current_organization_id()', 'organization_id = socle_current_organization_id()'],
      ['agency_audit_events', 'agency_id = socle_current_agency_id()', 'agency_id = socle_current_agency_id()'],
      ['refresh_tokens', 'user_id = socle_current_user_id()', 'user_id = socle_current_user_id()'],
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
      REVOKE UPDATE, DELETE ON audit_events, agency_audit_events FROM socle_app;
      GRANT DELETE ON audit_events TO socle_app; -- purging a deleted organisation only
      GRANT INSERT ON security_events TO socle_app;
      GRANT EXECUTE ON FUNCTION socle_current_user_id(), socle_current_agency_id(), socle_current_organization_id() TO socle_app;

      -- Look-ups that precede any tenant. SECURITY DEFINER, owned by the owner role:
      -- each returns only what authentication needs for one exact key.
      CREATE FUNCTION socle_auth_user_by_email(p_email text)
        RETURNS TABLE (id uuid, password_hash text, locale text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT u.id, u.password_hash, u.locale FROM users u WHERE lower(u.email) = lower(p_email) $$;
      CREATE FUNCTION socle_auth_user_agencies(p_user uuid)
        RETURNS TABLE (agency_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT agency_id FROM agency_memberships WHERE user_id = p_user $$;
      CREATE FUNCTION socle_auth_api_key(p_hash bytea)
        RETURNS TABLE (agency_id uuid, id uuid, scope_organization_id uuid, scopes text[], secret_hash bytea,
                       expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT k.agency_id, k.id, k.scope_organization_id, k.scopes, k.secret_hash, k.expires_at, k.revoked_at, k.last_used_at
             FROM api_keys k WHERE k.secret_hash = p_hash $$;
      -- Last use is kept to the minute: one write per key per minute at most.
      CREATE FUNCTION socle_auth_touch_api_key(p_agency uuid, p_id uuid) RETURNS void
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ UPDATE api_keys SET last_used_at = now() WHERE agency_id = p_agency AND id = p_id
             AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') $$;
      -- The signed-in person's organisations across tenants (for "me"): reads the user from the
      -- transaction's own setting, so it answers only for the user the request runs as.
      CREATE FUNCTION socle_my_organizations()
        RETURNS TABLE (id uuid, agency_id uuid, name text, sector text, size text, locale text, timezone text, status text,
                       deletion_requested_at timestamptz, created_at timestamptz, updated_at timestamptz, roles text[])
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT o.id, o.agency_id, o.name, o.sector, o.size, o.locale, o.timezone, o.status, o.deletion_requested_at,
                  o.created_at, o.updated_at, m.roles
             FROM organization_memberships m JOIN organizations o ON o.id = m.organization_id
            WHERE m.user_id = socle_current_user_id() ORDER BY o.name $$;
      -- Organisations waiting to be purged, for the worker's reconciler (ids only).
      CREATE FUNCTION socle_pending_organization_deletions()
        RETURNS TABLE (id uuid, agency_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT id, agency_id FROM organizations WHERE status = 'DELETION_PENDING' $$;
      REVOKE ALL ON FUNCTION socle_my_organizations(), socle_pending_organization_deletions() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_my_organizations(), socle_pending_organization_deletions() TO socle_app;
      REVOKE ALL ON FUNCTION socle_auth_user_by_email(text), socle_auth_user_agencies(uuid), socle_auth_api_key(bytea),
        socle_auth_touch_api_key(uuid, uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_auth_user_by_email(text), socle_auth_user_agencies(uuid), socle_auth_api_key(bytea),
        socle_auth_touch_api_key(uuid, uuid) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE security_events, refresh_tokens, agency_audit_events, audit_events, api_keys, agency_invitations,
        organization_invitations, organization_memberships, organizations, agency_memberships, agencies, users CASCADE;
      DROP FUNCTION socle_my_organizations(), socle_pending_organization_deletions(), socle_auth_user_by_email(text), socle_auth_user_agencies(uuid), socle_auth_api_key(bytea),
        socle_auth_touch_api_key(uuid, uuid), socle_current_user_id(), socle_current_agency_id(), socle_current_organization_id();
    `);
  }
}
