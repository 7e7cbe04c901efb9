import type { SimpleCommand } from "../../command-types.js";
import { parseOptions } from "../../shell/parse-options.js";
import { asksForHelp } from "./pack-words.js";
import { checkFound, definePack } from "./rule-pack.js";

/**
 * Taking back what was published to a package registry. Publishing itself (`npm publish`,
 * `cargo publish`, `gem push`) is what the user usually asked for, and is left alone.
 */

interface Retraction {
  readonly detail: string;
  /** It cannot be undone: the version can never be published again. */
  readonly final: boolean;
}

const NPMS = new Set(["npm", "pnpm"]);

function findRetraction(cmd: SimpleCommand): Retraction | undefined {
  const { name, args } = cmd;
  if (asksForHelp(args) || args.includes("--dry-run")) return undefined;
  const words = parseOptions(args, { value: "", valueLong: ["registry", "otp", "userconfig", "workspace"] }).positionals;
  if (NPMS.has(name) && args[0] === "unpublish") return { detail: `${name} unpublish ${words.slice(1).join(" ")}`.trim(), final: true };
  // `npm deprecate pkg ""` takes a deprecation back.
  if (NPMS.has(name) && args[0] === "deprecate" && words[1] != null && words[2] !== "")
    return { detail: `${name} deprecate ${words[1] ?? ""}`.trim(), final: false };
  if (name === "gem" && args[0] === "yank") return { detail: `gem yank ${words.slice(1).join(" ")}`.trim(), final: true };
  if (name === "cargo" && args[0] === "yank" && !args.includes("--undo"))
    return { detail: `cargo yank ${words.slice(1).join(" ")}`.trim(), final: false };
  if (name === "dotnet" && args[0] === "nuget" && args[1] === "delete")
    return { detail: `dotnet nuget delete ${words.slice(2).join(" ")}`.trim(), final: false };
  return undefined;
}

const retracts = (final: boolean) => checkFound(findRetraction, (found) => found.final === final);

export const publishPack = definePack("publish", "package registries: npm, pnpm, gem, cargo, dotnet nuget", [
  {
    id: "publish.unpublish",
    severity: "high",
    action: "deny",
    category: "destructive-release",
    reason:
      "it removes a published package (or version) from its registry (npm unpublish, gem yank): that version can never be published again, and whatever depends on it breaks",
    check: retracts(true),
  },
  {
    id: "publish.deprecate",
    severity: "medium",
    action: "ask",
    category: "release",
    reason:
      "it deprecates, yanks or unlists a published version (npm deprecate, cargo yank, dotnet nuget delete), warning or stopping everyone who installs it",
    check: retracts(false),
  },
]);
