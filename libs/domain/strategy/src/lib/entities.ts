/**
 * The strategy tables are read and written with SQL through the unit of work
 * only; their shape lives in the migration. No TypeORM entity is needed.
 */
export const STRATEGY_ENTITIES: never[] = [];
