// Plain words for what the engine returns: where a command runs, how likely a cause is.

const WHERE: Record<string, string> = {
  client: "on the client that sees the problem",
  server: "on the server that should answer",
  "load-balancer": "on the load balancer (its console, logs or metrics)",
  proxy: "on the proxy in front of the service",
  node: "on the Kubernetes node that runs the pod",
  pod: "inside the pod",
  "both-ends": "on both ends: the client and the server, at the same time",
  "dns-client": "on the machine whose name lookups fail",
  "any-host": "on any host that shows the problem",
};

/** "Run it on the server that should answer"; an unknown place is named as it is. */
export function whereToRun(where: string | undefined): string | undefined {
  if (!where) return undefined;
  return WHERE[where] ?? `on the ${where.replace(/-/g, " ")}`;
}

/** A word for a likelihood from 0 to 1. */
export function likelihoodWord(score: number): string {
  if (score >= 0.8) return "very likely";
  if (score >= 0.5) return "likely";
  if (score >= 0.2) return "possible";
  if (score >= 0.05) return "unlikely";
  return "very unlikely";
}

/** "2 findings point to it, none against it". */
export function evidenceSummary(support: number, against: number): string {
  const forText = support === 0 ? "Nothing points to it" : support === 1 ? "1 finding points to it" : `${support} findings point to it`;
  const againstText = against === 0 ? "none against it" : against === 1 ? "1 speaks against it" : `${against} speak against it`;
  return `${forText}, ${againstText}`;
}
