/**
 * A batch's progress for the keeper who watches it: how many addresses are done and failed, the
 * rate, and the time left. On a terminal one status line is redrawn in place beneath the
 * addresses' own lines; piped (to a file, a log, cron's mail) each address's line carries the
 * counts, since a redrawn line would be noise there.
 */
export class Progress {
  private done = 0;
  private failed = 0;
  private readonly started = performance.now();
  private readonly total: number;
  /** Whether standard output is a terminal, where the status line can be redrawn in place. */
  private readonly tty = process.stdout.isTTY === true;

  constructor(total: number) {
    this.total = total;
    // On a terminal the keeper sees the batch start before its first address is done.
    if (this.tty && total > 0) process.stdout.write(this.status());
  }

  /** `[3/10] 2 done, 1 failed, 0.8/s, about 9 s left` */
  private status(): string {
    const finished = this.done + this.failed;
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? finished / seconds : 0;
    const left = rate > 0 ? Math.ceil((this.total - finished) / rate) : undefined;
    return `[${finished}/${this.total}] ${this.done} done, ${this.failed} failed, ${rate.toFixed(1)}/s, ${left === undefined ? 'time left unknown' : `about ${left} s left`}`;
  }

  /** An address finished: `line` goes to stdout, or `problem` to stderr. */
  finished(outcome: { line: string } | { problem: string }): void {
    if ('line' in outcome) this.done++;
    else this.failed++;
    const text = 'line' in outcome ? outcome.line : outcome.problem;
    const stream = 'line' in outcome ? process.stdout : process.stderr;
    if (!this.tty) {
      stream.write(`${this.status()}: ${text}\n`);
      return;
    }
    // Clear the status line, print the address's line above it, then draw the status again.
    process.stdout.write('\r\x1b[K');
    stream.write(`${text}\n`);
    process.stdout.write(this.finishedAll() ? `${this.status()}\n` : this.status());
  }

  private finishedAll(): boolean {
    return this.done + this.failed === this.total;
  }
}
