import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task-force members may hold the roles of seed 000 beside the five functions of
 * seed 001 (content facilitator, facilitator, administrator; developer, graphic
 * designer; public relations, marketer), and say which department they come from.
 * One person holds several roles with one row per role (the unique keys already
 * allow it), so a one-person task force holds all five functions.
 */
export class TaskForceRoles1765000001210 implements MigrationInterface {
  name = 'TaskForceRoles1765000001210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE task_force_members
        DROP CONSTRAINT task_force_members_role_check,
        ADD CONSTRAINT task_force_members_role_check CHECK (role IN ('STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR',
          'CONTENT_FACILITATOR', 'FACILITATOR', 'ADMINISTRATOR', 'DEVELOPER', 'GRAPHIC_DESIGNER', 'PUBLIC_RELATIONS', 'MARKETER')),
        ADD COLUMN department text CHECK (length(department) BETWEEN 1 AND 80);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM task_force_members WHERE role NOT IN ('STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR');
      ALTER TABLE task_force_members
        DROP COLUMN department,
        DROP CONSTRAINT task_force_members_role_check,
        ADD CONSTRAINT task_force_members_role_check CHECK (role IN ('STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR'));
    `);
  }
}
