// The local playground: with no Telegram token, `npm start` runs the bot against the
// project's own Bot API emulator and a web page where you chat with it as a resident, and as
// the admin of a review group, on this machine alone.
import type { Db } from "../core/db/client";
import { startEmulator, type Emulator } from "../emulator/index";

/** What the playground prepared: the emulator, the person you play, and the page to open. */
export interface Playground {
  emulator: Emulator;
  userId: number;
  reviewGroupId: number;
  /** The chat page, with your private chat and the review group as tabs. */
  pageUrl: string;
}

/** Starts the emulator with one resident (also the admin) and a review group. */
export async function startPlaygroundEmulator(port: number): Promise<Playground> {
  const emulator = await startEmulator({ port, botUsername: "guong_sang_local_bot" });
  const user = emulator.driver.createUser({ firstName: "Bạn", lastName: "Thử Nghiệm", username: "ban_thu_nghiem", languageCode: "vi" });
  const group = emulator.driver.createChat({ type: "supergroup", title: "Hội đồng Thi đua – Khen thưởng (thử)", creator: user.id });
  const chats = [`${user.id}:Trò chuyện riêng`, `${group.id}:Nhóm xét duyệt`].map(encodeURIComponent).join(",");
  return { emulator, userId: user.id, reviewGroupId: group.id, pageUrl: `${emulator.apiRoot}/?user=${user.id}&chats=${chats}` };
}

/** Makes the playground's group the council's review group, so submitted cards show there. */
export async function bindPlaygroundReviewGroup(db: Db, groupId: number): Promise<void> {
  const chat = await db.chat.upsert({
    where: { channel_externalId: { channel: "TELEGRAM", externalId: String(groupId) } },
    create: { channel: "TELEGRAM", externalId: String(groupId), kind: "SUPERGROUP", title: "Hội đồng Thi đua – Khen thưởng (thử)" },
    update: {},
  });
  await db.reviewGroup.upsert({ where: { chatId: chat.id }, create: { chatId: chat.id, unitId: null }, update: {} });
}
