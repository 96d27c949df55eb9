import { weeklyAgenda } from './agenda';
import {
  isTaskForceFunction,
  ROLE_FAMILIES,
  TASK_FORCE_MEMBER_ROLES,
  TASK_FORCE_ROLE_LABELS,
  TASK_FORCE_ROLE_MISSIONS,
  TASK_FORCE_ROLES,
  taskForcePeople,
  TEAM_ROLES,
} from './roles';

describe('task-force roles', () => {
  it('keeps the five functions of seed 001 apart from the seed 000 roles', () => {
    expect(TASK_FORCE_ROLES).toEqual(['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR']);
    expect(TEAM_ROLES).toEqual([
      'CONTENT_FACILITATOR',
      'FACILITATOR',
      'ADMINISTRATOR',
      'DEVELOPER',
      'GRAPHIC_DESIGNER',
      'PUBLIC_RELATIONS',
      'MARKETER',
    ]);
    expect(TASK_FORCE_MEMBER_ROLES.filter(isTaskForceFunction)).toEqual([...TASK_FORCE_ROLES]);
    expect(TEAM_ROLES.map((r) => ROLE_FAMILIES[r])).toEqual([
      'ANIMATION',
      'ANIMATION',
      'ANIMATION',
      'SUPPORT',
      'SUPPORT',
      'PROMOTION',
      'PROMOTION',
    ]);
  });

  it('names and describes every role in French and English', () => {
    for (const role of TASK_FORCE_MEMBER_ROLES) {
      for (const text of [TASK_FORCE_ROLE_LABELS[role], TASK_FORCE_ROLE_MISSIONS[role]]) {
        expect({ role, fr: text.fr.trim().length > 0, en: text.en.trim().length > 0 }).toEqual({ role, fr: true, en: true });
      }
    }
    expect(TASK_FORCE_ROLE_LABELS.CONTENT_FACILITATOR.fr).toBe('Animateur de contenu');
    expect(TASK_FORCE_ROLE_LABELS.DEVELOPER.fr).toBe('Programmeur');
    expect(TASK_FORCE_ROLE_LABELS.GRAPHIC_DESIGNER.fr).toBe('Infographe');
    expect(TASK_FORCE_ROLE_LABELS.PUBLIC_RELATIONS.fr).toBe('Relationniste');
  });
});

describe('taskForcePeople', () => {
  it('groups a bakery’s one-person task force into one person holding every function', () => {
    const rows = [...TASK_FORCE_ROLES, 'GRAPHIC_DESIGNER' as const].reverse().map((role, i) => ({
      id: `r${i}`,
      role,
      userId: 'baker',
      name: 'Claire',
      department: i === 2 ? 'Boutique' : null,
    }));
    const people = taskForcePeople(rows);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      key: 'user:baker',
      name: 'Claire',
      roles: [...TASK_FORCE_ROLES, 'GRAPHIC_DESIGNER'],
      functions: [...TASK_FORCE_ROLES],
      department: 'Boutique',
    });
    expect(people[0].memberIds).toHaveLength(6);
  });

  it('tells members and external people apart, functions first, then the seed 000 roles', () => {
    const people = taskForcePeople([
      { id: '1', role: 'MARKETER', userId: null, name: 'Agence Lune', department: 'Marketing' },
      { id: '2', role: 'COMMUNITY_MANAGER', userId: 'u2', name: 'Bob' },
      { id: '3', role: 'PUBLIC_RELATIONS', userId: null, name: 'agence lune' },
      { id: '4', role: 'DEVELOPER', userId: 'u3', name: 'Ada' },
    ]);
    expect(people.map((p) => [p.name, p.roles, p.functions, p.department])).toEqual([
      ['Bob', ['COMMUNITY_MANAGER'], ['COMMUNITY_MANAGER'], null],
      ['Ada', ['DEVELOPER'], [], null],
      ['Agence Lune', ['PUBLIC_RELATIONS', 'MARKETER'], [], 'Marketing'],
    ]);
  });

  it('gives a seed 000 role its slot in the weekly meeting, after the functions', () => {
    const slots = weeklyAgenda(
      [
        { id: 'a', role: 'GRAPHIC_DESIGNER', userId: 'u1', name: 'Ada' },
        { id: 'b', role: 'ANALYST', userId: 'u2', name: 'Bob' },
      ],
      2,
    );
    expect(slots.map((s) => s.title.fr)).toEqual([
      'Tour de table : Bob (Analyste)',
      'Tour de table : Ada (Infographe)',
      'Brainstorming : idées de contenu',
    ]);
  });
});
