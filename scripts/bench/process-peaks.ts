import { readdir, readFile } from 'node:fs/promises';

/**
 * The peak resident memory of each program in a process tree, by name (`node`, `pagefind`…), in
 * MB: Linux's high-water mark (VmHWM) of every descendant of `root`, read twice a second. GNU time
 * reports only the largest single process, which in a build is Pagefind's, not Astro's.
 */
export function watchPeaks(root: number): { stop(): Record<string, number> } {
  const peaks: Record<string, number> = {};
  const sample = async () => {
    const parents = new Map<number, number>();
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      // The name is in parentheses and may hold spaces; the parent's id is the second field after it.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent) parents.set(Number(entry), parent);
    }
    const inTree = (pid: number): boolean =>
      pid === root || (parents.has(pid) && inTree(parents.get(pid)!));
    for (const pid of parents.keys()) {
      if (!inTree(pid)) continue;
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
      const name = /^Name:\s+(.+)$/m.exec(status)?.[1];
      const peak = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) / 1024;
      if (name && peak > (peaks[name] ?? 0)) peaks[name] = Math.round(peak);
    }
  };
  const timer = setInterval(() => void sample(), 500);
  return {
    stop() {
      clearInterval(timer);
      return peaks;
    },
  };
}
