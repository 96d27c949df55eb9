import { likeContains } from './like';

describe('likeContains', () => {
  it('escapes the LIKE wildcards and the escape character, so a search is a plain substring', () => {
    expect(likeContains('50% off_x\\')).toBe('%50\\% off\\_x\\\\%');
    expect(likeContains('Boulangerie')).toBe('%Boulangerie%');
  });
});
