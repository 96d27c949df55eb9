import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A publication attempt's own key to `organizations` goes: its key to its
 * publication, `(organization_id, publication_id)`, already holds the
 * organisation (a publication's organisation exists: its own key says so).
 * The second key cost a check per attempt written, one lookup of the
 * organisation each, on the dispatch's hottest statement (the claim writes an
 * attempt for every publication it takes).
 */
export class AttemptsOrganizationKey1765000004300 implements MigrationInterface {
  name = 'AttemptsOrganizationKey1765000004300';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE publication_attempts DROP CONSTRAINT IF EXISTS publication_attempts_organization_id_fkey');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE publication_attempts ADD CONSTRAINT publication_attempts_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id)',
    );
  }
}
