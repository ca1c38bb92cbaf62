// The Zalo OA emulator's world: the app and its OA, the token chain, the people who write to
// the OA (and when they last did), the groups it owns, what it sent, what was uploaded, and
// faults a test asks for. Everything the HTTP side (server.ts) and the driver do goes here.
import { createHash, randomBytes } from "node:crypto";

// === Ids

/**
 * Zalo ids are decimal strings of up to 19 digits, beyond what a JavaScript number holds
 * exactly (2^53 ≈ 9.0e15): an adapter that ever parses one as a number sends to the wrong id.
 */
export class IdSequence {
  private next: bigint;

  constructor(start: bigint) {
    this.next = start;
  }

  take(): string {
    const id = this.next.toString();
    this.next += 1n;
    return id;
  }
}

/** A 20-hex-character message id, the shape Zalo's `msg_id` has. */
export function messageIdOf(n: number): string {
  return createHash("sha1").update(`oa-msg-${n}`).digest("hex").slice(0, 20);
}

// === Records

/** A person as the OA knows them. */
export interface OaUser {
  userId: string;
  name: string;
  /** Emulator time (ms) of the last interaction; undefined: never interacted. */
  lastInteraction?: number;
  follower: boolean;
}

/** An OA-owned GMF group. */
export interface OaGroup {
  groupId: string;
  name: string;
  memberIds: string[];
  enabled: boolean;
}

/** A message the OA sent (to a person over /cs, or into a group). */
export interface SentOaMessage {
  messageId: string;
  /** The person (user_id) or the group (group_id) it went to. */
  to: string;
  toGroup: boolean;
  text: string;
  /** The uploaded image it carried, if any. */
  image?: { attachmentId: string; bytes: Buffer; mimeType: string };
  /** Quick-reply buttons, as sent. */
  buttons: { title: string; type: string; payload: unknown }[];
  quoteMessageId?: string;
  at: number;
}

/** An uploaded image, kept 7 days like Zalo's. */
export interface OaUpload {
  attachmentId: string;
  bytes: Buffer;
  mimeType: string;
  uploadedAt: number;
}

/** A fault a test asked for: the next `times` calls to `endpoint` (or any) fail with `code`. */
export interface OaFault {
  code: number;
  message: string;
  endpoint?: "cs" | "group" | "upload" | "token";
  /** Only sends to this person or group. */
  to?: string;
  times: number;
}

/** One webhook delivery as the bot answered it. */
export interface OaDelivery {
  eventName: string;
  body: string;
  status: number;
}

/** The Vietnamese messages of the error codes the emulator returns. */
export const oaErrorMessages: Record<number, string> = {
  [-32]: "Vượt quá giới hạn số request cho phép trong một phút",
  [-100]: "Attachment id đã hết hạn",
  [-201]: "Tham số không hợp lệ",
  [-209]: "Ứng dụng chưa được kích hoạt",
  [-210]: "Tham số vượt quá giới hạn cho phép",
  [-212]: "OA chưa đăng ký API này",
  [-216]: "Access token không hợp lệ",
  [-219]: "Ứng dụng đã bị gỡ bỏ",
  [-220]: "Access token đã hết hạn hoặc bị vô hiệu hoá",
  [-221]: "Tài khoản OA chưa được xác thực",
  [-223]: "OA chưa cấp quyền cho API này",
  [-224]: "OA cần nâng cấp gói dịch vụ",
  [-230]: "Người dùng không tương tác với OA trong 7 ngày gần nhất",
  [-232]: "Người dùng chưa tương tác với OA",
  [-234]: "Loại tin này không được gửi vào ban đêm (22h - 6h)",
  [-235]: "API không hỗ trợ cho loại OA này",
  [-237]: "Nhóm đã hết hạn hoặc bị vô hiệu hoá",
  [-403]: "Nhóm này không được sở hữu bởi OA",
};

// === State

/** Settings of the emulated app and OA. */
export interface OaStateOptions {
  appId: string;
  appSecret: string;
  oaSecretKey: string;
  oaId: string;
  /** Seconds an access token lives; default 90000 (Zalo's 25 h). */
  accessTtlSeconds: number;
  /** Refuse consultation sends between 22:00 and 06:00 Vietnam time (-234); default false (Zalo allows /cs at night). */
  nightRule: boolean;
  /** The largest image upload in bytes; default 1 MB. */
  maxImageBytes: number;
}

/** The emulator's whole state; plain data plus the rules. */
export class OaState {
  readonly options: OaStateOptions;
  /** Milliseconds added to the real clock (tests move time forward). */
  clockOffsetMs = 0;

  readonly users = new Map<string, OaUser>();
  readonly groups = new Map<string, OaGroup>();
  readonly sent: SentOaMessage[] = [];
  readonly uploads = new Map<string, OaUpload>();
  readonly files = new Map<string, { bytes: Buffer; mimeType: string }>();
  readonly faults: OaFault[] = [];
  /** Consultation sends refused for the window (-230, -232), in order: how often Zalo was asked in vain. */
  readonly windowRefusals: { to: string; code: -230 | -232 }[] = [];
  readonly deliveries: OaDelivery[] = [];
  /** Refresh-token grants that succeeded, in order: a single-use chain has no two with one token. */
  readonly refreshes: string[] = [];
  /** Refresh tokens presented a second time (a process burning a used token). */
  readonly reusedRefreshTokens: string[] = [];
  /** Permission codes waiting to be exchanged: code → PKCE challenge. */
  readonly codes = new Map<string, { challenge: string; expiresAt: number }>();

