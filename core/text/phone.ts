// Vietnamese phone numbers as people type them: "0912 345 678", "091.234.5678", "+84 912345678",
// "84912345678", landlines "024 3825 1234". Stored in one international form.

// Mobile prefixes in use since the 2018 renumbering (03x, 05x, 07x, 08x, 09x).
const mobile = /^0([35789]\d{8})$/;
// Landlines after 2017: 02 + area code, 11 digits in all.
const landline = /^0(2\d{9})$/;

/**
 * Validates a Vietnamese mobile or landline number and returns it as +84…, or null.
 *
 * ```ts
 * parseVietnamesePhone("0912.345.678") // "+84912345678"
 * parseVietnamesePhone("12345")        // null
 * ```
 */
export function parseVietnamesePhone(text: string): string | null {
  const compact = text.trim().replace(/[\s.\-()]/g, "");
  if (!/^\+?\d+$/.test(compact)) return null;
  let national = compact;
  if (national.startsWith("+84")) national = `0${national.slice(3)}`;
  else if (national.startsWith("84") && national.length >= 11) national = `0${national.slice(2)}`;
  const match = mobile.exec(national) ?? landline.exec(national);
  return match ? `+84${match[1]}` : null;
}

/**
 * The way people write a stored number back: "0912 345 678" for a mobile, "024 3825 1234"
 * for a landline; anything else as stored.
 */
export function formatVietnamesePhone(international: string): string {
  const national = international.startsWith("+84") ? `0${international.slice(3)}` : international;
  if (mobile.test(national)) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (landline.test(national)) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  return international;
}
