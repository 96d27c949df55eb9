import { MentionEnricher } from '../listening/mention-enricher';
import {
  asksQuestion,
  classifySeverity,
  combineReadings,
  ESCALATION_WORDS,
  findEscalationWord,
  itemSentiment,
  SeveritySignals,
} from './severity';

const calm: Omit<SeveritySignals, 'text'> = { sentiment: 'NEUTRAL', crisisAlertOpen: false, authorTags: [] };

describe('escalation words', () => {
  it.each([
    ['C’est une ARNAQUE totale', 'arnaque'],
    ['Je veux être remboursée', 'remboursee'],
    ['Remboursez-moi !', 'remboursez'],
    ['Mon avocat vous contactera', 'avocat'],
    ['Je vais porter plainte', 'plainte'],
    ['On se verra au procès', 'proces'],
    ['Vous recevrez une mise en demeure', 'mise en demeure'],
    ['This is a scam', 'scam'],
    ['I got scammed', 'scammed'],
    ['Still waiting for my refund', 'refund'],
    ['My lawyer will call', 'lawyer'],
    ['I will sue you', 'sue'],
    ['Totally ripped off', 'ripped off'],
  ])('finds one in "%s"', (text, word) => {
    expect(findEscalationWord(text)).toBe(word);
  });

  it.each(['Super fournée ce matin', 'Les processus de livraison', 'Nice suede shoes', 'Scampi risotto', 'procession'])(
    'finds none in "%s" (whole words, and prefixes only where the list says so)',
    (text) => {
      expect(findEscalationWord(text)).toBeNull();
    },
  );

  it('keeps a negated complaint a complaint ("pas remboursé", "no refund")', () => {
    expect(findEscalationWord('Toujours pas remboursé')).toBe('rembourse');
    expect(findEscalationWord('no refund yet')).toBe('refund');
  });

  it('is one list, written without accents in lower case', () => {
    for (const entry of ESCALATION_WORDS) expect(entry).toMatch(/^[a-z0-9 ]+\*?$/);
    expect(new Set(ESCALATION_WORDS).size).toBe(ESCALATION_WORDS.length);
  });

  it('reads hostile text without failing (NUL, lone surrogates, huge)', () => {
    expect(findEscalationWord('\u0000arnaque\ud800')).toBe('arnaque');
    expect(findEscalationWord('\ud83d'.repeat(10) + 'x')).toBeNull();
    const huge = 'a '.repeat(500_000) + 'refund';
    const started = Date.now();
    expect(findEscalationWord(huge)).toBeNull(); // beyond what is read
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('questions', () => {
  it.each(['Vous livrez le dimanche ?', 'Comment on commande', 'Est-ce que c’est ouvert demain', 'How do I order', '@boulangerie why not'])(
    '"%s" asks something',
    (text) => expect(asksQuestion(text)).toBe(true),
  );
  it.each(['Merci, délicieux !', 'Love it', 'Bravo à toute l’équipe. À demain'])('"%s" asks nothing', (text) =>
    expect(asksQuestion(text)).toBe(false),
  );
});

describe('classifySeverity', () => {
  it('is CRISIS for a negative item while a crisis alert is open', () => {
    expect(classifySeverity({ ...calm, text: 'Honteux', sentiment: 'NEGATIVE', crisisAlertOpen: true })).toEqual({
      severity: 'CRISIS',
      reason: 'CRISIS_ALERT',
    });
    expect(classifySeverity({ ...calm, text: 'Je veux un remboursement', crisisAlertOpen: true })).toEqual({
      severity: 'CRISIS',
      reason: 'CRISIS_ALERT',
    });
  });

  it('is CRISIS for a negative item while publishing is paused for a crisis, without an alert', () => {
    expect(classifySeverity({ ...calm, text: 'Scandaleux', sentiment: 'NEGATIVE', crisisPauseOn: true })).toEqual({
      severity: 'CRISIS',
      reason: 'CRISIS_PAUSE',
    });
    expect(
      classifySeverity({ ...calm, text: 'Scandaleux', sentiment: 'NEGATIVE', crisisAlertOpen: true, crisisPauseOn: true }).reason,
    ).toBe('CRISIS_ALERT');
  });

  it('is not CRISIS for a calm or happy item during a crisis', () => {
    expect(classifySeverity({ ...calm, text: 'Courage à vous', sentiment: 'POSITIVE', crisisAlertOpen: true }).severity).toBe('LOW');
    expect(classifySeverity({ ...calm, text: 'Vous êtes ouverts ?', crisisAlertOpen: true }).severity).toBe('NORMAL');
  });

  it('is HIGH for an escalation word, with the word as written', () => {
    expect(classifySeverity({ ...calm, text: 'Une arnaque, ce gâteau', sentiment: 'POSITIVE' })).toEqual({
      severity: 'HIGH',
      reason: 'ESCALATION_WORD:arnaque',
    });
  });

  it('is HIGH for a detractor or an influencer, not for an ambassador', () => {
    expect(classifySeverity({ ...calm, text: 'Bof', authorTags: ['DETRACTOR'] })).toEqual({
      severity: 'HIGH',
      reason: 'AUTHOR_TAG:DETRACTOR',
    });
    expect(classifySeverity({ ...calm, text: 'Nice', sentiment: 'POSITIVE', authorTags: ['AMBASSADOR', 'INFLUENCER'] })).toEqual({
      severity: 'HIGH',
      reason: 'AUTHOR_TAG:INFLUENCER',
    });
    expect(classifySeverity({ ...calm, text: 'Nice', sentiment: 'POSITIVE', authorTags: ['AMBASSADOR'] }).severity).toBe('LOW');
  });

  it('is HIGH for a negative item', () => {
    expect(classifySeverity({ ...calm, text: 'Très déçu', sentiment: 'NEGATIVE' })).toEqual({ severity: 'HIGH', reason: 'NEGATIVE' });
  });

  it('is LOW for a positive item without a question, NORMAL with one', () => {
    expect(classifySeverity({ ...calm, text: 'Merci, délicieux !', sentiment: 'POSITIVE' })).toEqual({
      severity: 'LOW',
      reason: 'POSITIVE',
    });
    expect(classifySeverity({ ...calm, text: 'Délicieux ! Vous livrez ?', sentiment: 'POSITIVE' })).toEqual({
      severity: 'NORMAL',
      reason: null,
    });
  });

  it('is NORMAL for a neutral or unscored item', () => {
    expect(classifySeverity({ ...calm, text: 'Ouvert demain' })).toEqual({ severity: 'NORMAL', reason: null });
    expect(classifySeverity({ ...calm, text: 'Guten Morgen', sentiment: null })).toEqual({ severity: 'NORMAL', reason: null });
  });
});

describe('sentiment of an item, with the listening enricher', () => {
  const enricher = new MentionEnricher();
  const enrich = (text: string, language: string | null | undefined) => enricher.enrich(text, language);
  const classify = async (text: string, language: string | null = null) =>
    classifySeverity({ ...calm, text, sentiment: await itemSentiment(text, language, enrich) });

  it('makes a French or English complaint HIGH (NEGATIVE)', async () => {
    expect(await classify('Franchement très déçue, le pain était rassis et le service horrible.')).toEqual({
      severity: 'HIGH',
      reason: 'NEGATIVE',
    });
    expect(await classify('Terrible service, the bread was stale and the staff rude.')).toEqual({ severity: 'HIGH', reason: 'NEGATIVE' });
  });

  it('reads "pas mauvais" as no complaint', async () => {
    expect((await classify('Franchement, ce pain n’est pas mauvais du tout.')).severity).not.toBe('HIGH');
    expect((await classify('Not bad at all, the croissants were fine.')).severity).not.toBe('HIGH');
  });

  it('makes a warm thank-you LOW, and the same with a question NORMAL', async () => {
    expect(await classify('Merci beaucoup, les croissants sont délicieux, bravo à toute l’équipe !')).toEqual({
      severity: 'LOW',
      reason: 'POSITIVE',
    });
    expect((await classify('Merci beaucoup, les croissants sont délicieux ! Vous ouvrez dimanche ?')).severity).toBe('NORMAL');
  });

  it('reads emoji-only and very short texts in both languages', async () => {
    expect(await classify('😡😡😡')).toEqual({ severity: 'HIGH', reason: 'NEGATIVE' });
    expect(await classify('😍🥰')).toEqual({ severity: 'LOW', reason: 'POSITIVE' });
    expect(await classify('c’est nul')).toEqual({ severity: 'HIGH', reason: 'NEGATIVE' });
  });

  it('combines two readings: the same, the one that is not neutral, neutral when they disagree', () => {
    expect(combineReadings('NEGATIVE', 'NEGATIVE')).toBe('NEGATIVE');
    expect(combineReadings('NEUTRAL', 'POSITIVE')).toBe('POSITIVE');
    expect(combineReadings('NEGATIVE', 'NEUTRAL')).toBe('NEGATIVE');
    expect(combineReadings('NEGATIVE', 'POSITIVE')).toBe('NEUTRAL');
    expect(combineReadings(null, 'POSITIVE')).toBe('POSITIVE');
    expect(combineReadings(null, null)).toBeNull();
  });

  it('leaves a text in another language unscored', async () => {
    expect(await itemSentiment('Das Brot war leider sehr schlecht', 'de', enrich)).toBeNull();
  });
});
