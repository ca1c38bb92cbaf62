// The playground with ZALO_OA_GROUP_DIGEST on: the OA's own group of the sample organisation is
// subscribed to the digest, the page is told of it (a pane beside the resident's private chat),
// and the weekly digest fired from the clock panel reaches it through the OA's group API, read
// through the playground's Zalo route as the page reads it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../app/config";
import { createLogger } from "../../app/logger";
import { startPlayground, type RunningPlayground } from "../../app/playground/run";
import { zaloOaGroupTitle } from "../../app/playground/zalo-session";
import { loadDeadlineConfig } from "../../core/calendar/deadline-config";
import { Translations } from "../../core/i18n";

let dir: string;
let playground: RunningPlayground;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "gs-playground-gmf-"));
  const config = parseConfig({ PLAYGROUND_PORT: "0", PLAYGROUND_DATA_DIR: dir, DATABASE_URL: `file:${path.join(dir, "real.db")}`, LOG_LEVEL: "silent", ZALO_OA_GROUP_DIGEST: "1" });
  const deadlines = await loadDeadlineConfig(config.DEADLINES_FILE);
  playground = await startPlayground({ config, log: createLogger("silent"), i18n: new Translations("vi"), deadlines, pollIntervalMs: 100 });
}, 120_000);

afterAll(async () => {
  await playground?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(route: string, body?: unknown): Promise<T> {
  const res = await fetch(new URL(`_playground/${route}`, playground.pageUrl), body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json()) as { ok: boolean; result: T; error?: string };
  if (!json.ok) throw new Error(json.error);
  return json.result;
}

describe("the OA's own group in the playground (ZALO_OA_GROUP_DIGEST=1)", () => {
  it("is in the cast and gets the weekly digest fired from the clock panel", async () => {
    const cast = await call<{ zalo: { oa: { groups: { id: string; title: string }[] } } }>("cast");
    expect(cast.zalo.oa.groups).toEqual([{ id: expect.stringMatching(/^\d{19}$/), title: zaloOaGroupTitle }]);
    const groupId = cast.zalo.oa.groups[0]!.id;
    const move = await call<{ lines: string[] }>("clock", { step: "digest" });
    // The two Telegram community groups and the OA's group.
    expect(move.lines).toContain("Bản tin tuần: 2 câu chuyện, gửi tới 3 nhóm cộng đồng.");
    await expect
      .poll(async () => (await call<{ text: string; fromBot: boolean }[]>(`zalo/oa/messages?chat=${groupId}`)).map((m) => m.text).join("\n"), { timeout: 15_000 })
      .toContain("Bà Hà Thị Mận");
    const sent = await call<{ fromBot: boolean }[]>(`zalo/oa/messages?chat=${groupId}`);
    expect(sent.every((m) => m.fromBot)).toBe(true);
    expect(playground.zalo("oa").messages(groupId).length).toBe(sent.length);
  });

  it("answers a wrong send on a Zalo route with a helpful error, not a crash", async () => {
    const res = await fetch(new URL("_playground/zalo/oa/send", playground.pageUrl), { method: "POST", body: JSON.stringify({ userId: "1" }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain("{userId, text}");
  });
});
