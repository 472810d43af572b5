import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { SpoolError } from './errors.js';
import type { SpoolRecord } from './types.js';

/** Serialises async critical sections (the Node twin of a mutex). */
export class Lock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

function spoolError(what: string, err: unknown): SpoolError {
  const msg = err instanceof Error ? err.message : String(err);
  return new SpoolError(`agentgate spool: ${what}: ${msg}`, { cause: err });
}

async function syncDir(dir: string): Promise<void> {
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

/**
 * An append-only JSON-lines file (mode 0600). Appends are fsync'd before
 * validate returns; removal rewrites the rest to a temp file and renames it
 * over the original, so a crash leaves the old file or the new one.
 */
export class Spool {
  private readonly lock = new Lock();

  constructor(readonly path: string) {}

  append(rec: SpoolRecord): Promise<void> {
    return this.lock.run(async () => {
      let line = Buffer.from(JSON.stringify(rec) + '\n');
      let fh;
      try {
        fh = await open(this.path, 'a+', 0o600);
      } catch (err) {
        throw spoolError(`open ${this.path}`, err);
      }
      let size = 0;
      try {
        size = (await fh.stat()).size;
        if (size > 0) {
          // A crash mid-append can leave a torn last line; start on a fresh
          // line so the torn bytes cannot swallow this record too.
          const last = Buffer.alloc(1);
          await fh.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) line = Buffer.concat([Buffer.from('\n'), line]);
        }
        await fh.write(line);
        await fh.sync();
      } catch (err) {
        throw spoolError(`append to ${this.path}`, err);
      } finally {
        await fh.close().catch(() => undefined);
      }
      if (size === 0) {
        try {
          await syncDir(dirname(this.path));
        } catch (err) {
          throw spoolError(`fsync dir of ${this.path}`, err);
        }
      }
    });
  }

  /** Parseable records and the count of lines that were not. Callers hold the lock. */
  private async scan(): Promise<{ records: SpoolRecord[]; lines: string[]; skipped: number }> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], lines: [], skipped: 0 };
      throw spoolError(`read ${this.path}`, err);
    }
    const records: SpoolRecord[] = [];
    const lines: string[] = [];
    let skipped = 0;
    for (const raw of text.split('\n')) {
      const t = raw.trim();
      if (!t) continue;
      try {
        const rec = JSON.parse(t) as SpoolRecord;
        if (rec && typeof rec.id === 'string' && rec.id) {
          records.push(rec);
          lines.push(t);
          continue;
        }
      } catch {
        // counted below
      }
      skipped++;
    }
    return { records, lines, skipped };
  }

  readAll(): Promise<{ records: SpoolRecord[]; skipped: number }> {
    return this.lock.run(async () => {
      const { records, skipped } = await this.scan();
      return { records, skipped };
    });
  }

  count(): Promise<number> {
    return this.lock.run(async () => (await this.scan()).records.length);
  }

  /**
   * Drops the acknowledged records (and unreadable lines) and returns how many
   * remain. Records appended since the caller's readAll are kept, because the
   * file is read afresh under the lock.
   */
  remove(acked: Set<string>): Promise<number> {
    return this.lock.run(async () => {
      const { records, lines } = await this.scan();
      let keep = '';
      let remaining = 0;
      records.forEach((r, i) => {
        if (acked.has(r.id)) return;
        keep += lines[i] + '\n';
        remaining++;
      });
      const dir = dirname(this.path);
      const tmp = join(dir, `.${basename(this.path)}.${randomBytes(6).toString('hex')}.tmp`);
      let done = false;
      try {
        const fh = await open(tmp, 'wx', 0o600);
        try {
          await fh.write(keep);
          await fh.sync();
        } finally {
          await fh.close();
        }
        await rename(tmp, this.path);
        done = true;
        await syncDir(dir);
      } catch (err) {
        if (!done) await rm(tmp, { force: true }).catch(() => undefined);
        throw spoolError(`rewrite ${this.path}`, err);
      }
      return remaining;
    });
  }
}
