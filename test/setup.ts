// Tests never reach the network: any fetch fails loudly.
import { vi } from "vitest";

vi.stubGlobal("fetch", (input: unknown) => {
  throw new Error(`network access in a test: ${String(input)}`);
});
