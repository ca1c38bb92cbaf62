import { parseArgs } from "node:util";
import { startEmulator, telegramRateLimits } from "./index";

// Standalone emulator: `npm run emulator -- --port 8081 [--token 123:ABC]`.
const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    token: { type: "string" },
    "rate-limits": { type: "boolean", default: false },
  },
});

const port = Number(values.port ?? process.env.EMULATOR_PORT ?? 8081);
const emulator = await startEmulator({
  port,
  host: values.host ?? "127.0.0.1",
  token: values.token ?? process.env.EMULATOR_TOKEN ?? "1000000001:EMULATOR-local-test-token",
  botUsername: "guong_sang_local_bot",
  ...(values["rate-limits"] ? { limits: { rate: telegramRateLimits } } : {}),
});
const user = emulator.driver.createUser({ firstName: "Sample", lastName: "User", username: "sample_user", languageCode: "vi" });

console.log(`Telegram Bot API emulator listening on ${emulator.apiRoot}
  bot token:    ${emulator.token}
  sample user:  ${user.id} (@${user.username}); its private chat id is the same number
  point a bot:  TELEGRAM_API_ROOT=${emulator.apiRoot} TELEGRAM_BOT_TOKEN=${emulator.token} npm start
  act as user:  curl -s ${emulator.apiRoot}/_emulator/send -d '{"userId":${user.id},"text":"/start"}'
  read replies: curl -s '${emulator.apiRoot}/_emulator/messages?chatId=${user.id}'
Rate limits are ${values["rate-limits"] ? "on" : "off (--rate-limits turns them on)"}. Ctrl+C stops.`);

const stop = async (): Promise<void> => {
  await emulator.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
