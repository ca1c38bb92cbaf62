// Writes the poster QR code: a link that opens the bot straight at the nomination
// (https://t.me/<bot>?start=decu). Usage: npm run qr -- [--bot <username>] [--out <file.png>]
// Without --bot, the username is asked from Telegram with TELEGRAM_BOT_TOKEN.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import QRCode from "qrcode";
import { z } from "zod";
import { loadDotEnv, parseConfig } from "../app/config";
import { nominateDeepLink } from "../handlers/commands";

const { values } = parseArgs({ options: { bot: { type: "string" }, out: { type: "string" } } });

async function botUsername(): Promise<string> {
  if (values.bot) return values.bot.replace(/^@/, "");
  loadDotEnv();
  const config = parseConfig(process.env);
  if (!config.TELEGRAM_BOT_TOKEN) throw new Error("Cần --bot <tên bot> hoặc TELEGRAM_BOT_TOKEN / Pass --bot <username> or set TELEGRAM_BOT_TOKEN");
  const response = await fetch(`${config.TELEGRAM_API_ROOT}/bot${config.TELEGRAM_BOT_TOKEN}/getMe`);
  const body = z.object({ ok: z.literal(true), result: z.object({ username: z.string() }) }).parse(await response.json());
  return body.result.username;
}

const username = await botUsername();
const link = `https://t.me/${username}?start=${nominateDeepLink}`;
const out = path.resolve(values.out ?? `data/qr-${username}.png`);
mkdirSync(path.dirname(out), { recursive: true });
await QRCode.toFile(out, link, { width: 1024, margin: 2, errorCorrectionLevel: "M" });
process.stdout.write(`${link}\n${out}\n`);
