// Pages of cases published in the app, kept on disk beside the build: one file per page, in a
// directory of the server run (see createRunStoreDir), shared by every worker of the server.
// A file is a JSON head (headers, vary, etag, library version), a newline, and the body as sent
// (about 70 KB a case page; kept unzipped: unzipping cost 0.13 ms a page, six times the read). A read
// is synchronous: the file is small and, once any worker wrote or read it, in the system's page cache,
// so reading it (about 0.03 ms) costs less than a round trip through libuv's four threads under load.
// Writing runs off the event loop. A file that cannot be read is a miss.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import type { CachedPage } from "./page-cache";

export type PageStore = {
  read(key: string): CachedPage | undefined;
  write(key: string, page: CachedPage): void;
};

type Head = Omit<CachedPage, "body">;

export function createPageStore(dir: string): PageStore {
  const fileOf = (key: string) => path.join(dir, createHash("sha256").update(key).digest("hex").slice(0, 40));
  let warned = false;

  function read(key: string): CachedPage | undefined {
    try {
      const bytes = fs.readFileSync(fileOf(key));
      const newline = bytes.indexOf(10);
      const head = JSON.parse(bytes.subarray(0, newline).toString("utf8")) as Head & { key: string };
      if (head.key !== key) return undefined;
      const { key: _, ...rest } = head;
      return { ...rest, body: bytes.subarray(newline + 1) };
    } catch {
      return undefined;
    }
  }

  function write(key: string, { body, ...head }: CachedPage): void {
    const file = fileOf(key);
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
