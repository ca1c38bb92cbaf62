// `npm run zalo:login`: logs the bot's Zalo account in with a QR code and saves the session
// (ZALO_CREDENTIALS_PATH, mode 0600) that `npm start` reuses.
import { readConfigOrExit } from "../app/config";
import { createLogger } from "../app/logger";
import { loginWithQr } from "../bot/zalo/login";

const config = readConfigOrExit(1);
const log = createLogger(config.LOG_LEVEL);
const say = (line: string) => process.stdout.write(`${line}\n`);

try {
  await loginWithQr({ credentialsPath: config.ZALO_CREDENTIALS_PATH, qrPath: config.ZALO_QR_PATH, log, say });
  say(`Đã lưu phiên Zalo vào ${config.ZALO_CREDENTIALS_PATH}. Đặt ZALO_ENABLED=1 rồi chạy npm start. / Zalo session saved to ${config.ZALO_CREDENTIALS_PATH}. Set ZALO_ENABLED=1 and run npm start.`);
  process.exit(0);
} catch (error) {
  log.error({ err: error }, "zalo login failed");
  say("Đăng nhập Zalo không thành công; xem lỗi ở trên và thử lại. / The Zalo login failed; see the error above and try again.");
  process.exit(1);
}
