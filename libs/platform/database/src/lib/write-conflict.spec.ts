import { QueryFailedError } from 'typeorm';
import { isConcurrentWriteConflict, uniqueConstraintOf } from './write-conflict';

describe('isConcurrentWriteConflict', () => {
  const driver = (code: string) => Object.assign(new Error('pg'), { code });

  it('knows a unique key taken meanwhile, a serialization failure and a deadlock, from TypeORM or pg', () => {
    for (const code of ['23505', '40001', '40P01']) {
      expect(isConcurrentWriteConflict(new QueryFailedError('INSERT', [], driver(code)))).toBe(true);
      expect(isConcurrentWriteConflict(driver(code))).toBe(true);
    }
  });

  it('is false for every other failure', () => {
    for (const error of [
      new QueryFailedError('INSERT', [], driver('23514')),
      driver('22P02'),
      new Error('x'),
      null,
      'x',
      { code: 23505 },
    ]) {
      expect(isConcurrentWriteConflict(error)).toBe(false);
    }
  });
});

describe('uniqueConstraintOf', () => {
  it('names the unique key a write broke, from TypeORM or pg; null for any other failure', () => {
    const unique = Object.assign(new Error('pg'), { code: '23505', constraint: 'listening_queries_name_key' });
    expect(uniqueConstraintOf(new QueryFailedError('INSERT', [], unique))).toBe('listening_queries_name_key');
    expect(uniqueConstraintOf(unique)).toBe('listening_queries_name_key');
    expect(uniqueConstraintOf(Object.assign(new Error('pg'), { code: '23505' }))).toBe('');
    for (const error of [Object.assign(new Error('pg'), { code: '40001', constraint: 'x' }), new Error('x'), null, 'x']) {
      expect(uniqueConstraintOf(error)).toBeNull();
    }
  });
});
