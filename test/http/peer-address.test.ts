import http from "node:http";
import type { AddressInfo } from "node:net";

import { describe, expect, it } from "vitest";

import { PEER_ADDRESS_HEADER, stampPeerAddress } from "@/lib/http/peer-address";

describe("stampPeerAddress", () => {
  it("replaces whatever the client sent under the header with the connection's address", async () => {
    const seen: { header: unknown; raw: string[] }[] = [];
    const server = http.createServer((request, response) => {
      stampPeerAddress(request);
      seen.push({
        header: request.headers[PEER_ADDRESS_HEADER],
        raw: request.rawHeaders.filter((_, i, raw) => raw[i - (i % 2)].toLowerCase() === PEER_ADDRESS_HEADER),
      });
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const request = http.request({ port, host: "127.0.0.1", headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9" } }, (response) =>
        response.resume().on("end", resolve),
      );
      request.on("error", reject).end();
    });
    server.close();
    expect(seen).toEqual([{ header: "127.0.0.1", raw: [PEER_ADDRESS_HEADER, "127.0.0.1"] }]);
  });
});
