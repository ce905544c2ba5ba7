import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { createPrisma } from "@/lib/db";
import { splitCaseMdx } from "@/lib/library/case-fields";
import { getLiveLibrary, getLiveSearchIndex, SYNC_INTERVAL_MS, trackLibraryVersion } from "@/lib/library/live-library";
import { actOnLibraryCase, createLibraryCase, saveLibraryCase } from "@/lib/library/repository";
import { rankContent } from "@/lib/search/search";
import { backends, createMigratedDatabase, ROOT } from "@/test/db/databases";
import { repositoryCaseWithZh } from "@/test/factories";

const { fields, body } = splitCaseMdx(fs.readFileSync(path.join(ROOT, "content/cases/k8s-dns-5s-conntrack-dnat-race.mdx"), "utf8"));
const found = async (prisma: ReturnType<typeof createPrisma>, query: string) => rankContent(await getLiveSearchIndex(prisma), query).map((r) => r.document.id);

describe.each(backends)("the live library on %s", (dialect) => {
  it("shows a case published through one client to another client of the same database within the sync interval", async () => {
    const url = await createMigratedDatabase(dialect);
    const writer = createPrisma(url);
    const reader = createPrisma(url);
    const repositoryCount = (await getLiveLibrary(reader)).cases.length;
    expect(await found(reader, "kookaburra")).toEqual([]);

    const created = await createLibraryCase(writer, { ...fields, id: undefined, title: "Kookaburra DNS delays", related: [], body });
    expect((await getLiveLibrary(reader)).getCase(created.id)).toBeUndefined();
    await actOnLibraryCase(writer, created.id, "publish");
    await new Promise((resolve) => setTimeout(resolve, SYNC_INTERVAL_MS + 50));
    const library = await getLiveLibrary(reader);
    expect(library.cases.length).toBe(repositoryCount + 1);
    expect(library.casesForCause("conntrack-insert-race").confirmed.map((c) => c.id)).toContain(created.id);
    expect(await found(reader, "kookaburra")).toEqual([created.id]);

    await actOnLibraryCase(writer, created.id, "archive");
    await new Promise((resolve) => setTimeout(resolve, SYNC_INTERVAL_MS + 50));
    expect((await getLiveLibrary(reader)).getCase(created.id)).toBeUndefined();
    expect(await found(reader, "kookaburra")).toEqual([]);
    await Promise.all([writer.$disconnect(), reader.$disconnect()]);
  });

  it("tells at which version each in-app case's page last changed: the case itself or a case related to it either way", async () => {
    const prisma = createPrisma(await createMigratedDatabase(dialect));
    const tracker = trackLibraryVersion(() => prisma);
    const publish = async (title: string, related: string[]) => {
      const { id } = await createLibraryCase(prisma, { ...fields, id: undefined, title, related, body });
      await actOnLibraryCase(prisma, id, "publish");
      return id;
    };
    const listed = await publish("Wombat listed case", []);
    const lister = await publish("Wombat lister case", [listed]);
    const apart = await publish("Wombat unrelated case", []);
    await getLiveLibrary(prisma);
    const at = () => [listed, lister, apart].map((id) => tracker.casePageChangedAt(id));
    // Published one after the other at versions 1, 2 and 3: the listed case's page changed when its lister was published.
    expect(tracker.current()).toBe(3);
    expect(at()).toEqual([2, 2, 3]);
    expect(tracker.casePageChangedAt("k8s-dns-5s-conntrack-dnat-race")).toBeUndefined();

    await actOnLibraryCase(prisma, lister, "archive");
    await new Promise((resolve) => setTimeout(resolve, SYNC_INTERVAL_MS + 50));
    await getLiveLibrary(prisma);
    expect(tracker.current()).toBe(4);
    expect(at()).toEqual([4, 4, 3]);
    await prisma.$disconnect();
  });

  it("gives another client a case's Chinese version, and an edit of it alone changes the case's pages and search", async () => {
    const url = await createMigratedDatabase(dialect);
    const writer = createPrisma(url);
    const reader = createPrisma(url);
    const tracker = trackLibraryVersion(() => reader);
    const pair = repositoryCaseWithZh("k8s-dns-5s-conntrack-dnat-race");
    const withWord = (word: string) => ({ ...pair.zh, body: pair.zh.body.replace("## 环境", `${word}集群上也出现过。\n\n## 环境`) });
    const { id } = await createLibraryCase(writer, { ...pair.fields, title: "Quoll pods see 5 s DNS delays", body: pair.body, zh: withWord("袋鼬") });
    const published = await actOnLibraryCase(writer, id, "publish");
    await new Promise((resolve) => setTimeout(resolve, SYNC_INTERVAL_MS + 50));
    expect((await getLiveLibrary(reader)).getCase(id)?.zh?.body).toContain("袋鼬集群");
    expect(await found(reader, "袋鼬")).toEqual([id]);
    const changedAt = tracker.casePageChangedAt(id)!;

    await saveLibraryCase(writer, id, { version: published.version, zh: withWord("沙袋鼠") });
    await new Promise((resolve) => setTimeout(resolve, SYNC_INTERVAL_MS + 50));
    expect((await getLiveLibrary(reader)).getCase(id)?.zh?.body).toContain("沙袋鼠集群");
    // Both languages' pages of the case are kept until this version: the Chinese edit expires them.
    expect(tracker.casePageChangedAt(id)).toBeGreaterThan(changedAt);
    expect(await found(reader, "沙袋鼠")).toEqual([id]);
    expect(await found(reader, "袋鼬")).toEqual([]);
    await Promise.all([writer.$disconnect(), reader.$disconnect()]);
  });

  it("keeps the repository's version of an id it holds", async () => {
    const prisma = createPrisma(await createMigratedDatabase(dialect));
    await prisma.libraryCase.create({
      data: {
        id: "k8s-dns-5s-conntrack-dnat-race",
        title: "Shadowed",
        status: "published",
        fields: JSON.stringify({ ...fields, title: "Shadowed" }),
        body,
        libraryVersion: 1,
      },
    });
    await prisma.libraryState.create({ data: { id: 1, version: 1 } });
    expect((await getLiveLibrary(prisma)).getCase("k8s-dns-5s-conntrack-dnat-race")?.frontmatter.title).not.toBe("Shadowed");
    await prisma.$disconnect();
  });
});
