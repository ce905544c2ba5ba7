import fs from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { createUser } from "@/lib/auth/accounts";
import { openSession } from "@/lib/auth/sign-in";
import { getPrisma } from "@/lib/db";
import { splitCaseMdx } from "@/lib/library/case-fields";
import { getLiveLibrary } from "@/lib/library/live-library";
import { backends, ROOT, useAppDatabase } from "@/test/db/databases";
import { repositoryCaseWithZh } from "@/test/factories";

type Context<P> = { params: Promise<P> };
type Handler<P = { id: string }> = (request: Request, context: Context<P>) => Promise<Response>;
let collection: { POST: (request: Request) => Promise<Response>; GET: (request: Request) => Promise<Response> };
let item: { GET: Handler; PUT: Handler };
let action: { POST: Handler<{ id: string; action: string }> };
let revisions: { GET: Handler };
let search: { GET: (request: Request) => Promise<Response> };
let sessions: { POST: (request: Request) => Promise<Response> };
let sessionItem: { PUT: Handler };

beforeAll(async () => {
  collection = await import("@/app/api/cases/route");
  item = await import("@/app/api/cases/[id]/route");
  action = await import("@/app/api/cases/[id]/[action]/route");
  revisions = await import("@/app/api/cases/[id]/revisions/route");
  search = await import("@/app/api/search/route");
  sessions = await import("@/app/api/sessions/route");
  sessionItem = await import("@/app/api/sessions/[id]/route");
});

/** A complete case (every content:check passes): a repository case under a new title and id. */
function completeCase(title: string) {
  const { fields, body } = splitCaseMdx(fs.readFileSync(path.join(ROOT, "content/cases/k8s-dns-5s-conntrack-dnat-race.mdx"), "utf8"));
  return { ...fields, id: undefined, title, related: [], body };
}

const send = (method: string, body: unknown, cookie?: string) => ({
  method,
  headers: { "content-type": "application/json", ...(cookie ? { cookie: `netriage_session=${cookie}` } : {}) },
  body: JSON.stringify(body),
});
const params = <P>(value: P) => ({ params: Promise.resolve(value) });
const create = (body: unknown, cookie?: string) => collection.POST(new Request("http://x/api/cases", send("POST", body, cookie)));
const read = (id: string, cookie?: string) =>
  item.GET(new Request(`http://x/api/cases/${id}`, cookie ? { headers: { cookie: `netriage_session=${cookie}` } } : {}), params({ id }));
const save = (id: string, body: unknown) => item.PUT(new Request(`http://x/api/cases/${id}`, send("PUT", body)), params({ id }));
const act = (id: string, name: string, body?: unknown, cookie?: string) =>
  action.POST(
    new Request(`http://x/api/cases/${id}/${name}`, body === undefined && !cookie ? { method: "POST" } : send("POST", body ?? {}, cookie)),
    params({ id, action: name }),
  );
const searchFor = async (q: string) => (await search.GET(new Request(`http://x/api/search?q=${encodeURIComponent(q)}`))).json();

