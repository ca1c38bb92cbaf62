import type { ChatRecord, MemberStatus } from "./state";
import type { TgChat, TgChatMember, TgUser } from "./types";

/** A user as it appears inside messages: without the fields only getMe reports about a bot. */
export function publicUser(user: TgUser): TgUser {
  const { can_join_groups: _join, can_read_all_group_messages: _read, supports_inline_queries: _inline, ...rest } = user;
  return { ...rest };
}

/** A copy of a chat's Bot API `Chat` object (so callers can't alter the stored one). */
export function chatJson(record: ChatRecord): TgChat {
  return { ...record.chat };
}

/** Bot API `ChatFullInfo` for getChat. */
export function chatFullInfo(record: ChatRecord): Record<string, unknown> {
  return {
    ...record.chat,
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: {
      unlimited_gifts: false,
      limited_gifts: false,
      unique_gifts: false,
      premium_subscription: false,
      gifts_from_channels: false,
    },
    ...(record.description ? { [record.chat.type === "private" ? "bio" : "description"]: record.description } : {}),
  };
}

/** Bot API `ChatMember` for a user with a status, in the shape the spec gives that status. */
export function chatMemberJson(user: TgUser, status: MemberStatus, chat: TgChat): TgChatMember {
  switch (status) {
    case "creator":
      return { status, user: publicUser(user), is_anonymous: false };
    case "administrator":
      return {
        status,
        user: publicUser(user),
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        ...(chat.type === "channel" ? { can_post_messages: true, can_edit_messages: true } : { can_pin_messages: true }),
      };
    case "restricted":
      return {
        status,
        user: publicUser(user),
        is_member: true,
        can_send_messages: false,
        can_send_audios: false,
        can_send_documents: false,
        can_send_photos: false,
        can_send_videos: false,
        can_send_video_notes: false,
        can_send_voice_notes: false,
        can_send_polls: false,
        can_send_other_messages: false,
        can_add_web_page_previews: false,
        can_react_to_messages: false,
        can_edit_tag: false,
        can_change_info: false,
        can_invite_users: false,
        can_pin_messages: false,
        can_manage_topics: false,
        until_date: 0,
      };
    case "kicked":
      return { status, user: publicUser(user), until_date: 0 };
    case "member":
    case "left":
      return { status, user: publicUser(user) };
  }
}

/** Whether a status means the user is in the chat. */
export function isPresent(status: MemberStatus | undefined): boolean {
  return status === "creator" || status === "administrator" || status === "member" || status === "restricted";
}
