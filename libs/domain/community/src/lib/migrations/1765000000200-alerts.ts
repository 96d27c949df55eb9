import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['alert_settings', 'alerts', 'alert_mentions'];

/**
 * Crisis alerts: each organisation's detection settings, the alerts raised
 * (a spike of negative mentions over the organisation's own baseline) and the
 * mentions behind each one. Organisation tables: keys lead with
 * organization_id, row-level security FORCEd. A partial unique index lets one
 * unresolved alert (OPEN or ACKNOWLEDGED) exist per organisation and kind, so
 * two evaluators running at once raise one alert; a trigger allows only the
 * workflow's transitions. A SECURITY DEFINER function lists, across tenants,
 * the organisations with negative mentions stored since their last evaluation
 * (ids only) for the worker's reconciler.
 */
export class Alerts1765000000200 implements MigrationInterface {
  name = 'Alerts1765000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alert_settings (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        enabled boolean NOT NULL DEFAULT true,
        sensitivity text NOT NULL DEFAULT 'MEDIUM' CHECK (sensitivity IN ('LOW', 'MEDIUM', 'HIGH')),
        min_count int NOT NULL DEFAULT 10 CHECK (min_count BETWEEN 1 AND 100000),
        window_minutes int NOT NULL DEFAULT 60 CHECK (window_minutes BETWEEN 15 AND 1440),
        baseline_days int NOT NULL DEFAULT 14 CHECK (baseline_days BETWEEN 7 AND 28),
        -- Set by the evaluator (a little before it read): the reconciler looks for negative mentions stored after it.
        last_evaluated_at timestamptz(3),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id)
      );

      CREATE TABLE alerts (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('NEGATIVE_SPIKE')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
        -- The window of the strongest evaluation so far, and what it measured.
        window_start timestamptz(3) NOT NULL,
        window_end timestamptz(3) NOT NULL,
        observed_count int NOT NULL CHECK (observed_count >= 0),
        baseline_mean double precision NOT NULL CHECK (baseline_mean >= 0),
        baseline_stddev double precision NOT NULL CHECK (baseline_stddev >= 0),
        baseline_days int NOT NULL CHECK (baseline_days BETWEEN 1 AND 28),
        threshold double precision NOT NULL CHECK (threshold >= 0),
        ratio double precision NOT NULL CHECK (ratio >= 0),
        sensitivity text NOT NULL CHECK (sensitivity IN ('LOW', 'MEDIUM', 'HIGH')),
        detections int NOT NULL DEFAULT 1 CHECK (detections >= 1),
        last_detected_at timestamptz(3) NOT NULL DEFAULT now(),
        acknowledged_by uuid REFERENCES users (id) ON DELETE SET NULL,
        acknowledged_at timestamptz(3),
        resolved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        resolved_at timestamptz(3),
        note text CHECK (length(note) BETWEEN 1 AND 2000),
        publishing_paused_by uuid REFERENCES users (id) ON DELETE SET NULL,
        publishing_paused_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        CHECK (window_start < window_end),
        CHECK (status = 'OPEN' OR acknowledged_at IS NOT NULL OR resolved_at IS NOT NULL),
        CHECK (status <> 'RESOLVED' OR resolved_at IS NOT NULL)
      );
      -- One unresolved alert per organisation and kind: a rising spike updates it, two evaluators at once raise one.
      CREATE UNIQUE INDEX alerts_unresolved_key ON alerts (organization_id, kind) WHERE status IN ('OPEN', 'ACKNOWLEDGED');
      CREATE INDEX alerts_page_idx ON alerts (organization_id, created_at DESC, id DESC);
      CREATE INDEX alerts_status_idx ON alerts (organization_id, status, created_at DESC, id DESC);

      CREATE FUNCTION socle_alerts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.organization_id <> OLD.organization_id OR NEW.id <> OLD.id OR NEW.kind <> OLD.kind OR NEW.created_at <> OLD.created_at THEN
          RAISE EXCEPTION 'an alert keeps its organisation, id, kind and time' USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (('OPEN', 'ACKNOWLEDGED'), ('OPEN', 'RESOLVED'), ('ACKNOWLEDGED', 'RESOLVED')) THEN
          RAISE EXCEPTION 'alert % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER alerts_guard BEFORE UPDATE ON alerts FOR EACH ROW EXECUTE FUNCTION socle_alerts_guard();

      CREATE TABLE alert_mentions (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        alert_id uuid NOT NULL,
        mention_id uuid NOT NULL,
        -- Copied from the mention: the alert's mentions are read (and capped) in this order from this table alone.
        reach int CHECK (reach >= 0),
        published_at timestamptz(3) NOT NULL,
        added_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, alert_id, mention_id),
        FOREIGN KEY (organization_id, alert_id) REFERENCES alerts (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, mention_id) REFERENCES mentions (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX alert_mentions_rank_idx ON alert_mentions (organization_id, alert_id, reach DESC NULLS LAST, published_at DESC, mention_id DESC);
      CREATE INDEX alert_mentions_mention_idx ON alert_mentions (organization_id, mention_id);

      -- An organisation's negative mentions by the time they were stored: the reconciler probes it once per organisation.
      CREATE INDEX mentions_negative_stored_idx ON mentions (organization_id, created_at) WHERE sentiment_label = 'NEGATIVE';
    `);
    for (const table of TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO socle_app;
      `);
    }
    await q.query(`
      -- Active organisations with alerts on and a negative mention stored after p_since and after their last evaluation (ids only).
      CREATE FUNCTION socle_alerts_due(p_since timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT o.id FROM organizations o LEFT JOIN alert_settings s ON s.organization_id = o.id
            WHERE o.status = 'ACTIVE' AND coalesce(s.enabled, true)
              AND EXISTS (SELECT 1 FROM mentions m
                           WHERE m.organization_id = o.id AND m.sentiment_label = 'NEGATIVE'
                             AND m.created_at > greatest(p_since, coalesce(s.last_evaluated_at, p_since)))
            ORDER BY o.id LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_alerts_due(timestamptz, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_alerts_due(timestamptz, int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION socle_alerts_due(timestamptz, int);
      DROP INDEX mentions_negative_stored_idx;
      DROP TABLE ${[...TABLES].reverse().join(', ')};
      DROP FUNCTION socle_alerts_guard();
    `);
  }
}
