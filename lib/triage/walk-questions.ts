import { ENTRY_SYMPTOMS } from "../content/entry-symptoms";
import { isRootCauseId, type RootCauseId } from "../content/root-cause-ids";
import type { QuestionNode } from "./tree-schema";

// Questions the walk asks besides the trees': facts a cause's preconditions need, "what changed?",
// another entry symptom when nothing left separates the causes, and "is it this cause?".

export const WHAT_CHANGED_ID = "what-changed";
export const ANOTHER_SYMPTOM_ID = "another-symptom";
const CONFIRM_PREFIX = "confirm-";

const yesNo = (yes: string, no: string) => [
  { value: "yes", label: yes, signals: [] },
  { value: "no", label: no, signals: [] },
];

/** Fact questions: each settles a precondition (see preconditions.ts) and adds no evidence of its own. */
export const FACT_QUESTIONS: QuestionNode[] = [
  {
    kind: "question",
    id: "fact-kernel",
    text: "Which kernel do the servers run (uname -r)?",
    help: "tcp_tw_recycle exists only on kernels older than 4.12.",
    cost: 1,
    answers: [
      { value: "before-4-12", label: "Older than 4.12", signals: [] },
      { value: "4-12-or-later", label: "4.12 or later", signals: [] },
    ],
  },
  {
    kind: "question",
    id: "fact-shared-ip",
    text: "Do the failing clients reach the server through a shared source IP (NAT, SNAT, a proxy)?",
    cost: 1,
    answers: yesNo("Yes, they share a source IP", "No, each client has its own IP"),
  },
  {
    kind: "question",
    id: "fact-load-balancer",
    text: "Is there a load balancer or proxy between the clients and the servers?",
    cost: 1,
    answers: yesNo("Yes", "No, clients connect directly"),
  },
  {
    kind: "question",
    id: "fact-containers",
    text: "Does the service run in containers or on Kubernetes?",
    cost: 1,
    answers: yesNo("Yes", "No, on plain hosts or VMs"),
  },
];

/** Asked when no step separates the leading causes: a change often names the cause. */
export const WHAT_CHANGED_QUESTION: QuestionNode = {
  kind: "question",
  id: WHAT_CHANGED_ID,
  text: "What changed shortly before the problem started?",
  cost: 1,
  answers: [
    { value: "kernel-upgrade", label: "A kernel or OS upgrade", signals: ["text-kernel"] },
    { value: "scaling-or-ips", label: "Scaling, a redeploy or new IP addresses behind a name or load balancer", signals: ["text-after-scaling"] },
    { value: "moved-or-cabling", label: "Hardware moved, recabled or a network device changed", signals: ["text-after-move"] },
    { value: "traffic-grew", label: "Traffic grew or came in bursts", signals: ["text-burst"] },
    { value: "config-change", label: "A configuration or application deploy", signals: [] },
    { value: "nothing-known", label: "Nothing we know of", signals: [] },
  ],
};

/** Asked when no step separates the leading causes: look at the problem from another symptom. */
export const ANOTHER_SYMPTOM_QUESTION: QuestionNode = {
  kind: "question",
  id: ANOTHER_SYMPTOM_ID,
  text: "Does the ticket also show another symptom?",
  cost: 1,
  answers: ENTRY_SYMPTOMS.map((s) => ({ value: s.id, label: s.label, signals: [] })),
};

export const WALK_QUESTIONS: QuestionNode[] = [...FACT_QUESTIONS, WHAT_CHANGED_QUESTION, ANOTHER_SYMPTOM_QUESTION];

/** The id of the "is it this cause?" question; its answers are "yes" and "no". */
export const confirmQuestionId = (cause: RootCauseId) => `${CONFIRM_PREFIX}${cause}`;

/** The cause a confirm question id asks about, if it is one. */
export function causeOfConfirmId(id: string): RootCauseId | undefined {
  if (!id.startsWith(CONFIRM_PREFIX)) return undefined;
  const cause = id.slice(CONFIRM_PREFIX.length);
  return isRootCauseId(cause) ? cause : undefined;
}

/** "No" to a cause offered on circumstance alone: it stays out only until an output shows it directly. */
export const NOT_YET = "not-yet";

/**
 * The engineer's verdicts from the answers: causes rejected ("no"), causes not accepted on
 * circumstance ("not-yet"), and the one confirmed ("yes").
 */
export function verdictsOf(answers: Record<string, string>): { rejected: Set<RootCauseId>; notYet: Set<RootCauseId>; confirmed?: RootCauseId } {
  const rejected = new Set<RootCauseId>();
  const notYet = new Set<RootCauseId>();
  let confirmed: RootCauseId | undefined;
  for (const [id, value] of Object.entries(answers)) {
    const cause = causeOfConfirmId(id);
    if (!cause) continue;
    if (value === "no") rejected.add(cause);
    if (value === NOT_YET) notYet.add(cause);
    if (value === "yes") confirmed = cause;
  }
  return { rejected, notYet, confirmed };
}
