import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The purge of a deleted organisation removes its rows table by table as the
 * application role: KPI values must be deletable by it. Updates stay refused
 * (a correction is a newer value), and row-level security keeps a deletion
 * inside the tenant of the transaction.
 */
export class KpiValuesPurge1765000001410 implements MigrationInterface {
  name = 'KpiValuesPurge1765000001410';

  async up(q: QueryRunner): Promise<void> {
    await q.query('GRANT DELETE ON kpi_values TO socle_app');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('REVOKE DELETE ON kpi_values FROM socle_app');
  }
}
