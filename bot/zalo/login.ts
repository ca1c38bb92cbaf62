// Logging the bot's Zalo account in: once with a QR code scanned in the Zalo app (saving the
// session), then at every start from the saved session. Both talk to Zalo's servers, so they
// stay thin: the session file handling they rely on is in credentials.ts, and tested.
import type { Logger } from "pino";
import { LoginQRCallbackEventType, Zalo, type API, type Credentials } from "zca-js";
import { readZaloCredentials, writeZaloCredentials, type ZaloCredentials } from "./credentials";
import { qrPngToTerminal } from "./qr-terminal";
import type { ZaloApi } from "./zalo-api";

/**
 * zca-js options for the bot: no update check (it would call the npm registry at each login)
 * and no echo of the account's own messages.
 */
const zaloOptions = { checkUpdate: false, selfListen: false, logging: false } as const;

/** The session of a logged-in account, as the credentials file keeps it. */
export function sessionOf(api: Pick<API, "getContext">): ZaloCredentials {
  const context = api.getContext();
  const cookies = context.cookie.toJSON()?.cookies ?? [];
  return {
    cookie: cookies.map((c) => ({ ...c, value: String(c.value ?? "") })),
    imei: context.imei,
    userAgent: context.userAgent,
    ...(context.language ? { language: context.language } : {}),
  };
}

/** Where the QR login reports to the person at the terminal. */
export interface QrLoginOptions {
  credentialsPath: string;
  qrPath: string;
  log: Logger;
  /** Called with each line meant for the person scanning (the QR's path, expiry, who scanned). */
  say: (line: string) => void;
}

/**
 * Shows a QR code (saved as a PNG at `qrPath` and drawn in the terminal), waits for it to be scanned and confirmed in the
 * Zalo app, then saves the session with mode 0600. A QR code that expires is renewed.
 */
export async function loginWithQr(options: QrLoginOptions): Promise<ZaloCredentials> {
  const zalo = new Zalo(zaloOptions);
  const api = await zalo.loginQR({ qrPath: options.qrPath }, async (event) => {
    switch (event.type) {
      case LoginQRCallbackEventType.QRCodeGenerated: {
        await event.actions.saveToFile(options.qrPath);
        const drawing = qrPngToTerminal(Buffer.from(event.data.image, "base64"));
        if (drawing) options.say(drawing);
        options.say(`Quét mã QR${drawing ? " ở trên" : ""} (ảnh: ${options.qrPath}) bằng ứng dụng Zalo. / Scan the QR code${drawing ? " above" : ""} (image: ${options.qrPath}) with the Zalo app.`);
        return;
      }
      case LoginQRCallbackEventType.QRCodeExpired:
        options.say("Mã QR đã hết hạn, đang tạo mã mới… / The QR code expired; making a new one…");
        event.actions.retry();
        return;
      case LoginQRCallbackEventType.QRCodeScanned:
        options.say(`Đã quét bởi ${event.data.display_name}; hãy xác nhận trên điện thoại. / Scanned by ${event.data.display_name}; confirm on the phone.`);
        return;
      case LoginQRCallbackEventType.QRCodeDeclined:
        options.say("Đăng nhập bị từ chối trên điện thoại. / The login was declined on the phone.");
        return;
      case LoginQRCallbackEventType.GotLoginInfo:
        return;
    }
  });
  const session = sessionOf(api);
  await writeZaloCredentials(options.credentialsPath, session);
  options.log.info({ credentialsPath: options.credentialsPath }, "zalo session saved");
  return session;
}

/**
 * Logs in from the saved session, for `npm start`. Throws ZaloCredentialsError (with what to
 * do) when the file is missing or malformed, and zca-js's error when Zalo refuses the session.
 */
export async function loginWithCredentials(credentialsPath: string, log: Logger): Promise<ZaloApi> {
  const saved = await readZaloCredentials(credentialsPath);
  const credentials: Credentials = {
    cookie: saved.cookie as Credentials["cookie"],
    imei: saved.imei,
    userAgent: saved.userAgent,
    ...(saved.language ? { language: saved.language } : {}),
  };
  const api = await new Zalo(zaloOptions).login(credentials);
  log.info({ uid: api.getOwnId() }, "zalo logged in");
  return api;
}
