import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A KPI's machine-readable measure: what the platform computes from its own data
 * (metric samples, publications, mentions, the inbox) to show the KPI's progress.
 * Optional: a KPI without one keeps its free-text metric and is "not measured".
 */
export class KpiMeasure1765000000310 implements MigrationInterface {
  name = 'KpiMeasure1765000000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE kpis ADD COLUMN measure text CHECK (measure IN ('FOLLOWERS', 'POSTS_PUBLISHED', 'ENGAGEMENT', 'ENGAGEMENT_RATE', 'MENTIONS',
        'NEGATIVE_MENTION_SHARE', 'FIRST_RESPONSE_MINUTES', 'SHARE_OF_VOICE'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE kpis DROP COLUMN measure');
  }
}
