import { defaultBusinessCalendar } from '../business-calendar/business-calendar';
import { CommentHandlingRule, DEFAULT_COMMENT_RULES, responseDue, validateCommentRules } from './response-due';

const at = new Date('2026-03-02T09:00:00.000Z');
const rule = (patch: Partial<CommentHandlingRule>): CommentHandlingRule => ({
  channel: '*',
  severity: 'NORMAL',
  responseMinutes: 120,
  responsibleRole: 'COMMUNITY_MANAGER',
  escalate: false,
  businessHours: false,
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

describe('responseDue in business hours', () => {
  const paris = defaultBusinessCalendar('Europe/Paris');
  const friday = new Date('2026-03-06T16:30:00.000Z'); // Friday 17:30 in Paris
  const rules = [
    rule({ channel: '*', severity: 'NORMAL', responseMinutes: 120, businessHours: true }),
    rule({ channel: '*', severity: 'CRISIS', responseMinutes: 120, escalate: true }),
  ];

  it('counts a business-hours rule in the calendar: Friday 17:30 + 2 h is Monday 10:30', () => {
    const due = responseDue(rules, { network: 'mastodon', severity: 'NORMAL', receivedAt: friday }, paris);
    expect(due.dueAt.toISOString()).toBe('2026-03-09T09:30:00.000Z');
    expect(due).toMatchObject({ businessHours: true, responseMinutes: 120 });
  });

  it('counts a round-the-clock rule in calendar minutes, calendar or not', () => {
    const due = responseDue(rules, { network: 'mastodon', severity: 'CRISIS', receivedAt: friday }, paris);
    expect(due.dueAt.toISOString()).toBe('2026-03-06T18:30:00.000Z');
    expect(due.businessHours).toBe(false);
  });

  it('says when it could not count in business hours (no calendar given)', () => {
    const due = responseDue(rules, { network: 'mastodon', severity: 'NORMAL', receivedAt: friday });
    expect(due.dueAt.toISOString()).toBe('2026-03-06T18:30:00.000Z');
    expect(due.businessHours).toBe(false);
  });

  it('skips Easter Monday', () => {
    const thursday = new Date('2026-04-02T15:00:00.000Z'); // 17:00 CEST; Friday open in France, Monday 6 April closed
    const due = responseDue(
      [rule({ responseMinutes: 660, businessHours: true })],
      { network: 'x', severity: 'NORMAL', receivedAt: thursday },
      paris,
    );
    // 1 h on Thursday, 9 h on Friday, Monday 6 April closed, 1 h on Tuesday: 10:00.
    expect(due.dueAt.toISOString()).toBe('2026-04-07T08:00:00.000Z');
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
      rule({ severity: 'HIGH', businessHours: 'yes' as never }),
    ]);
    expect(problems.map((p) => p.path)).toEqual([
      '[0].responseMinutes',
      '[1].channel',
      '[1].responsibleRole',
      '[2].replyTemplates[0].text',
      '[2]',
      '[3].businessHours',
    ]);
    expect(problems[4].message).toMatch(/repeats channel \* and severity NORMAL of rule \[0\]/);
  });
});
