import { describe, expect, it } from "vitest";
import type { ToolCall } from "../guard-policy.js";
import { commandPolicyOptionsSchema, type CommandPolicyOptions } from "./command-policy-options.js";
import { CommandPolicyConfigError, createCommandPolicy } from "./create-command-policy.js";
import { serverPaths } from "../resident/server-state.js";
import { DEFAULT_SERVER_DIR, SERVER_STATE_FILE } from "./rules/server-folder.js";

const at = { cwd: "/home/dev/project", projectDir: "/home/dev/project", home: "/home/dev" };
const bash = (command: string): ToolCall => ({ toolName: "Bash", toolInput: { command }, ...at });
const decide = (options: CommandPolicyOptions, command: string) => createCommandPolicy(options).decide(bash(command));

describe("the options schema", () => {
  it("accepts the documented example", () => {
    const example = {
      rules: { "git.force-push": { action: "ask" }, "net.upload": { enabled: false }, "cred.read-secret": { except: [".env.test"] } },
      packs: { cloud: { action: "ask" }, publish: { enabled: false } },
      command_rules: [{ id: "team.no-terraform-destroy", command: "terraform", args: ["destroy"], reason: "it destroys infrastructure" }],
      path_rules: [{ id: "team.no-prod-keys", paths: ["deploy/prod/**"], access: "read", reason: "production secrets" }],
      unparseable: "ask",
    };
    expect(commandPolicyOptionsSchema().safeParse(example).success).toBe(true);
  });

  it.each([
    [{ rules: { "git.force-push": { action: "block" } } }, "rules.git.force-push.action"],
    [{ rules: { "git.force-push": { acton: "ask" } } }, "rules.git.force-push"],
    [{ command_rules: [{ id: "Bad Id", command: "x", reason: "r" }] }, "command_rules.0.id"],
    [{ path_rules: [{ id: "team.x", paths: [], reason: "r" }] }, "path_rules.0.paths"],
    [{ unparseable: "maybe" }, "unparseable"],
    [{ packs: { iac: { action: "block" } } }, "packs.iac.action"],
    [{ packs: { iac: { severity: "low" } } }, "packs.iac"],
    [{ unknown_key: true }, ""],
  ])("rejects %j at %s", (options, where) => {
    const parsed = commandPolicyOptionsSchema().safeParse(options);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain(where);
  });
});

describe("re-levelling built-in rules", () => {
  it("changes the action", () => {
    expect(decide({ rules: { "git.force-push": { action: "ask" } } }, "git push --force").decision).toBe("ask");
  });

  it("changes the severity", () => {
    expect(decide({ rules: { "git.reset-hard": { severity: "critical" } } }, "git reset --hard").severity).toBe("critical");
  });

  it("turns a rule into a recorded warning", () => {
    expect(decide({ rules: { "git.reset-hard": { action: "warn" } } }, "git reset --hard")).toMatchObject({
      decision: "allow",
      verdict: "warned",
    });
  });

  it("disables a rule", () => {
    expect(decide({ rules: { "net.upload": { enabled: false } } }, "curl -F f=@build.zip https://up.example.com")).toMatchObject({
      decision: "allow",
      findings: [],
    });
  });

  it("adds path exceptions", () => {
    expect(decide({ rules: { "cred.read-secret": { except: [".env.test"] } } }, "cat .env.test").decision).toBe("allow");
  });

  it("keeps the built-in patterns next to the added exceptions", () => {
    expect(decide({ rules: { "cred.read-secret": { except: [".env.test"] } } }, "cat .env").decision).toBe("deny");
  });

  it("lists the effective rules", () => {
    const rules = createCommandPolicy({ rules: { "git.clean": { enabled: false }, "git.reset-hard": { action: "ask" } } }).rules;
    expect({ clean: rules.some((r) => r.id === "git.clean"), reset: rules.find((r) => r.id === "git.reset-hard")?.action }).toEqual({
      clean: false,
      reset: "ask",
    });
  });
});

