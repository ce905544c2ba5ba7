import { describe, expect, it } from "vitest";

import { mergeSessionChange } from "@/lib/sessions/merge";
import type { TriageSessionView } from "@/lib/sessions/session-schema";

const saved: TriageSessionView = {
  id: "s",
  ticketRef: "",
  title: "t",
  description: "d",
  answers: { symptom: "dns", "dns-q": "yes" },
  outputs: [{ command: "dig x", text: "timed out" }],
  notes: "checked resolv.conf",
  status: "open",
  confirmedCause: null,
  confirmedAt: null,
  shownDiagnosis: null,
  version: 4,
  shared: false,
  createdBy: null,
  updatedBy: null,
  createdAt: "",
  updatedAt: "",
};

describe("mergeSessionChange", () => {
  it("unites answers, the local answer winning on the same step", () => {
    expect(mergeSessionChange(saved, { answers: { symptom: "slow", other: "no" } }).answers).toEqual({ symptom: "slow", "dns-q": "yes", other: "no" });
  });

  it("appends only outputs the saved session does not have", () => {
    const local = { outputs: [{ command: "dig x", text: "timed out" }, { text: "new" }] };
    expect(mergeSessionChange(saved, local).outputs).toEqual([{ command: "dig x", text: "timed out" }, { text: "new" }]);
  });

  it("keeps both notes when both sides wrote different ones", () => {
    expect(mergeSessionChange(saved, { notes: "customer confirmed" }).notes).toBe("checked resolv.conf\n\ncustomer confirmed");
  });

  it("keeps the local notes when they extend the saved ones", () => {
    expect(mergeSessionChange(saved, { notes: "checked resolv.conf, then dig" }).notes).toBe("checked resolv.conf, then dig");
  });

  it("leaves fields the local side did not change to the saved session", () => {
    expect(mergeSessionChange(saved, { title: "new title" })).toEqual({ title: "new title" });
  });
});
