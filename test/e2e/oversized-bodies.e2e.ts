// Routes behind Next refuse a body past their limit before reading it all (413). A client that writes
// its whole body before reading (Python's urllib, Node's fetch with a streamed body) must receive that
// answer, not a reset, also when the body is chunked and so has no length to refuse it by up front.
import net from "node:net";

import { describe, expect, inject, it } from "vitest";

import { chunked } from "@/test/chunked-body";

const baseUrl = inject("baseUrl");

/** Writes the head and the whole body, then reads the answer (the connection kept alive); rejects on a reset. */
function sendAllThenRead(path: string, body: Buffer): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  const head = `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    socket.pause();
    socket.once("error", reject);
    socket.write(head);
    socket.write(chunked(body), (error) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      socket.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        const text = Buffer.concat(chunks).toString();
        const headEnd = text.indexOf("\r\n\r\n");
        const length = /content-length: (\d+)/i.exec(text.slice(0, headEnd));
        const complete = length ? Buffer.byteLength(text.slice(headEnd + 4)) >= Number(length[1]) : text.endsWith("\r\n0\r\n\r\n");
        if (headEnd === -1 || !complete) return;
        socket.destroy();
        resolve(text);
      });
      socket.resume();
    });
  });
}

describe("a chunked body over a route's limit, from a client that writes it all before reading", () => {
  it.each([
    ["sign-in", "/api/auth/sign-in"],
    ["training attempt", "/api/train/attempts"],
  ])("gets the %s route's 413 with its JSON error", async (_, path) => {
    const body = Buffer.from(JSON.stringify({ description: "x".repeat(20 * 1024 * 1024) }));
    const answer = await sendAllThenRead(path, body);
    expect(answer.slice(0, answer.indexOf("\r\n"))).toBe("HTTP/1.1 413 Payload Too Large");
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4).replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, ""))).toHaveProperty("error");
  });
});
