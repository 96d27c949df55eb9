/**
 * A shared allowance taken in parts and given back: calls at once, database
 * turns, bytes of media held in memory. `take(n)` resolves once `n` of it is
 * free and returns what gives it back (once; later calls do nothing). Waiters
 * are served in order of arrival, so a large part is never passed over for
 * ever by small ones; a part larger than the whole takes the whole (it waits
 * until nothing else holds any), so nothing waits for ever either.
 */
export class Budget {
  private free: number;
  private readonly waiting: { n: number; resolve: () => void }[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1)
      throw new RangeError(`a budget holds a whole number of at least 1, not ${capacity}`);
    this.free = capacity;
  }

  /** How much is taken now. */
  get taken(): number {
    return this.capacity - this.free;
  }

  async take(n = 1): Promise<() => void> {
    const part = Math.min(this.capacity, Math.max(1, Math.ceil(n)));
    if (this.waiting.length === 0 && this.free >= part) this.free -= part;
    else await new Promise<void>((resolve) => this.waiting.push({ n: part, resolve }));
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.free += part;
      this.serve();
    };
  }

  /** Runs `work` with `n` taken, given back however it ends. */
  async with<T>(n: number, work: () => Promise<T>): Promise<T> {
    const giveBack = await this.take(n);
    try {
      return await work();
    } finally {
      giveBack();
    }
  }

  private serve(): void {
    while (this.waiting.length > 0 && this.free >= this.waiting[0].n) {
      const next = this.waiting.shift() as { n: number; resolve: () => void };
      this.free -= next.n;
      next.resolve();
    }
  }
}
