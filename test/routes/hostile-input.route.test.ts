// Input that used to reach a 500: each gets a 4xx JSON error naming the field, on every backend.
import { beforeAll, describe, expect, it } from "vitest";

import { getExerciseCatalogue } from "@/lib/training/catalogue";
import type { TicketDrill } from "@/lib/training/exercise";
import { backends, useAppDatabase } from "@/test/db/databases";

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let sessions: { POST: (request: Request) => Promise<Response> };
let session: { GET: Handler; PUT: Handler };
let learners: { POST: (request: Request) => Promise<Response> };
let attempts: { POST: (request: Request) => Promise<Response> };

beforeAll(async () => {
  sessions = await import("@/app/api/sessions/route");
  session = await import("@/app/api/sessions/[id]/route");
  learners = await import("@/app/api/train/learners/route");
  attempts = await import("@/app/api/train/attempts/route");
});

const request = (method: string, body: string) => new Request("http://x/api", { method, headers: { "content-type": "application/json" }, body });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const errorOf = async (response: Response) => ({ status: response.status, error: (await response.json()).error as string });

/** A JSON array nested `depth` deep: String() and JSON.stringify() of it overflow the stack. */
const deepArray = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe.each(backends)("hostile input on %s", (dialect) => {
  let id: string;
  beforeAll(async () => {
    await useAppDatabase(dialect);
    id = (await (await sessions.POST(request("POST", JSON.stringify({ description: "x" })))).json()).id;
  });
  const put = (body: string) =>
    session.PUT(new Request(`http://x/api/sessions/${id}`, { method: "PUT", headers: { "content-type": "application/json" }, body }), params(id));

  it("answers 422 for a cause given as an object with toString or as a deeply nested array", async () => {
    expect(await errorOf(await put(`{"version": 1, "confirmedCause": {"toString": 1, "valueOf": 2}}`))).toEqual({
      status: 422,
      error: "confirmedCause: expected a root-cause id, got object",
    });
    expect(await errorOf(await put(`{"version": 1, "confirmedCause": ${deepArray(200_000)}}`))).toEqual({
      status: 422,
      error: "confirmedCause: expected a root-cause id, got an array",
    });
    const ticket = getExerciseCatalogue().exercises.find((e): e is TicketDrill => e.kind === "ticket")!;
    const learnerId = (await (await learners.POST(request("POST", JSON.stringify({ name: "Hostile Tester" })))).json()).id;
    const attempt = (causeId: string) =>
      attempts.POST(
        request(
          "POST",
          `{"learnerId": "${learnerId}", "exerciseId": "${ticket.id}", "durationMs": 1, "answer": {"kind": "ticket", "stepId": "x", "causeId": ${causeId}}}`,
        ),
      );
    expect(await errorOf(await attempt(`{"toString": {}}`))).toEqual({ status: 422, error: "answer.causeId: expected a root-cause id, got object" });
    expect(await errorOf(await attempt(deepArray(7_000)))).toEqual({ status: 422, error: "answer.causeId: expected a root-cause id, got an array" });
  });

  it("answers 422 for a lone surrogate in any saved string, naming the field", async () => {
    expect(await errorOf(await sessions.POST(request("POST", JSON.stringify({ description: "DNS \ud800 slow" }))))).toEqual({
      status: 422,
      error: expect.stringMatching(/^description: not valid Unicode text/),
    });
    expect(await errorOf(await put(JSON.stringify({ version: 1, outputs: [{ command: "dig", text: "x\udc00" }] })))).toEqual({
      status: 422,
      error: expect.stringMatching(/^outputs\.0\.text: not valid Unicode/),
    });
    expect(await errorOf(await put(JSON.stringify({ version: 1, answers: { ["symptom\ud83d"]: "dns" } })))).toEqual({
      status: 422,
      error: expect.stringMatching(/^answers: a name is not valid Unicode/),
    });
    expect(await errorOf(await learners.POST(request("POST", JSON.stringify({ name: "Ada \udfff" }))))).toEqual({
      status: 422,
      error: expect.stringMatching(/^name: not valid Unicode/),
    });
    expect((await put(JSON.stringify({ version: 1, notes: "a real pair: \ud83d\ude00" }))).status).toBe(200);
  });

  it("answers 422 for a NUL character in a title, description or notes (PostgreSQL text cannot hold one)", async () => {
    for (const field of ["title", "description", "notes"]) {
      expect(await errorOf(await put(JSON.stringify({ version: 2, [field]: "before\u0000after" })))).toEqual({
        status: 422,
        error: `${field}: contains a NUL character (\\u0000)`,
      });
    }
    const saved = await (await session.GET(new Request("http://x/api"), params(id))).json();
    expect((await put(JSON.stringify({ version: saved.version, notes: "saves again" }))).status).toBe(200);
  });

  it("answers 422 for answers.__proto__ instead of dropping it", async () => {
    expect(await errorOf(await sessions.POST(request("POST", `{"description": "x", "answers": {"__proto__": "yes"}}`)))).toEqual({
      status: 422,
      error: 'answers.__proto__: "__proto__" cannot be used as a name',
    });
    expect(await errorOf(await put(`{"version": 3, "answers": {"symptom": "dns", "__proto__": {"shared": true}}}`))).toEqual({
      status: 422,
      error: 'answers.__proto__: "__proto__" cannot be used as a name',
    });
  });
});
