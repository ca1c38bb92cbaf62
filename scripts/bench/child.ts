// The parent's handle on a bot process (bot-process.ts): start it, read its CPU time and
// memory, stop it. The bot process runs compiled, on plain node, as `npm start` runs the bot
// (scripts/build.mjs): bundled once per bench into dist/bench/, two folders below the root
// like the app's bundle, with packages left in node_modules.
import { fork, type ChildProcess } from "node:child_process";
import { bundle } from "../build.mjs";
import type { BotProcessSpec, ProcessSample } from "./bot-process";

let compiled: Promise<string> | undefined;

/** Bundles bot-process.ts (once) as the app is bundled; resolves with the bundle's path. */
function compiledEntry(): Promise<string> {
  compiled ??= bundle("scripts/bench/bot-process.ts", "bench", "bot-process");
  return compiled;
}

/** A running bot process. */
export class BotProcess {
  private constructor(private readonly child: ChildProcess) {}

  /** Forks the bot and resolves once it polls (it says "ready" after its start-up). */
  static async start(spec: BotProcessSpec, timeoutMs = 300_000): Promise<BotProcess> {
    const child = fork(await compiledEntry(), [], {
      execArgv: [],
      env: { ...process.env, BENCH_BOT: JSON.stringify(spec) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the ${spec.kind} process did not start within ${timeoutMs} ms`)), timeoutMs);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the ${spec.kind} process exited (code ${code}) before it was ready`));
      });
      child.on("message", function onReady(message: { type?: string }) {
        if (message.type !== "ready") return;
        clearTimeout(timer);
        child.off("message", onReady);
        resolve();
      });
    });
    return new BotProcess(child);
  }

  /** CPU time, memory and SQL statements so far. */
  sample(): Promise<ProcessSample> {
    return this.request({ type: "sample" });
  }

  /** Stops the bot cleanly; resolves with its last sample once it exited. */
  async stop(): Promise<ProcessSample> {
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    const last = await this.request({ type: "stop" });
    await exited;
    return last;
  }

  /** Kills the process if it still runs (after a failure). */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }

  private request(message: { type: "sample" | "stop" }): Promise<ProcessSample> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: { type?: string }) => {
        if (reply.type !== "sample") return;
        this.child.off("message", onMessage);
        this.child.off("exit", onExit);
        resolve(reply as ProcessSample);
      };
      const onExit = (code: number | null) => reject(new Error(`the bot process exited (code ${code})`));
      this.child.on("message", onMessage);
      this.child.once("exit", onExit);
      this.child.send(message);
    });
  }
}
