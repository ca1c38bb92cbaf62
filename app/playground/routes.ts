// The playground's own routes beside the emulator's: who is who (the cast), the clock panel and
// the reset. The chat page reads them; a plain emulator has none, and the page then shows one
// user as before.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { readBody } from "../../emulator/request";
import { sendJson } from "../../emulator/server";
import type { Cast } from "./cast";
import { clockSteps, type ClockMove } from "./clock-panel";

/** What the routes ask of the running playground. */
export interface PlaygroundControls {
  cast(): Cast;
  clock(): { at: string; atText: string };
  moveClock(step: (typeof clockSteps)[number], locale: "vi" | "en"): Promise<ClockMove>;
  reset(): Promise<void>;
}

const clockBody = z.object({ step: z.enum(clockSteps), locale: z.enum(["vi", "en"]).default("vi") });

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const raw = (await readBody(req)).toString("utf8");
  return raw ? JSON.parse(raw) : {};
}

/** The routes under `/_playground/`; returns false for any other path. */
export function playgroundRoutes(controls: PlaygroundControls) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const route = `${req.method ?? "GET"} ${url.pathname}`;
    try {
      switch (route) {
        case "GET /_playground/cast":
          sendJson(res, 200, { ok: true, result: { ...controls.cast(), clock: controls.clock() } });
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
