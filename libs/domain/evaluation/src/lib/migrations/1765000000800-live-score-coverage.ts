import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A live score keeps what it stands on: the coverage of the model's weight
 * (shares measured by evidence, carried from the latest finalised assessment,
 * unknown — all three or none, summing to 1), the score and level of the
 * measured part alone (the cap of the level), the level the overall score
 * reaches before the cap, and each criterion's source with
 * the age of a carried answer. Rows computed before stay without coverage (the
 * API shows it as unknown) until the next nightly run replaces them as latest.
 * The table's row-level security policy covers the new columns.
 */
export class LiveScoreCoverage1765000000800 implements MigrationInterface {
  name = 'LiveScoreCoverage1765000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE maturity_live_scores
        ADD COLUMN coverage_evidence numeric(4, 3) CHECK (coverage_evidence BETWEEN 0 AND 1),
        ADD COLUMN coverage_assessment numeric(4, 3) CHECK (coverage_assessment BETWEEN 0 AND 1),
        ADD COLUMN coverage_unknown numeric(4, 3) CHECK (coverage_unknown BETWEEN 0 AND 1),
        ADD COLUMN measured_score numeric(5, 1) CHECK (measured_score BETWEEN 0 AND 100),
        ADD COLUMN measured_level int CHECK (measured_level BETWEEN 1 AND 10),
        ADD COLUMN reached_level int CHECK (reached_level BETWEEN 1 AND 10),
        ADD COLUMN criteria jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(criteria) = 'object'),
        ADD CONSTRAINT maturity_live_scores_coverage_check CHECK (
          (coverage_evidence IS NULL AND coverage_assessment IS NULL AND coverage_unknown IS NULL)
          OR (coverage_evidence IS NOT NULL AND coverage_assessment IS NOT NULL AND coverage_unknown IS NOT NULL
              AND abs(coverage_evidence + coverage_assessment + coverage_unknown - 1) <= 0.002)),
        -- The level never exceeds what the measured part supports.
        ADD CONSTRAINT maturity_live_scores_level_cap_check CHECK (measured_level IS NULL OR level IS NULL OR level <= measured_level);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE maturity_live_scores
        DROP CONSTRAINT maturity_live_scores_level_cap_check,
        DROP CONSTRAINT maturity_live_scores_coverage_check,
        DROP COLUMN criteria,
        DROP COLUMN reached_level,
        DROP COLUMN measured_level,
        DROP COLUMN measured_score,
        DROP COLUMN coverage_unknown,
        DROP COLUMN coverage_assessment,
        DROP COLUMN coverage_evidence;
    `);
  }
}
