import { describe, expect, it } from "vitest";

import { indexTerms, scanRuns, stem, tokenize } from "@/lib/search/tokenize";

describe("tokenize", () => {
  it("keeps technical tokens whole and adds the parts a person might type alone", () => {
    expect(tokenize("tcp_tw_recycle")).toEqual(["tcp_tw_recycle", "tcp", "tw", "recycle"]);
    expect(tokenize("sysctl net.core.somaxconn=128")).toEqual(["sysctl", "net.core.somaxconn", "net", "core", "somaxconn", "128"]);
    expect(tokenize("conntrack -S insert_failed=12")).toEqual(["conntrack", "insert_failed", "insert", "failed", "12"]);
  });

  it("keeps IP addresses and ports intact and drops numeric pieces", () => {
    expect(tokenize("connect to 10.0.0.1:8080 failed")).toEqual(["connect", "10.0.0.1:8080", "10.0.0.1", "8080", "failed"]);
  });

  it("splits camelCase counter names but keeps a plural acronym whole", () => {
    expect(tokenize("TcpExtListenOverflows")).toEqual(["tcpextlistenoverflows", "tcp", "ext", "listen", "overflows"]);
    expect(tokenize("SYNs")).toEqual(["syns"]);
  });

  it("glues hyphenated words so keepalive finds keep-alive", () => {
    expect(tokenize("keep-alive")).toContain("keepalive");
  });

  it("turns Han text into overlapping bigrams, a lone character into itself", () => {
    expect(tokenize("连接超时")).toEqual(["连接", "接超", "超时"]);
    expect(tokenize("跨 VPC")).toEqual(["跨", "vpc"]);
  });

  it("folds full-width characters and drops stop words and single letters", () => {
    expect(tokenize("ＴＣＰ　to the　Ｓ")).toEqual(["tcp"]);
  });

  it("ends a word run at trailing punctuation", () => {
    expect(scanRuns("see /etc/resolv.conf.").map((run) => run.text)).toEqual(["see", "etc/resolv.conf"]);
  });

  it("runs in linear time on adversarial input", () => {
    const timeFor = (text: string) => {
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        tokenize(text);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    // long runs of joiners between word characters are what a backtracking pattern chokes on
    const unit = "a-_.:/".repeat(3) + "-".repeat(20) + " ";
    const small = timeFor(unit.repeat(2_000));
    const large = timeFor(unit.repeat(16_000));
    expect(large / small).toBeLessThan(24); // 8x the input; quadratic would be 64x
  });
});

describe("stem", () => {
  it("meets plural, past and -ing forms of plain words", () => {
    expect(stem("connections")).toBe(stem("connection"));
    expect(stem("refused")).toBe(stem("refusing"));
    expect(stem("dropped")).toBe(stem("drops"));
  });

  it("leaves technical tokens and short words alone", () => {
    expect(stem("insert_failed")).toBe("insert_failed");
    expect(stem("dns")).toBe("dns");
    expect(stem("ipv4")).toBe("ipv4");
  });
});

describe("indexTerms", () => {
  it("stems the plain words of a text", () => {
    expect(indexTerms("Connections refused")).toEqual([stem("connections"), stem("refused")]);
  });
});
