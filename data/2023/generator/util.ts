/**
 * Small deterministic helpers of the generator: a seeded PRNG and integer apportionment.
 * Everything the generator decides in JS goes through these, so a fixed seed gives the same plan.
 */

/** FNV-1a of a string: turns labels into PRNG seeds, so each stream is independent of call order. */
export function seedOf(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for modelling choices (not for cryptography). */
export function rng(label: string): () => number {
  let s = seedOf(label);
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic Fisher-Yates shuffle in place. */
export function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Splits an integer total into integer parts proportional to weights (largest remainder), never
 * giving a part more than its cap. Exact sums are the point: calibrated counts must add up.
 */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  if (total <= 0 || n === 0) return out;
  const cap = (i: number) => (caps ? caps[i]! : Number.POSITIVE_INFINITY);
  let w = weights.map((x) => Math.max(x, 0));
  if (w.every((x) => x === 0)) w = w.map(() => 1);
  let open = w.map((x, i) => (x > 0 && cap(i) > 0 ? i : -1)).filter((i) => i >= 0);
  let remaining = total;
  const spill = () => {
    // Units no weighted part can take go to any part with room, in index order.
    for (let i = 0; remaining > 0 && i < n; i++) {
      const add = Math.min(cap(i) - out[i]!, remaining);
      out[i]! += add;
      remaining -= add;
    }
    if (remaining > 0) throw new Error(`apportion: total ${total} exceeds the caps`);
  };
  for (;;) {
    if (open.length === 0) {
      spill();
      return out;
    }
    const ws = open.reduce((s, i) => s + w[i]!, 0);
    const share = (i: number) => (remaining * w[i]!) / ws;
    // Parts whose share exceeds their cap are fixed at the cap and the rest re-apportioned.
    const over = open.filter((i) => share(i) > cap(i));
    if (over.length === 0) {
      const base = open.map((i) => Math.floor(share(i)));
      open.forEach((i, k) => (out[i] = base[k]!));
      remaining -= base.reduce((a, b) => a + b, 0);
      const order = open.map((i, k) => ({ i, frac: share(i) - base[k]! })).sort((a, b) => b.frac - a.frac || a.i - b.i);
      for (const { i } of order) {
        if (remaining <= 0) break;
        if (out[i]! < cap(i)) {
          out[i]! += 1;
          remaining--;
        }
      }
      spill();
      return out;
    }
    for (const i of over) {
      out[i] = cap(i);
      remaining -= cap(i);
    }
    open = open.filter((i) => !over.includes(i));
  }
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Pair key as the metrics write it: the two codes in alphabetical order. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}-${b}` : `${b}-${a}`);

/**
 * apportion with caps when they can be met, without them otherwise. Only for reduced-scale test
 * datasets, where rounding can make the published ranking constraints (the caps) infeasible.
 */
export function apportionSoft(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  return sum(caps) >= total ? apportion(total, weights, caps) : apportion(total, weights);
}
