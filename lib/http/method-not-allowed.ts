// The framework answers a method a route does not export with an empty 405; every error of ours is
// JSON. Each route exports this handler for the methods it does not serve.

/** The methods a route may export a handler for (HEAD and OPTIONS are answered by the framework). */
export const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

/** Marks the handlers methodNotAllowed makes, with the methods they name. */
export const ALLOWED_METHODS = Symbol("allowed methods");

type Refusal = ((request: Request) => Promise<Response>) & { [ALLOWED_METHODS]: readonly RouteMethod[] };

/** A handler answering 405 with a JSON error and an Allow header naming the methods the route does serve. */
export function methodNotAllowed(...allowed: RouteMethod[]): Refusal {
  const refuse = async (request: Request) =>
    Response.json({ error: `${request.method} is not allowed here: use ${allowed.join(" or ")}` }, { status: 405, headers: { allow: allowed.join(", ") } });
  return Object.assign(refuse, { [ALLOWED_METHODS]: allowed });
}
