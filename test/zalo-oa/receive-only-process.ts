// A bot process that only receives on the OA webhook (stores and answers, handles nothing),
// for the crash test: it prints its webhook URL, then waits to be killed.
//   tsx test/zalo-oa/receive-only-process.ts <sqlite file> <media dir> <settings JSON>
import { startApp } from "../support/zalo-app";

const [file, dir, settings] = process.argv.slice(2);
const bot = await startApp({ provider: "sqlite", file: file! }, dir!, { zaloOa: { ...JSON.parse(settings!), processInbox: false } });
console.log(`WEBHOOK ${bot.app.zaloOa!.webhookUrl}`);
