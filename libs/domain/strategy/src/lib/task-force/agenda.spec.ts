import { brainstormThemeOf, weeklyAgenda } from './agenda';
import { isoWeek, nextOccurrence, zonedTime } from './calendar';
import { weeklyMeetingOf } from './task-force.service';

const members = [
  { id: 'm3', role: 'COMMUNITY_MANAGER' as const, userId: 'u3', name: 'Chloé' },
  { id: 'm1', role: 'STRATEGY_LEAD' as const, userId: 'u1', name: 'Alice' },
  { id: 'm2', role: 'ANALYST' as const, userId: null, name: 'Bruno (agence)' },
];

describe('weekly meeting agenda', () => {
  it('gives each of three members ten minutes in role order, then twenty minutes of strategy brainstorm in an odd week', () => {
    const agenda = weeklyAgenda(members, 11);
    expect(agenda.map((s) => [s.kind, s.name, s.startOffsetMinutes, s.endOffsetMinutes])).toEqual([
      ['MEMBER_UPDATE', 'Alice', 0, 10],
      ['MEMBER_UPDATE', 'Chloé', 10, 20],
      ['MEMBER_UPDATE', 'Bruno (agence)', 20, 30],
      ['BRAINSTORM', null, 30, 50],
    ]);
    expect(agenda[3].theme).toBe('STRATEGY');
    expect(agenda[3].title).toEqual({ fr: 'Brainstorming : idées de stratégie', en: 'Brainstorming: strategy ideas' });
    expect(agenda[0].title).toEqual({ fr: 'Tour de table : Alice (Leader stratégie)', en: 'Round table: Alice (Strategy lead)' });
  });

  it('brainstorms content ideas in an even week', () => {
    const agenda = weeklyAgenda(members, 12);
    expect(agenda[3]).toMatchObject({ kind: 'BRAINSTORM', theme: 'CONTENT', startOffsetMinutes: 30, endOffsetMinutes: 50 });
    expect(agenda[3].title.fr).toBe('Brainstorming : idées de contenu');
    expect([brainstormThemeOf(1), brainstormThemeOf(2), brainstormThemeOf(53)]).toEqual(['STRATEGY', 'CONTENT', 'STRATEGY']);
  });

  it('lets a person holding two functions speak once, and an empty task force still brainstorms', () => {
    const agenda = weeklyAgenda([...members, { id: 'm4', role: 'COORDINATOR', userId: 'u1', name: 'Alice' }], 12);
    expect(agenda).toHaveLength(4);
    expect(agenda[0]).toMatchObject({ name: 'Alice', roles: ['STRATEGY_LEAD', 'COORDINATOR'], memberIds: ['m1', 'm4'] });
    expect(weeklyAgenda([], 3)).toEqual([expect.objectContaining({ kind: 'BRAINSTORM', startOffsetMinutes: 0, endOffsetMinutes: 20 })]);
  });
});

describe('calendar', () => {
  it('numbers ISO weeks (week 1 holds the first Thursday)', () => {
    expect(isoWeek({ year: 2026, month: 1, day: 1 })).toEqual({ year: 2026, week: 1 });
    expect(isoWeek({ year: 2021, month: 1, day: 3 })).toEqual({ year: 2020, week: 53 });
    expect(isoWeek({ year: 2026, month: 3, day: 9 })).toEqual({ year: 2026, week: 11 });
    expect(isoWeek({ year: 2024, month: 12, day: 30 })).toEqual({ year: 2025, week: 1 });
  });

  it('finds the next weekly occurrence in the ritual’s time zone, across a DST change', () => {
    // Monday 9 March 2026, 10:00 in Paris (UTC+1). Meeting: Mondays 09:30 → already passed, so next Monday.
    const now = new Date('2026-03-09T09:00:00Z');
    const next = nextOccurrence({ cadence: 'WEEKLY', weekday: 1, time: '09:30' }, 'Europe/Paris', now);
    expect(next.startsAt.toISOString()).toBe('2026-03-16T08:30:00.000Z');
    // Monday 30 March is after the switch to summer time (UTC+2).
    const later = nextOccurrence({ cadence: 'WEEKLY', weekday: 1, time: '09:30' }, 'Europe/Paris', new Date('2026-03-24T12:00:00Z'));
    expect(later.startsAt.toISOString()).toBe('2026-03-30T07:30:00.000Z');
    // Same day, still ahead.
    expect(nextOccurrence({ cadence: 'WEEKLY', weekday: 1, time: '11:00' }, 'Europe/Paris', now).startsAt.toISOString()).toBe(
      '2026-03-09T10:00:00.000Z',
    );
  });

  it('finds the next monthly occurrence, rolling over the year', () => {
    const next = nextOccurrence({ cadence: 'MONTHLY', dayOfMonth: 5, time: '08:00' }, 'UTC', new Date('2026-12-20T00:00:00Z'));
    expect(next.startsAt.toISOString()).toBe('2027-01-05T08:00:00.000Z');
    expect(zonedTime({ year: 2026, month: 7, day: 1 }, 12, 0, 'America/New_York').toISOString()).toBe('2026-07-01T16:00:00.000Z');
  });

  it('builds the meeting of the week it falls in', () => {
    const ritual = {
      id: 'r',
      kind: 'WEEKLY_MEETING',
      title: null,
      cadence: 'WEEKLY' as const,
      weekday: 2,
      dayOfMonth: null,
      time: '14:00',
      timezone: 'Europe/Zurich',
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    const taskForce = members.map((m) => ({ ...m, externalContact: null, createdAt: new Date() }));
    // Sunday 15 March 2026 → Tuesday 17 March, ISO week 12 (even: content ideas).
    const meeting = weeklyMeetingOf(ritual, taskForce, new Date('2026-03-15T10:00:00Z'));
    expect(meeting).toMatchObject({ localDate: '2026-03-17', isoWeek: 12, brainstormTheme: 'CONTENT' });
    expect(meeting.startsAt.toISOString()).toBe('2026-03-17T13:00:00.000Z');
    expect(meeting.endsAt.toISOString()).toBe('2026-03-17T13:50:00.000Z');
  });
});
