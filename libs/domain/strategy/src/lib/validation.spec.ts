import { contradictoryWords, MAX_WORDS, normaliseWords, objectiveProblems } from './validation';

describe('brand-voice word lists', () => {
  it('trims, collapses spaces and removes duplicates ignoring case, keeping the first spelling', () => {
    const { words, problems } = normaliseWords(['  Artisanal ', 'artisanal', 'pain  au   levain', 'ÉTÉ', 'été'], 'input.wordsToUse');
    expect(problems).toEqual([]);
    expect(words).toEqual(['Artisanal', 'pain au levain', 'ÉTÉ']);
  });

  it('names each blank or too long word by its position', () => {
    const { problems } = normaliseWords(['ok', '   ', 'x'.repeat(101)], 'input.wordsToAvoid');
    expect(problems).toEqual([
      { field: 'input.wordsToAvoid[1]', message: 'must not be blank' },
      { field: 'input.wordsToAvoid[2]', message: 'must be at most 100 characters' },
    ]);
  });

  it('accepts 100 characters and refuses more than 2000 distinct words', () => {
    expect(normaliseWords(['é'.repeat(100)], 'f').problems).toEqual([]);
    const many = Array.from({ length: MAX_WORDS + 1 }, (_, i) => `mot${i}`);
    expect(normaliseWords(many, 'input.wordsToUse').problems).toEqual([
      { field: 'input.wordsToUse', message: 'must hold at most 2000 words (got 2001 distinct ones)' },
    ]);
    // Duplicates do not count towards the limit.
    expect(normaliseWords([...many.slice(0, MAX_WORDS), 'MOT0'], 'f').problems).toEqual([]);
  });

  it('finds words listed both to use and to avoid', () => {
    expect(contradictoryWords(['Promo', 'qualité'], ['promo'])).toEqual(['Promo']);
  });
});

describe('objective rules', () => {
  const now = new Date('2026-03-10T23:30:00Z'); // already 11 March in Zurich, still 10 March in New York

  it('refuses a target equal to the baseline, at input.target', () => {
    expect(objectiveProblems({ baseline: 100, target: 100, deadline: '2026-12-31' }, now, 'Europe/Zurich')).toEqual([
      expect.objectContaining({ field: 'input.target', message: expect.stringContaining('must differ from the baseline') }),
    ]);
  });

  it("refuses a deadline before today in the organisation's time zone, at input.deadline", () => {
    expect(objectiveProblems({ baseline: 1, target: 2, deadline: '2026-03-10' }, now, 'Europe/Zurich')).toEqual([
      { field: 'input.deadline', message: 'must be today (2026-03-11) or later' },
    ]);
    expect(objectiveProblems({ baseline: 1, target: 2, deadline: '2026-03-10' }, now, 'America/New_York')).toEqual([]);
  });

  it('refuses dates that do not exist and skips the deadline when it is not given', () => {
    expect(objectiveProblems({ baseline: 1, target: 2, deadline: '2026-02-30' }, now, 'UTC')).toEqual([
      { field: 'input.deadline', message: 'must be a date written YYYY-MM-DD' },
    ]);
    expect(objectiveProblems({ baseline: 1, target: 2 }, now, 'UTC')).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(objectiveProblems({ baseline: 5, target: 5, deadline: '2020-01-01' }, now, 'UTC').map((p) => p.field)).toEqual([
      'input.target',
      'input.deadline',
    ]);
  });
});
