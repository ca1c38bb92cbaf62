// The words of the report files. Workbooks, dossiers and CSV exports are official paperwork
// filed with Vietnamese authorities, so they are written in Vietnamese whatever language the
// officer chats in; chat replies about them are in locales/ like every other message.
import type { NomineeKind } from "../db/generated/sqlite/enums";

/** The status columns of a report, in the order officers read them. */
export const statusKeys = ["received", "inReview", "needsInfo", "approved", "rejected", "withdrawn", "published"] as const;
export type StatusKey = (typeof statusKeys)[number];

/** Column headings of the status columns. */
export const statusHeadings: Record<StatusKey, string> = {
  received: "Tiếp nhận",
  inReview: "Đang xét",
  needsInfo: "Cần bổ sung",
  approved: "Đã duyệt (chưa đăng)",
  rejected: "Không duyệt",
  withdrawn: "Đã rút",
  published: "Đã đăng",
};

/** Nominee kinds as the forms name them. */
export const kindLabels: Record<NomineeKind, string> = {
  INDIVIDUAL: "Cá nhân",
  COLLECTIVE: "Tập thể",
  HOUSEHOLD: "Hộ gia đình",
  ENTERPRISE: "Doanh nghiệp",
};

/** Nomination statuses in full, for the CSV export. */
export const statusLabels: Record<string, string> = {
  SUBMITTED: "Đã gửi, chờ xét duyệt",
  IN_REVIEW: "Đang xét duyệt",
  NEEDS_INFO: "Cần bổ sung thông tin",
  APPROVED: "Đã duyệt",
  PUBLISHED: "Đã đăng",
  REJECTED: "Không được duyệt",
  WITHDRAWN: "Đã rút",
};

/** The row of nominations outside any movement. */
export const noMovement = "Không thuộc phong trào cụ thể";
