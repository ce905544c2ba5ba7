// The TCP peer's address, for route handlers (which see a Request, not the socket): the serving
// process stamps it on every request before any handler runs.
import type { IncomingMessage } from "node:http";

/** Set on every request by the serving process; a value the client sent under this name never survives. */
export const PEER_ADDRESS_HEADER = "x-netriage-peer-address";

/** Sets the peer-address header to the socket's remote address, replacing whatever the client sent under that name. */
export function stampPeerAddress(request: IncomingMessage): void {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
  const raw = request.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === PEER_ADDRESS_HEADER) raw.splice(i, 2);
  raw.push(PEER_ADDRESS_HEADER, request.headers[PEER_ADDRESS_HEADER]);
}
