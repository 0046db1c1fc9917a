// Ends every test run with one plain line, "N passed, N failed, N skipped", that CI and
// people read the same way. A suite that could not start (its file or a beforeAll failed)
// counts as one failure, however its tests were left.

import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  /** Lines saying which suites the configuration left out, and why. */
  private left: string[];
  constructor(options: { left?: string[] } = {}) {
    this.left = options.left ?? [];
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      const tests = [...m.children.allTests()];
      if (m.state() === "failed" && !tests.some((t) => t.result().state === "failed")) failed++;
    }
    if (this.left.length) process.stdout.write(`\n${this.left.join("\n")}`);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