describe.each(backends)("case routes on %s", (dialect) => {
  beforeAll(async () => {
    await useAppDatabase(dialect);
  });

  describe("with sign-in off (the single user may publish)", () => {
    it("POST /api/cases answers 201 with exactly id, status draft and version", async () => {
      const response = await create(completeCase("Quokka resolver timeouts behind conntrack"));
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ id: "quokka-resolver-timeouts-behind-conntrack", status: "draft", version: 1 });
    });

    it("GET /api/cases/<id> returns fields, body, status and version; a draft is not searchable", async () => {
      const response = await read("quokka-resolver-timeouts-behind-conntrack");
      expect(response.status).toBe(200);
      const view = await response.json();
      expect(view).toMatchObject({ id: "quokka-resolver-timeouts-behind-conntrack", status: "draft", version: 1, problems: [] });
      expect(view.fields).toMatchObject({ title: "Quokka resolver timeouts behind conntrack", rootCause: "conntrack-insert-race" });
      expect(view.body).toContain("## Issue");
      expect((await searchFor("quokka")).map((hit: { id: string }) => hit.id)).not.toContain(view.id);
    });

    it("PUT saves at the current version and answers 409 to a stale one; every save is a revision with its diff", async () => {
      const id = "quokka-resolver-timeouts-behind-conntrack";
      const saved = await save(id, { version: 1, body: `${(await (await read(id)).json()).body}\nQuokka note.\n` });
      expect(saved.status).toBe(200);
      expect((await saved.json()).version).toBe(2);
      const stale = await save(id, { version: 1, body: "## Issue\n" });
      expect(stale.status).toBe(409);
      expect((await stale.json()).error).toMatch(/version 2, yours 1/);
      const history = await (await revisions.GET(new Request(`http://x/api/cases/${id}/revisions`), params({ id }))).json();
      expect(history.map((r: { action: string }) => r.action)).toEqual(["created", "saved"]);
      expect(history[1].diff.filter((l: { op: string }) => l.op === "+")).toEqual([
        { op: "+", text: "Quokka note." },
        { op: "+", text: "" },
      ]);
    });

    it("POST /api/cases/<id>/publish answers 200 with status published, and the case is searchable at once", async () => {
      const id = "quokka-resolver-timeouts-behind-conntrack";
      const response = await act(id, "publish");
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id, status: "published", version: 3 });
      const hits = await searchFor("quokka resolver");
      expect(hits[0]).toMatchObject({ id, url: `/cases/${id}` });
    });

    it("publish answers 422 naming the field that content:check refuses, and 409 for a stale version", async () => {
      const created = await (await create({ ...completeCase("Wombat case without a Chinese title"), titleZh: "" })).json();
      const refused = await act(created.id, "publish");
      expect(refused.status).toBe(422);
      expect((await refused.json()).error).toMatch(/^titleZh: /);
      expect((await act(created.id, "publish", { version: 7 })).status).toBe(409);
    });

    it("publish answers 422 at the body line of a section that is missing", async () => {
      const created = await (await create({ ...completeCase("Numbat case without a cause section"), body: "## Issue\n\nText.\n" })).json();
      const refused = await act(created.id, "publish");
      expect(refused.status).toBe(422);
      expect((await refused.json()).error).toMatch(/^body line \d+: missing section "## Environment"/);
    });

    it("answers 404 for an unknown case or action, 422 naming a bad field, 409 for a taken id", async () => {
      expect((await read("no-such-case")).status).toBe(404);
      expect((await act("quokka-resolver-timeouts-behind-conntrack", "teleport")).status).toBe(404);
      const bad = await create({ title: "x", platform: ["amiga"] });
      expect(bad.status).toBe(422);
      expect((await bad.json()).error).toMatch(/^platform\.0: /);
      const taken = await create({ title: "Again", id: "k8s-dns-5s-conntrack-dnat-race" });
      expect(taken.status).toBe(409);
      expect((await taken.json()).error).toMatch(/^id: /);
      expect((await create({ title: "Bad id", id: "Not A Slug" })).status).toBe(422);
    });

    it("carries a Chinese version: in GET, in the 409 rule and the revisions, checked with the pair on publish, then read in Chinese and searchable", async () => {
      const { fields, body, zh } = repositoryCaseWithZh("k8s-dns-5s-conntrack-dnat-race");
      const zhBody = zh.body.replace("## 环境", "这次是鸭嘴兽集群升级之后出现的。\n\n## 环境");
      const drifted = { ...zh, body: zhBody.replace("```text\n", "```text\nnot in the English page\n") };
      const created = await create({ ...fields, title: "Platypus pods see 5 s DNS delays", body, zh: drifted });
      expect(created.status).toBe(201);
      const { id } = await created.json();
      const view = await (await read(id)).json();
      expect(view.zh).toEqual(drifted);
      expect(view.problems).toContainEqual({ line: expect.any(Number), version: "zh", message: expect.stringMatching(/^code block \d+ differs/) });
      const refused = await act(id, "publish");
      expect(refused.status).toBe(422);
      expect((await refused.json()).error).toMatch(/^zh\.body line \d+: code block \d+ differs from the English page's/);

      expect((await save(id, { version: 1, zh: { ...zh, body: zhBody } })).status).toBe(200);
      const stale = await save(id, { version: 1, zh: null });
      expect(stale.status).toBe(409);
      const history = await (await revisions.GET(new Request(`http://x/api/cases/${id}/revisions`), params({ id }))).json();
      expect(history[1].diff).toContainEqual({ op: "-", text: "not in the English page" });
      expect((await act(id, "publish")).status).toBe(200);

      expect((await getLiveLibrary()).getCase(id)?.zh?.frontmatter).toEqual({ id, title: fields.titleZh, symptoms: zh.symptoms });
      expect((await searchFor("鸭嘴兽集群"))[0]).toMatchObject({ id });
      // Removing the Chinese version takes its words out of search.
      expect((await save(id, { version: 3, zh: null })).status).toBe(200);
      expect((await searchFor("鸭嘴兽集群")).map((hit: { id: string }) => hit.id)).not.toContain(id);
    });

    it('POST {"fromSession"} writes the draft from a confirmed session (409 before a cause is confirmed)', async () => {
      const session = await (
        await sessions.POST(new Request("http://x/api/sessions", send("POST", { description: "pods see 5 s DNS delays", ticketRef: "T-77" })))
      ).json();
      expect((await create({ fromSession: session.id })).status).toBe(409);
      const confirm = { version: 1, status: "confirmed", confirmedCause: "conntrack-insert-race" };
      expect((await sessionItem.PUT(new Request(`http://x/api/sessions/${session.id}`, send("PUT", confirm)), params({ id: session.id }))).status).toBe(200);
      const created = await create({ fromSession: session.id });
      expect(created.status).toBe(201);
      const view = await (await read((await created.json()).id)).json();
      expect(view).toMatchObject({ status: "draft", sessionId: session.id });
      expect(view.fields).toMatchObject({ rootCause: "conntrack-insert-race", source: { file: "netriage-library", section: "ticket T-77" } });
      expect(view.problems.some((p: { field?: string }) => p.field === "titleZh")).toBe(true);
      expect(view.zh).toBeNull();
    });

    it('POST {"fromSession"} of a ticket written in Chinese adds a Chinese version with the same commands and outputs, which the pair checks accept', async () => {
      const output = { command: "conntrack -S", text: "cpu=0 found=0 invalid=0 insert=0 insert_failed=1187 drop=1187 early_drop=0 error=0" };
      const description = "集群里的 Pod 解析域名偶尔要等 5 秒，抓包看到 A 和 AAAA 查询同时发出。";
      const session = await (await sessions.POST(new Request("http://x/api/sessions", send("POST", { description, outputs: [output] })))).json();
      const confirm = { version: 1, status: "confirmed", confirmedCause: "conntrack-insert-race" };
      expect((await sessionItem.PUT(new Request(`http://x/api/sessions/${session.id}`, send("PUT", confirm)), params({ id: session.id }))).status).toBe(200);
      const view = await (await read((await (await create({ fromSession: session.id })).json()).id)).json();
      expect(view.zh.body).toMatch(/^## 问题\n\n集群里的 Pod/);
      expect(view.zh.body).toContain("### 第 1 步：conntrack -S\n\n```bash\nconntrack -S\n```");
      expect(view.zh.body).toContain(output.text);
      expect(view.zh.symptoms).toHaveLength(view.fields.symptoms.length);
      // Left to fill in, as in English; nothing the two versions disagree on.
      const zhProblems = view.problems.filter((p: { version?: string }) => p.version === "zh").map((p: { message: string }) => p.message);
      expect(new Set(zhProblems)).toEqual(new Set(["still holds a placeholder to fill in"]));
    });
  });

  describe("with accounts: engineers write and submit, trainers publish", () => {
    let engineer: string;
    let trainer: string;
    beforeAll(async () => {
      const prisma = getPrisma();
      const open = async (email: string, role: "engineer" | "trainer") => {
        await createUser(prisma, { email, role, password: "correct horse battery" });
        const user = await prisma.user.findUniqueOrThrow({ where: { email } });
        return (await openSession(prisma, user)).token;
      };
      engineer = await open(`eng-${dialect}@example.com`, "engineer");
      trainer = await open(`trainer-${dialect}@example.com`, "trainer");
    });

    it("refuses anonymous writers (401) and engineers publishing (403); the trainer publishes the submitted case", async () => {
      expect((await create(completeCase("Bilby anonymous case"))).status).toBe(401);
      const created = await create(completeCase("Bilby engineer case"), engineer);
      expect(created.status).toBe(201);
      const { id } = await created.json();
      expect((await read(id)).status).toBe(401);
      expect((await act(id, "submit", { version: 1 }, engineer)).status).toBe(200);
      expect((await act(id, "publish", {}, engineer)).status).toBe(403);
      const published = await act(id, "publish", {}, trainer);
      expect(published.status).toBe(200);
      expect(await published.json()).toMatchObject({
        status: "published",
        createdBy: `eng-${dialect}@example.com`,
        updatedBy: `trainer-${dialect}@example.com`,
      });
      expect((await read(id)).status).toBe(200);
    });

    it("a trainer's request for changes sends the case back to draft with the comment", async () => {
      const { id } = await (await create(completeCase("Dunnart engineer case"), engineer)).json();
      await act(id, "submit", {}, engineer);
      expect((await act(id, "request-changes", {}, trainer)).status).toBe(422);
      const back = await act(id, "request-changes", { comment: "Name the kernel version." }, trainer);
      expect(await back.json()).toMatchObject({ status: "draft" });
    });
  });
});
