/**
 * Builds of different processes take turns (src/locks.ts): real processes, taking and releasing one
 * directory's lock, each proving it holds it alone (a file made with an exclusive create while it holds it).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOCKS = pathToFileURL(join(process.cwd(), 'src/locks.ts')).href;
const WORKER = `
import { lockDirectories } from ${JSON.stringify(LOCKS)};
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
const [dir, turns] = process.argv.slice(2);
let overlaps = 0;
for (let i = 0; i < Number(turns); i++) {
  const release = await lockDirectories([dir]);
  try { writeFileSync(join(dir, 'inside'), String(process.pid), { flag: 'wx' }); } catch { overlaps++; }
  await new Promise((r) => setTimeout(r, Math.random() * 2));
  rmSync(join(dir, 'inside'), { force: true });
  release();
}
process.stdout.write(String(overlaps));
`;

/** Runs `n` processes that each take the lock `turns` times; resolves to the overlaps each saw. */
async function contend(dir: string, worker: string, n: number, turns: number): Promise<number[]> {
  return Promise.all(Array.from({ length: n }, () => new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, dir, String(turns)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`worker exited ${code}`))));
  })));
}

/** Runs `fn` with a directory to lock and the worker script, and removes both afterwards. */
async function withLockDir(fn: (dir: string, worker: string) => Promise<void>): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'dateline-locks-'));
  try {
    const worker = join(root, 'worker.mts');
    await writeFile(worker, WORKER);
    const dir = join(root, 'dist');
    await mkdir(dir);
    await fn(dir, worker);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('the lock between builds of different processes', () => {
  it('is held by one process at a time, also when several take a stale lock over at once, and leaves nothing behind', async () => {
    await withLockDir(async (dir, worker) => {
      expect(await contend(dir, worker, 4, 40)).toEqual([0, 0, 0, 0]);
      // A lock whose process is gone (a pid past any pid_max), found by four at once.
      for (let round = 0; round < 3; round++) {
        await writeFile(join(dir, '.dateline-lock'), '{"pid":4194999}\n');
        expect(await contend(dir, worker, 4, 2)).toEqual([0, 0, 0, 0]);
      }
      expect(await readdir(dir)).toEqual([]);
    });
  }, 60_000);

  it('a lock that names a running process by a pid taken again since (another start time) is taken over', async () => {
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      await withLockDir(async (dir, worker) => {
        await writeFile(join(dir, '.dateline-lock'), `${JSON.stringify({ pid: other.pid, start: '1' })}\n`);
        expect(await contend(dir, worker, 1, 1)).toEqual([0]);
        expect(await readdir(dir)).toEqual([]);
      });
    } finally {
      other.kill();
    }
  }, 60_000);

  it('a lock of another host is waited for while its holder touches it, and taken over a minute after; another host\'s files are left alone', async () => {
    await withLockDir(async (dir, worker) => {
      const lock = join(dir, '.dateline-lock');
      await writeFile(lock, `${JSON.stringify({ pid: 1, start: '5', host: 'build-7f3a' })}\n`);
      // (Its pid cannot be asked about here: a file another host's process is making is not removed.)
      await writeFile(join(dir, '.dateline-lock.build-7f3a.4194999'), 'theirs');
      let done = false;
      const waiting = contend(dir, worker, 1, 1).finally(() => {
        done = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(done).toBe(false);
      // Not touched for two minutes: its build was killed there.
      const old = new Date(Date.now() - 120_000);
      await utimes(lock, old, old);
      expect(await waiting).toEqual([0]);
      expect(await readdir(dir)).toEqual(['.dateline-lock.build-7f3a.4194999']);
    });
  }, 60_000);

  it('a directory not made yet (a first build) is made to hold the lock, held by one process at a time, and removed again when it is left empty', async () => {
    await withLockDir(async (dist, worker) => {
      const fresh = join(dist, 'site', 'dist');
      expect(await contend(fresh, worker, 4, 25)).toEqual([0, 0, 0, 0]);
      // (Whichever process released last made the directories only if none was there: gone, or empty. And
      // one that made `site/dist` may find, removing `site`, that another has just made `dist` in it again:
      // `site` is then left, empty, once that one has removed its `dist`. No lock is ever left.)
      const left = await readdir(dist, { recursive: true });
      for (const name of left) expect((await stat(join(dist, name))).isDirectory(), name).toBe(true);
      await rm(join(dist, 'site'), { recursive: true, force: true });
      // One process alone: what it made is gone after it.
      expect(await contend(fresh, worker, 1, 1)).toEqual([0]);
      expect(await readdir(dist)).toEqual([]);
    });
  }, 60_000);

  it('writeOutputs waits while a build of another process holds the directory', async () => {
    await withLockDir(async (dist) => {
      const holder = join(dist, '..', 'holder.mts');
      await writeFile(holder, `
import { lockDirectories } from ${JSON.stringify(LOCKS)};
import { writeFileSync } from 'node:fs';
const release = await lockDirectories([process.argv[2]]);
process.stdout.write('held\\n');
await new Promise((r) => setTimeout(r, 3000));
writeFileSync(process.argv[3], 'released');
release();
`);
      const marker = join(dist, '..', 'released');
      const { writeOutputs } = await import('../src/index.js');
      const child = spawn(process.execPath, ['--import', 'tsx', holder, dist, marker], { stdio: ['ignore', 'pipe', 'inherit'] });
      const closed = new Promise((resolve) => child.on('close', resolve));
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const heard: { pid: number; dir: string }[] = [];
      await writeOutputs(dist, new Map([['feed.xml', '<rss/>']]), dist, new Map(), { onWait: ({ pid }, dir) => heard.push({ pid, dir }) });
      // (Its files were put in place after the other process let the directory go; it was told whom it waited for.)
      expect(await readFile(marker, 'utf8')).toBe('released');
      expect(heard).toEqual([{ pid: child.pid, dir: expect.stringContaining('dist') }]);
      expect(await readdir(dist)).toEqual(['feed.xml']);
      await closed;
    });
  }, 60_000);

  it('two calls of one process take turns too (a library call beside a build)', async () => {
    await withLockDir(async (dist) => {
      const { lockDirectories } = await import('../src/locks.js');
      const order: string[] = [];
      const first = await lockDirectories([dist]);
      const second = lockDirectories([dist]).then((release) => {
        order.push('second');
        release();
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      order.push('first');
      first();
      await second;
      expect(order).toEqual(['first', 'second']);
      expect(await readdir(dist)).toEqual([]);
    });
  }, 60_000);
});

describe('the locks a dead thread of this process left (releaseLocksLeftBy)', () => {
  // (serve --watch: a rebuild's thread out of memory left its locks, naming this process. Review: a served
  // directory named through a link was not found held by this thread, and its lock would have gone.)
  it('removes a lock naming this process that no thread of it holds, and keeps one this thread holds, named through a link or not', async () => {
    const { lockDirectories, releaseLocksLeftBy, LOCK_FILE } = await import('../src/locks.js');
    const { symlink } = await import('node:fs/promises');
    const root = await mkdtemp(join(tmpdir(), 'dateline-locks-'));
    try {
      const [held, left] = [join(root, 'held'), join(root, 'left')];
      await mkdir(held);
      await mkdir(left);
      await symlink(held, join(root, 'link'));
      const release = await lockDirectories([held]);
      try {
        // A lock naming this process, as one a thread made before it died.
        await writeFile(join(left, LOCK_FILE), await readFile(join(held, LOCK_FILE)));
        releaseLocksLeftBy([join(root, 'link'), left]);
        expect(await readdir(held)).toContain(LOCK_FILE);
        expect(await readdir(left)).not.toContain(LOCK_FILE);
      } finally {
        release();
      }
      expect(await readdir(held)).not.toContain(LOCK_FILE);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
