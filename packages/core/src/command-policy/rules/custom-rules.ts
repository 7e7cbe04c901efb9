import micromatch from "micromatch";
import type { CustomCommandRule, CustomPathRule } from "../command-policy-options.js";
import { displayWord } from "../shell/display-word.js";
import type { PathRule } from "./protected-paths.js";
import type { CommandRule } from "./rule-context.js";

/** Rules from the config: a program (glob) with argument globs, or protected path globs. */

const SHORT_CLUSTER = /^-[A-Za-z]{2,}$/;

export function compileCommandRule(spec: CustomCommandRule): CommandRule {
  const names = (Array.isArray(spec.command) ? spec.command : [spec.command]).map((glob) => micromatch.matcher(glob, { dot: true }));
  const args = (spec.args ?? []).map((glob) => micromatch.matcher(glob, { dot: true, bash: true }));
  return {
    id: spec.id,
    severity: spec.severity ?? "high",
    action: spec.action ?? "deny",
    category: "custom",
    reason: spec.reason,
    check(cmd) {
      if (cmd.synthetic != null || !names.some((m) => m(cmd.name))) return undefined;
      const words = cmd.args.flatMap((a) => (SHORT_CLUSTER.test(a) ? [a, ...Array.from(a.slice(1), (letter) => `-${letter}`)] : [a]));
      if (!args.every((m) => words.some((w) => m(w)))) return undefined;
      return { detail: cmd.argv.map(displayWord).join(" ") };
    },
  };
}

export function compilePathRule(spec: CustomPathRule): PathRule {
  return {
    id: spec.id,
    severity: spec.severity ?? "high",
    action: spec.action ?? "deny",
    category: "custom",
    reason: spec.reason,
    access: spec.access ?? "any",
    paths: spec.paths,
    except: spec.except ?? [],
  };
}
