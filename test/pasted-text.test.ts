import { describe, expect, it } from "vitest";

import { MAX_PASTED_TEXT_BYTES, pastedTextProblem, utf8Bytes } from "@/lib/pasted-text";
import { createSessionSchema, ticketFieldsSchema } from "@/lib/sessions/session-schema";
import { diagnoseInputSchema } from "@/lib/triage/diagnose-schema";

describe("the pasted-text limit", () => {
  it("counts UTF-8 bytes as the server receives them", () => {
    for (const text of ["abc", "连接超时", "emoji 🚀 and é", "\ud800 lone surrogate"]) expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, "utf8"));
  });

  it("is one limit for the ticket and its outputs together, in every schema that takes them", () => {
    const half = "x".repeat(MAX_PASTED_TEXT_BYTES / 2);
    const ticket = { description: half, outputs: [{ text: `${half}y` }] };
    expect(pastedTextProblem([ticket.description, ticket.outputs[0].text])).toMatch(/limit is 5 MB/);
    expect(createSessionSchema.safeParse(ticket).success).toBe(false);
    expect(diagnoseInputSchema.safeParse(ticket).success).toBe(false);
    expect(createSessionSchema.safeParse({ description: half, outputs: [{ text: half }] }).success).toBe(true);
  });

  it("counts Chinese text by its bytes, not its characters", () => {
    const chinese = "超".repeat(Math.floor(MAX_PASTED_TEXT_BYTES / 3) + 1);
    expect(chinese.length).toBeLessThan(MAX_PASTED_TEXT_BYTES);
    expect(diagnoseInputSchema.safeParse({ description: chinese }).success).toBe(false);
  });

  it("gives the form the route's own field rules", () => {
    expect(ticketFieldsSchema.safeParse({ ticketRef: "x".repeat(101), description: "" }).error?.issues[0].message).toBe("at most 100 characters");
  });
});
