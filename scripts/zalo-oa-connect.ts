// `npm run zalo-oa:connect [redirect URI]`: connects the agency's Zalo OA (OAuth v4 with PKCE).
// Prints the permission URL, reads back the code (or the address Zalo redirected to), stores
// the token pair in the database. Tokens are never printed.
import { createInterface } from "node:readline/promises";
import { randomBytes } from "node:crypto";
import { readConfigOrExit } from "../app/config";
import { createLogger } from "../app/logger";
import { prepareDatabase } from "../app/database";
import { codeChallengeOf, codeFromPasted, connectWithCode, newCodeVerifier, permissionUrl } from "../bot/zalo-oa/connect";
import { OaTokens } from "../bot/zalo-oa/tokens";

const config = readConfigOrExit(1);
const say = (line: string) => process.stdout.write(`${line}\n`);
if (!config.ZALO_OA_APP_ID || !config.ZALO_OA_APP_SECRET) {
  say("Cần đặt ZALO_OA_APP_ID và ZALO_OA_APP_SECRET trước. / Set ZALO_OA_APP_ID and ZALO_OA_APP_SECRET first.");
  process.exit(1);
}
const log = createLogger(config.LOG_LEVEL);
const redirectUri = process.argv[2] ?? process.env.ZALO_OA_REDIRECT_URI;
if (!redirectUri) {
  say("Cho biết địa chỉ callback đã khai báo trong ứng dụng Zalo: npm run zalo-oa:connect -- https://ten-mien-cua-ban/zalo-oa/callback");
  say("Give the callback address registered in the Zalo app: npm run zalo-oa:connect -- https://your-domain/zalo-oa/callback");
  process.exit(1);
}

const { db } = await prepareDatabase(config.DATABASE_URL, log);
const verifier = newCodeVerifier();
say("1. Mở địa chỉ sau bằng tài khoản quản trị OA và bấm Cho phép: / Open this address as an OA admin and allow access:");
say(`   ${permissionUrl(config.ZALO_OA_OAUTH_ROOT, config.ZALO_OA_APP_ID, redirectUri, codeChallengeOf(verifier), randomBytes(8).toString("hex"))}`);
say("2. Zalo chuyển trình duyệt về địa chỉ callback có ?code=…; dán mã (hoặc cả địa chỉ) vào đây (mã hết hạn sau 10 phút): / Zalo sends the browser to the callback with ?code=…; paste the code (or the whole address) here (it expires in 10 minutes):");
const input = createInterface({ input: process.stdin });
const code = codeFromPasted((await input[Symbol.asyncIterator]().next()).value ?? "");
input.close();
if (!code) {
  say("Không thấy mã. / No code found.");
  process.exit(1);
}
try {
  const tokens = new OaTokens({ db, log, appId: config.ZALO_OA_APP_ID, appSecret: config.ZALO_OA_APP_SECRET, oauthRoot: config.ZALO_OA_OAUTH_ROOT });
  await connectWithCode({ oauthRoot: config.ZALO_OA_OAUTH_ROOT, appId: config.ZALO_OA_APP_ID, appSecret: config.ZALO_OA_APP_SECRET, tokens }, code, verifier);
  say("Đã kết nối OA và lưu mã truy cập vào cơ sở dữ liệu. Chạy npm start. / The OA is connected and its tokens stored in the database. Run npm start.");
  await db.$disconnect();
  process.exit(0);
} catch (error) {
  say(`Zalo từ chối: ${(error as Error).message} — thử lại với mã mới. / Zalo refused: ${(error as Error).message} — try again with a new code.`);
  await db.$disconnect();
  process.exit(1);
}
