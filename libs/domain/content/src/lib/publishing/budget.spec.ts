import { Budget } from './budget';

/** Lets every promise callback queued so far run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a budget shared by the dispatch (calls, database turns, bytes of media)', () => {
  it('lets parts through while they fit, and the next waiter once enough is given back', async () => {
    const budget = new Budget(3);
    const first = await budget.take(2);
    const second = await budget.take(1);
    expect(budget.taken).toBe(3);
    let third = false;
    void budget.take(2).then(() => (third = true));
    await settle();
    expect(third).toBe(false);
    second();
    await settle();
    expect(third).toBe(false);
    first();
    await settle();
    expect(third).toBe(true);
    expect(budget.taken).toBe(2);
  });

  it('serves waiters in order of arrival: a large part is not passed over by small ones arriving after it', async () => {
    const budget = new Budget(4);
    const held = await budget.take(3);
    const order: string[] = [];
    void budget.take(4).then((giveBack) => {
      order.push('large');
      giveBack();
    });
    void budget.take(1).then((giveBack) => {
      order.push('small');
      giveBack();
    });
    await settle();
    // One unit is free, enough for the small part, but the large one came first.
    expect(order).toEqual([]);
    held();
    await settle();
    expect(order).toEqual(['large', 'small']);
    expect(budget.taken).toBe(0);
  });

  it('gives a part larger than the whole the whole budget once nothing else holds any', async () => {
    const budget = new Budget(10);
    const small = await budget.take(1);
    let huge: (() => void) | undefined;
    void budget.take(1_000_000).then((giveBack) => (huge = giveBack));
    await settle();
    expect(huge).toBeUndefined();
    small();
    await settle();
    expect(budget.taken).toBe(10);
    huge?.();
    expect(budget.taken).toBe(0);
  });

  it('gives back once however often the release is called, and on a failure of the work it guards', async () => {
    const budget = new Budget(2);
    const giveBack = await budget.take(1);
    giveBack();
    giveBack();
    expect(budget.taken).toBe(0);
    await expect(budget.with(2, () => Promise.reject(new Error('the call failed')))).rejects.toThrow('the call failed');
    expect(budget.taken).toBe(0);
    await expect(budget.with(2, async () => budget.taken)).resolves.toBe(2);
  });

  it('refuses a capacity that is not a whole number of at least 1', () => {
    for (const capacity of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new Budget(capacity)).toThrow(RangeError);
  });
});
