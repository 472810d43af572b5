import type { BreakerState } from './types.js';

/**
 * A consecutive-failure circuit breaker over attempts, not calls: after
 * `threshold` failed attempts in a row it opens; after `openFor` ms one probe
 * goes through, whose outcome closes or reopens it. JavaScript runs one
 * callback at a time, so no lock is needed; "one probe in flight" still holds
 * across concurrent promises through the `probing` flag.
 */
export class Breaker {
  private state: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;

  constructor(private readonly threshold: number, private readonly openFor: number) {}

  /** Whether an attempt may start, and whether it is the half-open probe. */
  allow(now: number): { ok: boolean; probe: boolean } {
    if (this.threshold < 0) return { ok: true, probe: false };
    if (this.state === 'closed') return { ok: true, probe: false };
    if (this.state === 'open') {
      if (now < this.openedAt + this.openFor) return { ok: false, probe: false };
      this.state = 'half_open';
    }
    if (this.probing) return { ok: false, probe: false };
    this.probing = true;
    return { ok: true, probe: true };
  }

  /** An attempt the service answered (2xx or a definitive 4xx); true if it closed the breaker. */
  success(probe: boolean): boolean {
    if (this.threshold < 0) return false;
    if (probe && this.state === 'half_open') {
      this.state = 'closed';
      this.failures = 0;
      this.probing = false;
      return true;
    }
    if (this.state === 'closed') this.failures = 0;
    return false;
  }

  failure(probe: boolean, now: number): void {
    if (this.threshold < 0) return;
    if (probe && this.state === 'half_open') {
      this.state = 'open';
      this.openedAt = now;
      this.probing = false;
    } else if (this.state === 'closed') {
      this.failures++;
      if (this.failures >= this.threshold) {
        this.state = 'open';
        this.openedAt = now;
      }
    }
  }

  /** Gives back a probe whose caller cancelled: it said nothing about the service. */
  release(probe: boolean): void {
    if (probe && this.threshold >= 0 && this.state === 'half_open') this.probing = false;
  }

  current(now: number): BreakerState {
    if (this.threshold < 0) return 'closed';
    if (this.state === 'open' && now >= this.openedAt + this.openFor) return 'half_open';
    return this.state;
  }
}
