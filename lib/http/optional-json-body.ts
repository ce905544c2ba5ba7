import { AppError, readJsonBody } from "./errors";

/** A JSON body, or `{}` when the request has none at all (a bare `curl -X POST`). */
export async function readOptionalJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  if (request.headers.get("content-type")) return readJsonBody(request, maxBytes);
  if (Number(request.headers.get("content-length") ?? "0") > 0 || (await request.text()).trim() !== "")
    throw new AppError(415, "send the body as JSON with Content-Type: application/json");
  return {};
}
