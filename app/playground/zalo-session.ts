// The playground's Zalo side for one run of the bot: the OA and Bot Platform emulators, a resident
// on each, the local public web server Zalo fetches the Bot channel's photos from, and the views
// the page reads. Started before the bot and stopped after it, so a reset begins from empty chats.
import type { Logger } from "pino";
import type { BotApp, BotAppOptions } from "../channels";
import { botViewSource, connectOaWebhook, oaViewSource, startLocalPublicWeb, startOaWorld, startZaloBotWorld } from "./zalo-worlds";
import { zaloView, type ZaloChannelKey, type ZaloView } from "./zalo-views";

/** The sample residents on Zalo, one per channel (people of the same town as the Telegram one). */
export const zaloResidentNames: Record<ZaloChannelKey, string> = { oa: "Đỗ Thị Hằng", bot: "Vũ Văn Nam" };

/** The OA's own (GMF) group of the sample organisation, run when ZALO_OA_GROUP_DIGEST is on. */
export const zaloOaGroupTitle = "Khu 2 – Thị trấn Lâm Thao (nhóm Zalo OA)";

/** A running Zalo side of the playground. */
export interface ZaloSession {
  views: Record<ZaloChannelKey, ZaloView>;
  /** The OA's group that receives the digest, when the OA's group digest is on. */
  oaGroup?: { id: string; title: string };
  /** The Zalo channels' options for the bot. */
  botOptions: Pick<BotAppOptions, "zaloOa" | "zaloBot" | "publicWeb">;
  /** Points the OA emulator's webhook at the started bot. */
  connect(app: Pick<BotApp, "zaloOa">): void;
  close(): Promise<void>;
}

/** Starts both emulators and their residents; `buttons`: the OA's quick replies (ZALO_OA_BUTTONS). */
export async function startZaloSession(options: { buttons: boolean; groupDigest: boolean; log: Logger }): Promise<ZaloSession> {
  const oaWorld = await startOaWorld({}, options.buttons);
  const botWorld = await startZaloBotWorld();
  const web = await startLocalPublicWeb(options.log);
  // A follower who has written before: the resident's first message opens the 7-day window anyway.
  const oaResident = oaWorld.oa.driver.createUser(zaloResidentNames.oa, { follower: true });
  const botResident = botWorld.zbot.driver.createUser(zaloResidentNames.bot);
  // The emulator numbers groups from the same start each time: a restart finds the same id.
  const group = options.groupDigest ? oaWorld.oa.driver.createGroup(zaloOaGroupTitle, [oaResident.userId]) : undefined;
  const oaGroup = group ? { id: group.groupId, title: group.name } : undefined;
  return {
    ...(oaGroup ? { oaGroup } : {}),
    views: {
      oa: zaloView(oaViewSource(oaWorld.oa, { userId: oaResident.userId, name: oaResident.name }, oaGroup ? [oaGroup] : [])),
      bot: zaloView(botViewSource(botWorld.zbot, { userId: botResident.id, name: botResident.displayName })),
    },
    botOptions: {
      zaloOa: { ...oaWorld.settings, groupDigest: options.groupDigest },
      zaloBot: { ...botWorld.settings, publicBaseUrl: web.url },
      publicWeb: web.web,
    },
    connect: (app) => connectOaWebhook(oaWorld.oa, app),
    close: async () => {
      await oaWorld.oa.close();
      await botWorld.zbot.close();
      await web.web.close();
    },
  };
}
