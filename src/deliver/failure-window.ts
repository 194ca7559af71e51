/**
 * The outcomes of the last `size` attempts. An edition pauses on the recent failure ratio, not
 * the run's: after 10,000 good sends a server that starts refusing everything pauses it within
 * `size` attempts instead of 10,000.
 */
export class FailureWindow {
  readonly #outcomes: boolean[] = [];
  readonly #size: number;
  #failures = 0;

  constructor(size: number) {
    this.#size = Math.max(1, size);
  }

  /** Records one attempt: true when it failed. */
  record(failed: boolean): void {
    this.#outcomes.push(failed);
    if (failed) this.#failures++;
    if (this.#outcomes.length > this.#size && this.#outcomes.shift()) this.#failures--;
  }

  /** True once the window is full and at least `ratio` of it failed. */
  exceeds(ratio: number): boolean {
    return this.#outcomes.length >= this.#size && this.#failures / this.#size >= ratio;
  }

  describe(): string {
    return `${this.#failures} of the last ${this.#outcomes.length} attempts failed`;
  }
}
