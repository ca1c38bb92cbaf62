// Every typed command lives in one registry; a name must lead to exactly one action.
import { describe, expect, it } from "vitest";
import { commandAction, commandMenus, commandOf, commandRegistry, type CommandOwner } from "../../handlers/commands";

const owners = Object.keys(commandRegistry) as CommandOwner[];

describe("command registry", () => {
  it("gives every name one owner and one action", () => {
    const all = owners.flatMap((owner) => Object.values(commandRegistry[owner] as Record<string, readonly string[]>).flat());
    expect(all.filter((name, i) => all.indexOf(name) !== i)).toEqual([]);
  });

  it("finds the action of a name, English or Vietnamese, only for its owner", () => {
    expect(commandOf("review", "choduyet")).toBe("pending");
    expect(commandOf("broadcast", "dangky")).toBe("subscribe");
    expect(commandOf("calendar", "hanchot")).toBe("deadlines");
    expect(commandOf("link", "lienket")).toBe("link");
    expect(commandOf("publication", "guongsang")).toBe("stories");
    expect(commandOf("publication", "gobai")).toBe("unpublish");
    expect(commandOf("broadcast", "nhanbantin")).toBe("getdigest");
    expect(commandOf("broadcast", "ngungnhan")).toBe("stopdigest");
    expect(commandOf("review", "dangky")).toBeUndefined();
    expect(commandOf("review", "constructor")).toBeUndefined();
    expect(commandAction("DECU")).toBe("nominate");
  });

  it("builds the menus from the registry: every private command, the groups' five", () => {
    expect(commandMenus.private.map((c) => c.name)).toEqual(["start", "nominate", "decu", "mine", "cuatoi", "cancel", "huy", "help", "trogiup", "language", "ngonngu", "stories", "guongsang", "mydata", "dulieu", "deletemydata", "xoadulieu", "getdigest", "nhanbantin", "stopdigest", "ngungnhan"]);
    const registered = owners.flatMap((owner) => Object.values(commandRegistry[owner] as Record<string, readonly string[]>).flat());
    for (const c of commandMenus.group) expect(registered).toContain(c.name);
    expect(commandMenus.group.map((c) => c.descriptionId)).toEqual(["cmd-group-choduyet", "cmd-group-lichsu", "cmd-group-dangky", "cmd-group-huydangky", "cmd-group-deadlines"]);
  });
});
