import { badRequest } from "../errors";
import { chatFullInfo, chatMemberJson } from "../render";
import { assertBotInChat, chatParam, requiredInt, type MethodHandler } from "./context";

const getChat: MethodHandler = (ctx) => {
  const chat = chatParam(ctx);
  assertBotInChat(ctx, chat, false);
  return chatFullInfo(chat);
};

const getChatMember: MethodHandler = (ctx) => {
  const chat = chatParam(ctx);
  assertBotInChat(ctx, chat, false);
  const userId = requiredInt(ctx.params, "user_id");
  const user = ctx.state.userById(userId);
  if (!user) throw badRequest("user not found");
  if (chat.chat.type === "private" && userId !== chat.chat.id && userId !== ctx.bot.user.id) throw badRequest("user not found");
  const status = chat.chat.type === "private" ? "member" : (chat.members.get(userId) ?? "left");
  return chatMemberJson(user, status, chat.chat);
};

const getChatAdministrators: MethodHandler = (ctx) => {
  const chat = chatParam(ctx);
  assertBotInChat(ctx, chat, false);
  if (chat.chat.type === "private") throw badRequest("there are no administrators in the private chat");
  return [...chat.members]
    .filter(([, status]) => status === "creator" || status === "administrator")
    .flatMap(([userId, status]) => {
      const user = ctx.state.userById(userId);
      return user ? [chatMemberJson(user, status, chat.chat)] : [];
    });
};

/** Methods that read chats and their members. */
export const chatMethods: Record<string, MethodHandler> = { getChat, getChatMember, getChatAdministrators };
