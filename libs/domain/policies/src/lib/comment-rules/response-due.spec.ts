import { CommentHandlingRule, DEFAULT_COMMENT_RULES, responseDue, validateCommentRules } from './response-due';

const at = new Date('2026-03-02T09:00:00.000Z');
const rule = (patch: Partial<CommentHandlingRule>): CommentHandlingRule => ({
  channel: '*',
  severity: 'NORMAL',
  responseMinutes: 120,
  responsibleRole: 'COMMUNITY_MANAGER',
  escalate: false,
  replyTemplates: [],
  ...patch,
});

describe('responseDue', () => {
  const rules = [
    rule({ channel: '*', severity: 'NORMAL', responseMinutes: 240, replyTemplates: [{ language: 'fr', text: 'Merci !' }] }),
    rule({ channel: 'mastodon', severity: 'NORMAL', responseMinutes: 30, responsibleRole: 'CONTENT_LEAD' }),
    rule({ channel: '*', severity: 'CRISIS', responseMinutes: 15, responsibleRole: 'STRATEGY_LEAD', escalate: true }),
  ];

  it('prefers the rule of the exact network over the "*" rule', () => {
    const due = responseDue(rules, { network: 'mastodon', severity: 'NORMAL', receivedAt: at });
    expect(due).toMatchObject({
      responseMinutes: 30,
      responsibleRole: 'CONTENT_LEAD',
      source: 'RULE',
      channel: 'mastodon',
      escalate: false,
    });
    expect(due.dueAt.toISOString()).toBe('2026-03-02T09:30:00.000Z');
  });

  it('falls back to the "*" rule of the same severity, with its templates', () => {
    const due = responseDue(rules, { network: 'bluesky', severity: 'NORMAL', receivedAt: at });
    expect(due).toMatchObject({ responseMinutes: 240, channel: '*', source: 'RULE', templates: [{ language: 'fr', text: 'Merci !' }] });
    expect(due.dueAt.toISOString()).toBe('2026-03-02T13:00:00.000Z');
  });

  it('never takes a rule of another severity', () => {
    const due = responseDue(rules, { network: 'mastodon', severity: 'HIGH', receivedAt: at });
    expect(due).toMatchObject({
      source: 'DEFAULT',
      channel: null,
      responseMinutes: DEFAULT_COMMENT_RULES.HIGH.responseMinutes,
      templates: [],
    });
  });

  it('escalates a crisis', () => {
    expect(responseDue(rules, { network: 'x', severity: 'CRISIS', receivedAt: at })).toMatchObject({
      escalate: true,
      responsibleRole: 'STRATEGY_LEAD',
    });
  });

  it('uses the documented defaults without any rule', () => {
    const due = responseDue([], { network: 'mastodon', severity: 'LOW', receivedAt: at });
    expect(due).toMatchObject({ source: 'DEFAULT', responseMinutes: 2880, responsibleRole: 'COMMUNITY_MANAGER', escalate: false });
    expect(due.dueAt.toISOString()).toBe('2026-03-04T09:00:00.000Z');
    expect(responseDue([], { network: 'mastodon', severity: 'CRISIS', receivedAt: at }).escalate).toBe(true);
  });
});

describe('validateCommentRules', () => {
  it('accepts a valid set', () => {
    expect(validateCommentRules([rule({}), rule({ channel: 'mastodon' })])).toEqual([]);
  });

  it('reports each problem with its path', () => {
    const problems = validateCommentRules([
      rule({ responseMinutes: 0 }),
      rule({ channel: 'Mastodon!', responsibleRole: 'BOSS' as never }),
      rule({ replyTemplates: [{ language: 'en', text: '  ' }] }),
    ]);
    expect(problems.map((p) => p.path)).toEqual([
      '[0].responseMinutes',
      '[1].channel',
      '[1].responsibleRole',
      '[2].replyTemplates[0].text',
      '[2]',
    ]);
    expect(problems[4].message).toMatch(/repeats channel \* and severity NORMAL of rule \[0\]/);
  });
});
