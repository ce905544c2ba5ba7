// The disk store of in-app case pages: what a read lends, and a file replaced under it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it, vi } from "vitest";

import type { CachedPage } from "@/server/page-cache";
import { createPageStore } from "@/server/page-store";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function scratchStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-page-store-"));
  dirs.push(dir);
  return { dir, store: createPageStore(dir) };
}

const pageOf = (body: string, libraryVersion: number): CachedPage => ({
  headers: { "content-type": "text/html; charset=utf-8", "content-length": String(Buffer.byteLength(body)) },
  body: Buffer.from(body),
  vary: ["rsc"],
  libraryVersion,
});

/** Writes run in the background: wait until every page is on disk under its final name. */
async function settled(dir: string, pages: number) {
  await vi.waitFor(() => expect(fs.readdirSync(dir).filter((name) => !name.endsWith(".partial"))).toHaveLength(pages));
  await vi.waitFor(() => expect(fs.readdirSync(dir).some((name) => name.endsWith(".partial"))).toBe(false));
}

describe("page store", () => {
  it("keeps a lent body intact while other pages are read, and reuses its buffer once it is returned", async () => {
    const { dir, store } = scratchStore();
    const bodies = ["<html>a ü</html>", "<html>b</html>".repeat(500), "<html>c</html>"];
    bodies.forEach((body, n) => store.write(`/cases/${n}`, pageOf(body, n)));
    await settled(dir, 3);

    const held = store.read("/cases/0")!;
    const others = [1, 2, 1, 2].map((n) => store.read(`/cases/${n}`)!);
    expect(held.page.body.toString()).toBe(bodies[0]);
    expect(others.map(({ page }) => page.body.toString())).toEqual([bodies[1], bodies[2], bodies[1], bodies[2]]);
    expect(held.page).toMatchObject({ libraryVersion: 0, vary: ["rsc"], headers: { "content-type": "text/html; charset=utf-8" } });

    held.release();
    const next = store.read("/cases/2")!;
    expect(next.page.body.buffer).toBe(held.page.body.buffer);
    expect(next.page.body.toString()).toBe(bodies[2]);
  });

  it("reads a page replaced by another worker with its new head, and misses a file it cannot read", async () => {
    const { dir, store } = scratchStore();
    store.write("/cases/a", pageOf("<html>old</html>", 5));
    await settled(dir, 1);
    const old = store.read("/cases/a")!;
    expect([old.page.libraryVersion, old.page.body.toString()]).toEqual([5, "<html>old</html>"]);
    old.release();

    createPageStore(dir).write("/cases/a", pageOf("<html>newer, longer</html>", 6));
    await vi.waitFor(() => expect(store.read("/cases/a")?.page.libraryVersion).toBe(6));
    expect(store.read("/cases/a")!.page.body.toString()).toBe("<html>newer, longer</html>");

    const [file] = fs.readdirSync(dir);
    fs.writeFileSync(path.join(dir, file), "{not json\n");
    expect(store.read("/cases/a")).toBeUndefined();
    expect(store.read("/cases/never-written")).toBeUndefined();
  });
});
