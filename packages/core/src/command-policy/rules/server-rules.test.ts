import { describe, expect, it } from "vitest";
import { createCommandPolicy } from "../create-command-policy.js";
import { bashCall } from "../dangerous-commands.fixture.js";

const policy = createCommandPolicy();

describe("guard.stop-server", () => {
  it("tells the model what it did and that the user stops the server", () => {
    const result = policy.decide(bashCall("warden server stop"));
    expect(result.reason).toMatch(
      /stopping Warden's resident server is for the user to do.*\(warden server stop\).*ask the user to run it themselves/s,
    );
  });

  it("names the pattern that picks the server's process", () => {
    expect(policy.decide(bashCall("pkill -f server.mjs")).findings).toEqual([
      expect.objectContaining({
        rule: "guard.stop-server",
        message: expect.stringContaining("pkill -f server.mjs picks the server's process"),
      }),
    ]);
  });

  it("says where a killed pid came from", () => {
    expect(policy.decide(bashCall("kill -9 $(pgrep -f server.mjs)")).findings).toEqual([
      expect.objectContaining({ message: expect.stringContaining("kill of the server's pid, found by pgrep server.mjs") }),
    ]);
  });

  it("does not take a pid found after the kill for the server's", () => {
    expect(policy.decide(bashCall("kill $(cat .vite.pid); pgrep -f server.mjs")).decision).toBe("allow");
  });
});
