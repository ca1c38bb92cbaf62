// The payload shapes the channels must render.
import { expect, it } from "vitest";
import { outboxPayloadSchema } from "../../core/outbox/payload";

const accepts = (value: unknown) => outboxPayloadSchema.safeParse(value).success;

it("accepts text with rows of choices", () => {
  expect(accepts({ type: "text", html: "<b>Duyệt?</b>", choices: [[{ label: "Duyệt", data: "approve:42" }]] })).toBe(true);
});

it("refuses choice data over 64 bytes (counted in UTF-8, not characters)", () => {
  expect(accepts({ type: "text", html: "x", choices: [[{ label: "a", data: "đ".repeat(32) }]] })).toBe(true);
  expect(accepts({ type: "text", html: "x", choices: [[{ label: "a", data: "đ".repeat(33) }]] })).toBe(false);
});

it("takes one photo or an album of up to 10, each from a path or a file id but not both", () => {
  expect(accepts({ type: "photos", items: [{ path: "a.jpg" }] })).toBe(true);
  expect(accepts({ type: "photos", items: Array.from({ length: 10 }, (_, i) => ({ fileId: `f${i}` })) })).toBe(true);
  expect(accepts({ type: "photos", items: [] })).toBe(false);
  expect(accepts({ type: "photos", items: Array.from({ length: 11 }, (_, i) => ({ fileId: `f${i}` })) })).toBe(false);
  expect(accepts({ type: "photos", items: [{ path: "a.jpg", fileId: "f" }] })).toBe(false);
});

it("lets choices ride with a single photo only", () => {
  const choices = [[{ label: "Xem", data: "view:1" }]];
  expect(accepts({ type: "photos", items: [{ fileId: "f" }], choices })).toBe(true);
  expect(accepts({ type: "photos", items: [{ fileId: "f" }, { fileId: "g" }], choices })).toBe(false);
});

it("keeps captions within 1024 characters and texts within 4096", () => {
  expect(accepts({ type: "photos", items: [{ fileId: "f", caption: "c".repeat(1025) }] })).toBe(false);
  expect(accepts({ type: "text", html: "t".repeat(4097) })).toBe(false);
});

it("takes a document from disk or by id", () => {
  expect(accepts({ type: "document", file: { path: "bao-cao.xlsx" }, fileName: "Báo cáo quý 4.xlsx" })).toBe(true);
  expect(accepts({ type: "document", file: {} })).toBe(false);
});
