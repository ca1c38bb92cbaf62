import { describe, expect, it } from "vitest";
import { formatVietnamesePhone, parseVietnamesePhone } from "../../core/text/phone";

describe("Vietnamese phone numbers", () => {
  it.each([
    ["0912 345 678", "+84912345678"],
    ["091.234.5678", "+84912345678"],
    ["+84 912 345 678", "+84912345678"],
    ["84912345678", "+84912345678"],
    ["(024) 3825-1234", "+842438251234"],
    ["0386 123 456", "+84386123456"],
  ])("reads %s", (typed, stored) => {
    expect(parseVietnamesePhone(typed)).toBe(stored);
  });

  it.each(["12345", "0112345678", "091234567", "09123456789", "0912 345 67a", "+1 202 555 0100"])("refuses %s", (typed) => {
    expect(parseVietnamesePhone(typed)).toBeNull();
  });

  it("writes a stored number back the way people write it", () => {
    expect(formatVietnamesePhone("+84912345678")).toBe("0912 345 678");
    expect(formatVietnamesePhone("+842438251234")).toBe("024 3825 1234");
    expect(formatVietnamesePhone("+1202555")).toBe("+1202555");
  });
});
