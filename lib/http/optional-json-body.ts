import { readJsonBody } from "./errors";

/** A JSON body, or `{}` when the request has none at all (a bare `curl -X POST`). */
export async function readOptionalJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const length = request.headers.get("content-length");
  if (!request.headers.get("content-type") && (request.body === null || length === "0")) return {};
  return readJsonBody(request, maxBytes);
}
