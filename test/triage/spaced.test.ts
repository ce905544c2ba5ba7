import { describe, expect, it } from "vitest";

import { zh } from "@/lib/triage/spaced";

describe("zh", () => {
  it("spaces a value where Latin text meets Chinese text, and nowhere else", () => {
    expect(zh`是${"tcp_tw_recycle"}吗？`).toBe("是 tcp_tw_recycle 吗？");
    expect(zh`修复后再执行一次${"`netstat -s`"}：应该不再出现`).toBe("修复后再执行一次 `netstat -s`：应该不再出现");
    expect(zh`用来区分${"全连接队列溢出（很可能，72%）"}和${"半连接队列溢出"}。`).toBe("用来区分全连接队列溢出（很可能，72%）和半连接队列溢出。");
  });
});
