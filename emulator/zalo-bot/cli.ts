import { parseArgs } from "node:util";
import { startZaloBotEmulator } from "./index";

// Standalone Bot Platform emulator, to try the Zalo Bot channel on one machine:
// `npm run zalo-bot:emulator -- --port 8092 [--token 123:abc] [--quota 3000]`.
const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    token: { type: "string" },
    quota: { type: "string" },
  },
});

const zbot = await startZaloBotEmulator({
  port: Number(values.port ?? process.env.ZALO_BOT_EMULATOR_PORT ?? 8092),
  host: values.host ?? "127.0.0.1",
  ...(values.token ? { token: values.token } : {}),
  ...(values.quota ? { monthlyQuota: Number(values.quota) } : {}),
});
const user = zbot.driver.createUser("Người dùng thử");
const group = zbot.driver.createGroup("Khu phố thử", [user.id]);

console.log(`Zalo Bot Platform emulator listening on ${zbot.url}
  bot token:    ${zbot.token}
  sample user:  ${user.id} (its private chat id is the same); sample group: ${group.id}
  point a bot:  ZALO_BOT_API_ROOT=${zbot.url} ZALO_BOT_TOKEN=${zbot.token} PUBLIC_WEB_PORT=8093 PUBLIC_BASE_URL=http://127.0.0.1:8093 npm start
  act as user:  curl -s ${zbot.url}/_control/users/${user.id}/text -d '{"text":"/decu"}'
  in the group: curl -s ${zbot.url}/_control/groups/${group.id}/text -d '{"userId":"${user.id}","text":"/choduyet","mention":true}'
  read replies: curl -s '${zbot.url}/_control/sent?chat=${user.id}'
Monthly quota: ${zbot.state.options.monthlyQuota} messages (--quota changes it; beyond it, 429). Ctrl+C stops.`);

const stop = async (): Promise<void> => {
  await zbot.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
