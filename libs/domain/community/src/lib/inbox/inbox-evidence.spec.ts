import { EvidenceRegistry } from '@socle/platform-evidence';
import { inboxEvidenceProvider, RESPONSE_PRACTICE_DAYS, RESPONSE_PRACTICE_KEY, responsePracticeEvidence } from './inbox-evidence';

describe('community.responsePractice', () => {
  it('gives the share of due comments first-answered within the rules’ delay', () => {
    const r = responsePracticeEvidence({ due: 8, inTime: 6 });
    expect(r).toMatchObject({ value: 0.75, score: 0.75 });
    expect(r.explanation.en).toBe(
      `6 of 8 comments got a first answer within the rules' delay over the last ${RESPONSE_PRACTICE_DAYS} days (75%).`,
    );
    expect(r.explanation.fr).toContain('6 commentaires sur 8 ont reçu une première réponse');
  });

  it('scores 0 when there was nothing to answer, saying practice is not shown yet', () => {
    expect(responsePracticeEvidence({ due: 0, inTime: 0 })).toMatchObject({
      value: null,
      score: 0,
      explanation: { en: `No comment to handle in the last ${RESPONSE_PRACTICE_DAYS} days: answering in practice is not shown yet.` },
    });
  });

  it('computes both inbox keys in one statement', async () => {
    const registry = new EvidenceRegistry();
    registry.register(inboxEvidenceProvider);
    const statements: unknown[][] = [];
    const uow = {
      prepared: async (_name: string, _sql: string, params: unknown[]) => {
        statements.push(params);
        return [{ count: 2, median: 30, allowed: 60, due: 5, in_time: 4 }];
      },
    };
    const results = await registry.compute({ uow: uow as never, organizationId: '00000000-0000-0000-0000-000000000001', at: new Date() });
    expect(statements).toHaveLength(1);
    expect(results.get(RESPONSE_PRACTICE_KEY)?.score).toBe(0.8);
    expect(results.get('community.responseTime')?.score).toBe(1);
  });
});
