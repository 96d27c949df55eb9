import { growthRatio, LINEAR_GROWTH_LIMIT } from './linear-time';

describe('growthRatio', () => {
  // A deliberately quadratic scan and a linear one over the same strings.
  const quadratic = (text: string) => {
    let count = 0;
    for (let i = 0; i < text.length; i++) for (let j = i; j < text.length; j++) if (text.charCodeAt(j) === 98) count++;
    return count;
  };
  const linear = (text: string) => {
    let count = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 97) count++;
    return count;
  };

  it('tells quadratic work from linear work', () => {
    const make = (n: number) => 'a'.repeat(n - 1) + 'b';
    expect(growthRatio(make, quadratic, 500)).toBeGreaterThan(LINEAR_GROWTH_LIMIT);
    expect(growthRatio(make, linear, 20_000)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });
});