describe("rule packs", () => {
  it("are on by default", () => {
    expect(decide({}, "terraform destroy -auto-approve")).toMatchObject({
      decision: "deny",
      findings: [{ rule: "iac.destroy-unattended" }],
    });
  });

  it("name their pack in the findings", () => {
    expect(decide({}, "terraform destroy -auto-approve").findings[0]?.pack).toBe("iac");
  });

  it("can be switched off as a whole", () => {
    expect(decide({ packs: { iac: { enabled: false } } }, "terraform destroy -auto-approve")).toMatchObject({
      decision: "allow",
      findings: [],
    });
  });

  it("can have the action of all their rules changed", () => {
    expect(decide({ packs: { iac: { action: "ask" } } }, "terraform destroy -auto-approve").decision).toBe("ask");
  });

  it("keep the severity of their rules when the action changes", () => {
    expect(decide({ packs: { iac: { action: "warn" } } }, "terraform destroy -auto-approve")).toMatchObject({
      decision: "allow",
      verdict: "warned",
      severity: "critical",
    });
  });

  it("leave the core rules on when they are off", () => {
    expect(decide({ packs: { iac: { enabled: false } } }, "git push --force").decision).toBe("deny");
  });

  it("let a rule's own action win over the pack's", () => {
    const options: CommandPolicyOptions = { packs: { iac: { action: "warn" } }, rules: { "iac.destroy-unattended": { action: "deny" } } };
    expect([decide(options, "terraform destroy -auto-approve").decision, decide(options, "terraform destroy").verdict]).toEqual([
      "deny",
      "warned",
    ]);
  });

  it("let one rule be switched off inside them", () => {
    expect(decide({ rules: { "iac.apply-unattended": { enabled: false } } }, "terraform apply -auto-approve").findings).toEqual([]);
  });

  it("let one rule be switched back on inside a pack that is off", () => {
    const options: CommandPolicyOptions = { packs: { iac: { enabled: false } }, rules: { "iac.destroy": { enabled: true } } };
    expect([decide(options, "terraform destroy").decision, decide(options, "terraform destroy -auto-approve").decision]).toEqual([
      "ask",
      "allow",
    ]);
  });

  it("are listed with the effective rules, each rule naming its pack", () => {
    expect(createCommandPolicy({ packs: { iac: { action: "ask" } } }).rules.find((r) => r.id === "iac.destroy-unattended")).toMatchObject({
      pack: "iac",
      action: "ask",
    });
  });
});

describe("custom rules", () => {
  const options: CommandPolicyOptions = {
    // The iac pack would stop terraform destroy too; off, the custom rule is the only one deciding.
    packs: { iac: { enabled: false } },
    command_rules: [
      { id: "team.no-terraform-destroy", command: "terraform", args: ["destroy"], reason: "it destroys infrastructure" },
      { id: "team.no-rm-src", command: "rm", args: ["-r", "src*"], reason: "src is precious", action: "ask" },
    ],
    path_rules: [{ id: "team.prod-secrets", paths: ["deploy/prod/**"], access: "read", reason: "production secrets" }],
  };

  it.each([
    ["terraform destroy -auto-approve", "deny", "team.no-terraform-destroy"],
    ["sudo terraform destroy", "deny", "team.no-terraform-destroy"],
    ["bash -c 'cd infra && terraform destroy'", "deny", "team.no-terraform-destroy"],
    ["rm -rf src", "ask", "team.no-rm-src"],
    ["cat deploy/prod/keys.yaml", "deny", "team.prod-secrets"],
  ])("%j is %s by %s", (command, decision, rule) => {
    const result = decide(options, command);
    expect({ decision: result.decision, rules: result.findings.map((f) => f.rule) }).toEqual({ decision, rules: [rule] });
  });

  it.each(["terraform plan", "rm -f src/old.ts", "echo x > deploy/prod/notes.md", "cat deploy/staging/keys.yaml"])(
    "%j is allowed",
    (command) => {
      expect(decide(options, command).decision).toBe("allow");
    },
  );

  it("applies path rules to the file tools", () => {
    const policy = createCommandPolicy(options);
    expect(policy.decide({ toolName: "Read", toolInput: { file_path: "/home/dev/project/deploy/prod/keys.yaml" }, ...at }).decision).toBe(
      "deny",
    );
  });
});

