// Who is in the playground: four people, one per role, and the chats they share. The same ids
// after a reset, so a page left open keeps working.
import type { Driver } from "../../emulator/index";

/** The roles the page lets you play. */
export const castRoles = ["resident", "unitOfficer", "councilOfficer", "admin"] as const;
export type CastRole = (typeof castRoles)[number];

/** The chats of the playground, by purpose. */
export const castChats = ["wardReview", "councilReview", "community", "communityWide"] as const;
export type CastChat = (typeof castChats)[number];

/** A person of the playground: their Telegram user id and the chats they are a member of. */
export interface CastPerson {
  role: CastRole;
  userId: number;
  firstName: string;
  lastName: string;
  chats: CastChat[];
}

/** The cast as created in the emulator. */
export interface Cast {
  people: Record<CastRole, CastPerson>;
  chats: Record<CastChat, { chatId: number; title: string }>;
}

const people: Record<CastRole, Omit<CastPerson, "role">> = {
  // Vietnamese names in their own order, whole in the first name as many people set them.
  resident: { userId: 710_001, firstName: "Nguyễn Thị Lan", lastName: "", chats: ["community"] },
  unitOfficer: { userId: 710_002, firstName: "Trần Văn Minh", lastName: "", chats: ["wardReview", "community"] },
  councilOfficer: { userId: 710_003, firstName: "Lê Thị Hoa", lastName: "", chats: ["wardReview", "councilReview", "communityWide"] },
  admin: { userId: 710_004, firstName: "Phạm Quốc Anh", lastName: "", chats: ["wardReview", "councilReview", "community", "communityWide"] },
};

/** Titles of the chats, as the groups are named in a real ward. */
export const chatTitles: Record<CastChat, string> = {
  wardReview: "Tổ xét duyệt Thị trấn Lâm Thao",
  councilReview: "Hội đồng Thi đua – Khen thưởng huyện",
  community: "Khu 1 – Thị trấn Lâm Thao",
  communityWide: "Tin tốt huyện Lâm Thao",
};

/** Creates the cast's users and groups in the emulator (the bot is a member of every group). */
export function createCast(driver: Driver): Cast {
  const cast = { people: {}, chats: {} } as Cast;
  for (const role of castRoles) {
    const p = people[role];
    driver.createUser({ id: p.userId, firstName: p.firstName, ...(p.lastName ? { lastName: p.lastName } : {}), languageCode: "vi" });
    cast.people[role] = { role, ...p };
  }
  for (const key of castChats) {
    const members = castRoles.filter((r) => people[r].chats.includes(key)).map((r) => people[r].userId);
    const chat = driver.createChat({ type: "supergroup", title: chatTitles[key], creator: people.admin.userId, admins: [people.admin.userId], members });
    cast.chats[key] = { chatId: chat.id, title: chatTitles[key] };
  }
  return cast;
}
