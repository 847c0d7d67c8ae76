/**
 * `npm test`: lint and `astro check` beside Vitest rather than before it. Each of the two keeps
 * one core busy for about half a minute (BENCHMARKS.md, “The test suite”), while Vitest's first
 * minute is one build of the archive; in sequence they left a core idle.
 *
 * Vitest's output is shown as it comes; each check's is held and shown whole when it ends, so
 * that the three do not interleave line by line. The exit status is 1 if any of them failed.
 * Arguments go to Vitest (`npm test -- tests/unit/slug.test.ts`).
 *
 * Written by hand rather than with npm-run-all2 or concurrently: the one thing needed beyond
 * `node:child_process` is waiting for three exit codes.
 */
import { spawn } from 'node:child_process';

function run(command: string, args: string[], held: boolean): Promise<boolean> {
  const child = spawn(command, args, { stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    let ended = false;
    const end = (ok: boolean) => {
      if (ended) return;
      ended = true;
      if (held) process.stdout.write(`\n> ${[command, ...args].join(' ')}\n${output}`);
      resolve(ok);
    };
    child.once('error', (error) => {
      output += `${command}: ${error.message}\n`;
      end(false);
    });
    child.once('close', (code) => end(code === 0));
  });
}

const results = await Promise.all([
  run('npm', ['run', '--silent', 'lint'], true),
  run('astro', ['check'], true),
  run('vitest', ['run', '--config', 'tests/vitest.config.ts', ...process.argv.slice(2)], false),
]);
process.exitCode = results.every(Boolean) ? 0 : 1;
