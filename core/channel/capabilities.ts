// What a chat channel can do, declared by each adapter next to its port. Conversation code
// asks these instead of checking which channel it speaks to, so a new channel (another
// Zalo flavour, a web chat) is one adapter with its capabilities, not edits across handlers.

/**
 * The abilities of one channel that change how the conversation speaks on it.
 *
 * ```ts
 * if (port.capabilities.editsInPlace) await port.edit(chatId, messageId, { text });
 * ```
 */
export interface ChannelCapabilities {
  /**
   * `edit` changes the sent message itself. Where false, `edit` sends the new content as a
   * new message, so taking the buttons off an old question would repeat the question.
   */
  readonly editsInPlace: boolean;
  /** Choices show as buttons under the message; where false, as a numbered list to answer. */
  readonly buttons: boolean;
  /** A pressed choice can be acknowledged with a toast; where false, only messages reach the person. */
  readonly toasts: boolean;
  /** Several photos go out as one album (up to `maxAlbumSize`). */
  readonly albums: boolean;
  /** Most photos in one album. */
  readonly maxAlbumSize: number;
  /** Longest text of one message, in visible characters (longer texts are split or folded). */
  readonly maxTextLength: number;
  /** Longest caption under a photo, in visible characters. */
  readonly maxCaptionLength: number;
  /**
   * The channel may write to a person only this many days after their last message (the Zalo
   * OA's consultation window); absent where the channel sets no such limit.
   */
  readonly replyWindowDays?: number;
}
