// The public web server's route table over real HTTP: the longest prefix takes a path, exact
// routes take one path, unknown paths are 404, other methods 405, a throwing handler a 500
// that logs the route but never the path (it may hold a signed token).
import { afterEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { Writable } from "node:stream";
import { matchRoute, PublicWebServer, sendPlain } from "../../app/public-web";

const servers: PublicWebServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server with a log captured as lines. */
function serverWithLog(): { server: PublicWebServer; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const server = new PublicWebServer(pino({ level: "info" }, sink));
  servers.push(server);
  return { server, lines };
}

describe("public web server", () => {
  it("picks the longest matching prefix, and exact routes only for their path", () => {
    const noop = () => undefined;
    const routes = [
      { prefix: "/", methods: ["GET"], handle: noop },
      { prefix: "/media/", methods: ["GET"], handle: noop },
      { prefix: "/feed.xml", methods: ["GET"], handle: noop },
    ];
    expect(matchRoute(routes, "/media/abc.def")).toMatchObject({ route: { prefix: "/media/" }, rest: "abc.def" });
    expect(matchRoute(routes, "/feed.xml")).toMatchObject({ route: { prefix: "/feed.xml" }, rest: "" });
    expect(matchRoute(routes, "/feed.xml/x")).toMatchObject({ route: { prefix: "/" }, rest: "feed.xml/x" });
    expect(matchRoute(routes.slice(1), "/other")).toBeUndefined();
  });

  it("serves mounted routes over HTTP, with 404, 405 and a logged 500 that leaves the path out", async () => {
    const { server, lines } = serverWithLog();
    server.mount("/media/", (_req, res, rest) => sendPlain(res, 200, `media ${rest}`));
    server.mount("/hook", (req, res) => sendPlain(res, 200, `hook ${req.method}`), ["POST"]);
    server.mount("/boom/", () => {
      throw new Error("broken");
    });
    expect(() => server.mount("/media/", () => undefined)).toThrow(/already mounted/);
    const base = await server.listen(0, "127.0.0.1");

    const media = await fetch(`${base}/media/s3cret-token?x=1`);
    expect(media.status).toBe(200);
    expect(await media.text()).toBe("media s3cret-token");
    expect(media.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await fetch(`${base}/hook`, { method: "POST" })).status).toBe(200);
    const wrongMethod = await fetch(`${base}/hook`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
    const broken = await fetch(`${base}/boom/s3cret-token`);
    expect(broken.status).toBe(500);
    expect(lines.join("")).toContain('"route":"/boom/"');
    expect(lines.join("")).not.toContain("s3cret-token");
  });

  it("stops listening on close", async () => {
    const { server } = serverWithLog();
    server.mount("/", (_req, res) => sendPlain(res, 200, "ok"));
    const base = await server.listen(0, "127.0.0.1");
    expect((await fetch(base)).status).toBe(200);
    await server.close();
    await expect(fetch(base)).rejects.toThrow();
  });
});
