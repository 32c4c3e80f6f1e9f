/** Timed stages: each logs one line (label, seconds, detail) and keeps its timing for the benchmark. */
import { timed, type Effects } from '../effects.ts';

/** One timed stage, for the benchmark: clock readings (fx.clock) at its start and end. */
export interface StageTiming {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** Read from the cache instead of run. */
  readonly cached: boolean;
  /** What the stage logged after its time (counts, pages, sizes). */
  readonly detail: string;
}

/** Runs and logs stages, and keeps their timings for the result. */
export class Stages {
  readonly list: StageTiming[] = [];
  constructor(private readonly fx: Effects) {}

  async run<T>(label: string, work: () => Promise<T>, detail?: (result: T) => string, cached = false): Promise<T> {
    const start = this.fx.clock.now();
    const result = await timed(this.fx, cached ? `${label} [cache]` : label, work, detail);
    this.list.push({ label, start, end: this.fx.clock.now(), cached, detail: detail ? detail(result) : '' });
    return result;
  }
}

