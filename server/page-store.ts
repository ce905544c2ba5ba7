// Pages of cases published in the app, kept on disk beside the build: one file per page, in a
// directory of the server run (see createRunStoreDir), shared by every worker of the server.
// A file is a JSON head (headers, vary, etag, library version), a newline, and the body as sent
// (about 60 KB a case page; kept unzipped: unzipping cost six times the read). A read is synchronous:
// the file is small and, once any worker wrote or read it, in the system's page cache, so reading it
// costs less than a round trip through libuv's four threads under load.
// A read allocates nothing per page: the body is read into a buffer lent from a pool, which the
// caller returns once the page is sent (allocating a buffer a read made the garbage collector the
// largest cost, and its pauses the tail of the latency), and the head parsed once per file (a file
// is only ever replaced, by a rename, so its inode, size and time name its content).
// Writing runs off the event loop. A file that cannot be read is a miss.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import type { CachedPage } from "./page-cache";

/** A page read from the store; `page.body` is lent until `release()`, after which it must not be read. */
export type StoredPage = { page: CachedPage; release(): void };

export type PageStore = {
  read(key: string): StoredPage | undefined;
  write(key: string, page: CachedPage): void;
};

type Head = Omit<CachedPage, "body">;
type KnownFile = { file: string; head?: Head; headBytes?: number; identity?: string };

/** Size of the pooled read buffers: a larger page is read into a buffer of its own. */
const POOLED_BUFFER_BYTES = 256 * 1024;
/** Pooled buffers kept idle at most: about as many as pages in flight at once. */
const MAX_IDLE_BUFFERS = 64;
/** Files whose name and head are remembered. */
const MAX_KNOWN_FILES = 16_384;
const NOTHING_TO_RELEASE = () => {};

export function createPageStore(dir: string): PageStore {
  const known = new Map<string, KnownFile>();
  const idle: Buffer[] = [];
  let warned = false;

  function knownFile(key: string): KnownFile {
    let entry = known.get(key);
    if (!entry) {
      if (known.size >= MAX_KNOWN_FILES) known.delete(known.keys().next().value!);
      entry = { file: path.join(dir, createHash("sha256").update(key).digest("hex").slice(0, 40)) };
      known.set(key, entry);
    }
    return entry;
  }

  function read(key: string): StoredPage | undefined {
    const entry = knownFile(key);
    let fd: number | undefined;
    let buffer: Buffer | undefined;
    try {
      fd = fs.openSync(entry.file, "r");
      const stat = fs.fstatSync(fd, { bigint: true });
      const size = Number(stat.size);
      const pooled = size <= POOLED_BUFFER_BYTES;
      buffer = pooled ? (idle.pop() ?? Buffer.allocUnsafeSlow(POOLED_BUFFER_BYTES)) : Buffer.allocUnsafe(size);
      if (fs.readSync(fd, buffer, 0, size, 0) !== size) throw new Error("short read");
      const identity = `${stat.ino}:${size}:${stat.mtimeNs}`;
      if (entry.identity !== identity) {
        const newline = buffer.indexOf(10);
        const { key: headKey, ...head } = JSON.parse(buffer.toString("utf8", 0, newline)) as Head & { key: string };
        if (headKey !== key) throw new Error("another key's page");
        Object.assign(entry, { head, headBytes: newline, identity });
      }
      const lent = buffer;
      const page = { ...entry.head!, body: lent.subarray(entry.headBytes! + 1, size) };
      return { page, release: pooled ? () => void (idle.length < MAX_IDLE_BUFFERS && idle.push(lent)) : NOTHING_TO_RELEASE };
    } catch {
      entry.identity = undefined;
      if (buffer?.length === POOLED_BUFFER_BYTES && idle.length < MAX_IDLE_BUFFERS) idle.push(buffer);
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  function write(key: string, { body, ...head }: CachedPage): void {
    const { file } = knownFile(key);
    const partial = `${file}.${process.pid}.partial`;
    fs.promises
      .writeFile(partial, Buffer.concat([Buffer.from(`${JSON.stringify({ key, ...head })}\n`), body]))
      .then(() => fs.promises.rename(partial, file))
      .catch((error: unknown) => {
        if (!warned) console.warn(`pages of in-app cases are not kept on disk: ${error instanceof Error ? error.message : String(error)}`);
        warned = true;
      });
  }

  return { read, write };
}
const STORES = path.resolve(".next/netriage/pages");

/**
 * A new store directory for this server run (its primary process): pages are kept for one run, since
 * another run may serve another database. Stores of runs no longer alive are removed. Undefined, with
 * a warning, where the build's directory cannot be written: pages are then kept in memory only.
 */
export function createRunStoreDir(): string | undefined {
  try {
    fs.mkdirSync(STORES, { recursive: true });
    for (const name of fs.readdirSync(STORES)) if (!isRunning(Number(name))) fs.rmSync(path.join(STORES, name), { recursive: true, force: true });
    const dir = path.join(STORES, String(process.pid));
    fs.mkdirSync(dir);
    return dir;
  } catch (error) {
    console.warn(`pages of in-app cases are kept in memory only: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
