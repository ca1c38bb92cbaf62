// The playground's own routes beside the emulator's: who is who (the cast), the clock panel, the
// reset, and the resident's chat on each Zalo channel (one route shape for every channel). The
// chat page reads them; a plain emulator has none, and the page then shows one user as before.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { readBody } from "../../emulator/request";
import { sendJson } from "../../emulator/server";
import type { Cast } from "./cast";
import { clockSteps, type ClockMove } from "./clock-panel";
import { zaloChannels, type ZaloChannelKey, type ZaloView } from "./zalo-views";

/** What the routes ask of the running playground. */
export interface PlaygroundControls {
  cast(): Cast;
  /** The resident's chat on a Zalo channel; undefined while a reset restarts the bot. */
  zalo(channel: ZaloChannelKey): ZaloView | undefined;
  clock(): { at: string; atText: string };
  moveClock(step: (typeof clockSteps)[number], locale: "vi" | "en"): Promise<ClockMove>;
  reset(): Promise<void>;
}

const clockBody = z.object({ step: z.enum(clockSteps), locale: z.enum(["vi", "en"]).default("vi") });

/** What the page sends on a Zalo channel: a text, or photos (base64, at most 10 as Zalo allows). */
const zaloSendBody = z.union([
  z.object({ userId: z.string().regex(/^[\w-]{1,40}$/), text: z.string().min(1).max(2000) }),
  z.object({ userId: z.string().regex(/^[\w-]{1,40}$/), photos: z.array(z.string().min(1)).min(1).max(10) }),
]);

/** `/_playground/zalo/<channel>/<action>[/<id>]`. */
const zaloPath = new RegExp(`^/_playground/zalo/(${zaloChannels.join("|")})/(messages|send|file)(?:/([\\w-]+))?$`);

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const raw = (await readBody(req)).toString("utf8");
  return raw ? JSON.parse(raw) : {};
}

/** The sample residents on the Zalo channels, for the cast's answer. */
function zaloResidents(controls: PlaygroundControls): Partial<Record<ZaloChannelKey, ZaloView["resident"] & { groups: ZaloView["groups"] }>> {
  return Object.fromEntries(zaloChannels.flatMap((channel) => {
    const view = controls.zalo(channel);
    return view ? [[channel, { ...view.resident, groups: view.groups }]] : [];
  }));
}

/** A Zalo chat: GET messages?chat=<person or group id>, POST send {userId, text | photos}, GET file/<id>. */
async function zaloRoute(controls: PlaygroundControls, req: IncomingMessage, res: ServerResponse, url: URL, match: RegExpExecArray): Promise<void> {
  const [, channel, action, id] = match as unknown as [string, ZaloChannelKey, "messages" | "send" | "file", string | undefined];
  const view = controls.zalo(channel);
  if (!view) return sendJson(res, 503, { ok: false, error: "the bot is restarting" });
  if (req.method === "GET" && action === "messages") return sendJson(res, 200, { ok: true, result: view.messages(url.searchParams.get("chat") ?? view.resident.userId) });
  if (req.method === "GET" && action === "file" && id) {
    const file = view.file(id);
    if (!file) return sendJson(res, 404, { ok: false, error: "no such photo" });
    res.writeHead(200, { "content-type": file.mimeType, "content-length": file.bytes.length, "cache-control": "max-age=3600" });
    res.end(file.bytes);
    return;
  }
  if (req.method !== "POST" || action !== "send") return sendJson(res, 404, { ok: false, error: "unknown route" });
  const body = zaloSendBody.safeParse(await jsonBody(req));
  if (!body.success) return sendJson(res, 400, { ok: false, error: "send {userId, text} or {userId, photos: [base64]}" });
  if ("text" in body.data) await view.sendText(body.data.userId, body.data.text);
  else await view.sendPhotos(body.data.userId, body.data.photos.map((photo) => Buffer.from(photo, "base64")));
  sendJson(res, 200, { ok: true, result: true });
}

/** The routes under `/_playground/`; returns false for any other path. */
export function playgroundRoutes(controls: PlaygroundControls) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const route = `${req.method ?? "GET"} ${url.pathname}`;
    try {
      const zalo = zaloPath.exec(url.pathname);
      if (zalo) return await zaloRoute(controls, req, res, url, zalo), true;
      switch (route) {
        case "GET /_playground/cast":
          sendJson(res, 200, { ok: true, result: { ...controls.cast(), zalo: zaloResidents(controls), clock: controls.clock() } });
          return true;
        case "POST /_playground/clock": {
          const body = clockBody.safeParse(await jsonBody(req));
          if (!body.success) return sendJson(res, 400, { ok: false, error: `step must be one of ${clockSteps.join(", ")}` }), true;
          sendJson(res, 200, { ok: true, result: await controls.moveClock(body.data.step, body.data.locale) });
          return true;
        }
        case "POST /_playground/reset":
          await controls.reset();
          sendJson(res, 200, { ok: true, result: true });
          return true;
        default:
          return false;
      }
    } catch (error) {
      sendJson(res, 500, { ok: false, error: (error as Error).message });
      return true;
    }
  };
}
