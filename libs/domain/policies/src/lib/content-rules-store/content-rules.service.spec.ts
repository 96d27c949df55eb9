import { check, compileContentPolicy, ContentRule } from '../content-rules';
import { brandVoiceRules, effectiveRules } from './content-rules.service';
import { networkTextLimitsFromManifests } from './network-text-limits';

describe('rules derived from the brand voice and the network', () => {
  it('turns words to avoid into a WARN AVOID_WORDS rule "brand-voice", and the form of address into an ADDRESS_FORM rule', () => {
    expect(brandVoiceRules({ wordsToAvoid: ['  promo ', 'promo', 'pas cher', '\u200b'], addressForm: 'VOUS' })).toEqual([
      { id: 'brand-voice', kind: 'AVOID_WORDS', severity: 'WARN', words: ['promo', 'pas cher'] },
      { id: 'brand-voice-address-form', kind: 'ADDRESS_FORM', severity: 'WARN', form: 'vous' },
    ]);
    expect(brandVoiceRules({ wordsToAvoid: [], addressForm: null })).toEqual([]);
    expect(brandVoiceRules(null)).toEqual([]);
  });

  it('adds a BLOCK network-limits rule unless the organisation wrote its own', () => {
    const own: ContentRule[] = [{ id: 'tags', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 2 }];
    expect(effectiveRules(own, null).map((r) => r.id)).toEqual(['tags', 'network-limits']);
    const withLimits: ContentRule[] = [{ id: 'mine', kind: 'NETWORK_LIMITS', severity: 'WARN', networks: ['bluesky'] }];
    expect(effectiveRules(withLimits, null).map((r) => r.id)).toEqual(['mine']);
  });

  it('checks a text against all of them at once', () => {
    const rules = effectiveRules([{ id: 'tags', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 1 }], {
      wordsToAvoid: ['promo'],
      addressForm: 'VOUS',
    });
    const limits = networkTextLimitsFromManifests(
      () =>
        [
          { id: 'tiny', displayName: 'Tiny', text: { maxLength: 20, counting: 'code-points' } },
          { id: 'feed', displayName: 'Feed', text: { maxLength: 0, counting: 'code-points' } },
        ] as never,
    );
    expect(limits.limits('feed')).toBeNull();
    expect(limits.networks()).toEqual(['tiny']);
    const violations = check(compileContentPolicy({ locale: 'fr', rules }), 'Une promo pour toi #a #b', {
      network: limits.limits('tiny') ?? undefined,
    });
    expect(violations.map((v) => [v.ruleId, v.severity])).toEqual([
      ['brand-voice', 'WARN'],
      ['brand-voice-address-form', 'WARN'],
      ['network-limits', 'BLOCK'],
      ['tags', 'WARN'],
    ]);
  });
});