  private readonly accessTokens = new Map<string, number>();
  private readonly refreshTokens = new Map<string, { used: boolean }>();
  readonly userIds = new IdSequence(2_460_000_000_000_000_001n);
  readonly groupIds = new IdSequence(7_310_000_000_000_000_001n);
  private messages = 0;
  private uploadsCount = 0;

  /** Listeners told of every message the OA sends. */
  readonly onSent = new Set<(message: SentOaMessage) => void>();

  constructor(options: OaStateOptions) {
    this.options = options;
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  nextMessageId(): string {
    return messageIdOf(++this.messages);
  }

  // === Tokens

  /** A fresh token pair, as Zalo's API Explorer hands one to an admin. */
  issueTokens(): { accessToken: string; refreshToken: string; expiresIn: number } {
    const accessToken = `AT_${randomBytes(24).toString("base64url")}`;
    const refreshToken = `RT_${randomBytes(24).toString("base64url")}`;
    this.accessTokens.set(accessToken, this.now() + this.options.accessTtlSeconds * 1000);
    this.refreshTokens.set(refreshToken, { used: false });
    return { accessToken, refreshToken, expiresIn: this.options.accessTtlSeconds };
  }

  /** Uses a refresh token once: a new pair, or null when it is unknown or already used. */
  refresh(refreshToken: string): { accessToken: string; refreshToken: string; expiresIn: number } | null {
    const known = this.refreshTokens.get(refreshToken);
    if (!known) return null;
    if (known.used) {
      this.reusedRefreshTokens.push(refreshToken);
      return null;
    }
    known.used = true;
    this.refreshes.push(refreshToken);
    return this.issueTokens();
  }

  /** -216 for an unknown token, -220 for an expired one, 0 when it may call. */
  checkAccess(token: string | undefined): 0 | -216 | -220 {
    if (!token) return -216;
    const expiresAt = this.accessTokens.get(token);
    if (expiresAt === undefined) return -216;
    return expiresAt <= this.now() ? -220 : 0;
  }

  /** Ends every access token now (what Zalo does 25 h after issue). */
  expireAccessTokens(): void {
    for (const token of this.accessTokens.keys()) this.accessTokens.set(token, 0);
  }

  /** A permission code for a PKCE challenge, as the OA admin's browser gets it. */
  grantCode(challenge: string): string {
    const code = randomBytes(16).toString("hex");
    this.codes.set(code, { challenge, expiresAt: this.now() + 10 * 60_000 });
    return code;
  }

  // === People and groups

  /** A person who can write to the OA. */
  createUser(name: string, options: { follower?: boolean } = {}): OaUser {
    const user: OaUser = { userId: this.userIds.take(), name, follower: options.follower ?? false };
    this.users.set(user.userId, user);
    return user;
  }

  /** An OA-owned group (GMF) with these members. */
  createGroup(name: string, memberIds: string[]): OaGroup {
    const group: OaGroup = { groupId: this.groupIds.take(), name, memberIds: [...memberIds], enabled: true };
    this.groups.set(group.groupId, group);
    return group;
  }

  /** Records an interaction: it opens the 7-day consultation window. */
  touch(userId: string): void {
    const user = this.users.get(userId);
    if (user) user.lastInteraction = this.now();
  }

  /** Whether a consultation message may reach `userId` now: 0, -230 (over 7 days) or -232 (never). */
  windowCheck(userId: string): 0 | -230 | -232 {
    const last = this.users.get(userId)?.lastInteraction;
    if (last === undefined) return -232;
    return this.now() - last > 7 * 24 * 3600_000 ? -230 : 0;
  }

  /** Whether it is 22:00–06:00 in Vietnam (UTC+7, no daylight saving). */
  isNight(): boolean {
    const hour = (new Date(this.now()).getUTCHours() + 7) % 24;
    return hour >= 22 || hour < 6;
  }

  // === Faults, uploads, sends

  /** Takes the fault that applies to a call, if any. */
  takeFault(endpoint: NonNullable<OaFault["endpoint"]>, to?: string): OaFault | undefined {
    const at = this.faults.findIndex((f) => (f.endpoint === undefined || f.endpoint === endpoint) && (f.to === undefined || f.to === to));
    if (at < 0) return undefined;
    const fault = this.faults[at]!;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(at, 1);
    return fault;
  }

  upload(bytes: Buffer, mimeType: string): OaUpload {
    const upload = { attachmentId: `att_${++this.uploadsCount}_${randomBytes(6).toString("hex")}`, bytes, mimeType, uploadedAt: this.now() };
    this.uploads.set(upload.attachmentId, upload);
    return upload;
  }

  /** An upload still on Zalo's servers (they keep media 7 days). */
  liveUpload(attachmentId: string): OaUpload | undefined {
    const upload = this.uploads.get(attachmentId);
    return upload && this.now() - upload.uploadedAt <= 7 * 24 * 3600_000 ? upload : undefined;
  }

  /** Expires every upload now (as after 7 days): the next send by attachment_id gets -100. */
  expireUploads(): void {
    for (const upload of this.uploads.values()) upload.uploadedAt = 0;
  }

  record(message: Omit<SentOaMessage, "messageId" | "at">): SentOaMessage {
    const full: SentOaMessage = { ...message, messageId: this.nextMessageId(), at: this.now() };
    this.sent.push(full);
    for (const listener of this.onSent) listener(full);
    return full;
  }

  /** What the OA sent to a person or a group, in order. */
  sentTo(id: string): SentOaMessage[] {
    return this.sent.filter((m) => m.to === id);
  }
}