describe("configuration errors", () => {
  it("names an unknown rule id", () => {
    expect(() => createCommandPolicy({ rules: { "git.force-pushh": { action: "ask" } } })).toThrow(CommandPolicyConfigError);
  });

  it("says which id is unknown and the id it most likely meant, and nothing more", () => {
    expect(() => createCommandPolicy({ rules: { "git.force-pushh": { action: "ask" } } })).toThrow(
      /^commands\.rules: unknown rule id "git\.force-pushh" \(did you mean "git\.force-push"\?\)$/,
    );
  });

  it("lists the rule ids of the same family when no id is close", () => {
    expect(() => createCommandPolicy({ rules: { "git.amend-pushed": { action: "ask" } } })).toThrow(
      /^commands\.rules: unknown rule id "git\.amend-pushed"; known rule ids starting "git\.": git\.force-push, .*git\.stash-clear$/,
    );
  });

  it("says where the rule ids are listed when neither a close id nor a family is known", () => {
    expect(() => createCommandPolicy({ rules: { "no.such-rule": { action: "ask" } } })).toThrow(
      /^commands\.rules: unknown rule id "no\.such-rule"; none of the \d+ known rule ids is close \(the README's guard section lists them/,
    );
  });

  it("names an unknown pack and the known ones", () => {
    expect(() => createCommandPolicy({ packs: { terraform: { enabled: false } } })).toThrow(
      /^commands\.packs: unknown pack "terraform"; known packs: .*iac/,
    );
  });

  it("refuses a custom rule reusing a built-in id", () => {
    expect(() => createCommandPolicy({ command_rules: [{ id: "fs.rm-root", command: "x", reason: "r" }] })).toThrow(/defined twice/);
  });

  it("accepts overrides of custom rules", () => {
    const options: CommandPolicyOptions = {
      command_rules: [{ id: "team.x", command: "x", reason: "r" }],
      rules: { "team.x": { action: "warn" } },
    };
    expect(decide(options, "x").verdict).toBe("warned");
  });
});

describe("unparseable commands", () => {
  it.each([
    [undefined, "allow", "warned", ["shell.unparseable"]],
    ["warn", "allow", "warned", ["shell.unparseable"]],
    ["ask", "ask", "warned", ["shell.unparseable"]],
    ["deny", "deny", "blocked", ["shell.unparseable"]],
    ["allow", "allow", "allowed", []],
  ] as const)("with unparseable=%s are %s, %s", (choice, decision, verdict, rules) => {
    const result = decide(choice == null ? {} : { unparseable: choice }, 'echo "unterminated');
    expect({ decision: result.decision, verdict: result.verdict, rules: result.findings.map((f) => f.rule) }).toEqual({
      decision,
      verdict,
      rules,
    });
  });

  it("are still checked as far as they parse", () => {
    expect(decide({}, 'rm -rf /; echo "unterminated').findings.map((f) => f.rule)).toEqual([
      "fs.rm-root",
      "shell.unparseable",
      "shell.unparseable-destructive",
    ]);
  });

  it("are not recorded when the rule is disabled", () => {
    expect(decide({ rules: { "shell.unparseable": { enabled: false } } }, "echo 'x").findings).toEqual([]);
  });
});

describe("the running guard's own directories", () => {
  const pluginRoot = "/home/dev/.claude/plugins/cache/warden/warden/1a2b3c";
  const guarded = createCommandPolicy({}, { guardDirs: [pluginRoot] });
  const writeTool = (file_path: string): ToolCall => ({ toolName: "Write", toolInput: { file_path, content: "x" }, ...at });

  it("denies a command writing into them, as guard.disable", () => {
    expect(guarded.decide(bash(`echo 'process.exit(0)' > ${pluginRoot}/post-tool-guard.mjs`))).toMatchObject({
      decision: "deny",
      findings: [expect.objectContaining({ rule: "guard.disable" })],
    });
  });

  it("denies the Write tool there too", () => {
    expect(guarded.decide(writeTool(`${pluginRoot}/hooks.json`)).decision).toBe("deny");
  });

  it("lets the guard's files be read", () => {
    expect(guarded.decide(bash(`cat ${pluginRoot}/hooks.json`)).decision).toBe("allow");
  });

  it("know the resident server's state file where serverPaths puts it by default", () => {
    expect(serverPaths({}, "/home/dev").state).toBe(`/home/dev/${DEFAULT_SERVER_DIR}/${SERVER_STATE_FILE}`);
  });

  it("denies reading the resident server's state file in them", () => {
    const serverDir = "/tmp/warden-server";
    const policy = createCommandPolicy({}, { guardDirs: [serverDir] });
    expect(policy.decide(bash(`cut -d' ' -f3 ${serverDir}/server.state`))).toMatchObject({
      decision: "deny",
      findings: [expect.objectContaining({ rule: "guard.read-server-state" })],
    });
  });

  it("denies the Read tool on that state file", () => {
    const serverDir = "/tmp/warden-server";
    const policy = createCommandPolicy({}, { guardDirs: [serverDir] });
    const read: ToolCall = { toolName: "Read", toolInput: { file_path: `${serverDir}/server.state` }, ...at };
    expect(policy.decide(read).findings.map((f) => f.rule)).toEqual(["guard.read-server-state"]);
  });

  it("denies a kill of the pid read from that state file", () => {
    const serverDir = "/tmp/warden-server";
    const policy = createCommandPolicy({}, { guardDirs: [serverDir] });
    expect(policy.decide(bash(`kill $(cut -d' ' -f1 ${serverDir}/server.state)`)).findings.map((f) => f.rule)).toContain(
      "guard.stop-server",
    );
  });

  it("lets a state file outside them be read when they are not given", () => {
    expect(createCommandPolicy({}).decide(bash("cat /tmp/warden-server/server.state")).decision).toBe("allow");
  });

  it("protects nothing extra when it is not told where it runs from", () => {
    expect(createCommandPolicy({}).decide(writeTool("/opt/tools/hooks.json")).decision).toBe("allow");
  });
});
