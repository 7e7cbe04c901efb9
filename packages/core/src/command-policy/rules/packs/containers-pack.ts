import type { SimpleCommand } from "../../command-types.js";
import { SUB_OPEN } from "../../shell/markers.js";
import { hasOption, parseOptions } from "../../shell/parse-options.js";
import type { RuleContext } from "../rule-context.js";
import { readContainerCall } from "./container-call.js";
import { checkFound, definePack } from "./rule-pack.js";

/**
 * Wiping what Docker, Podman and nerdctl keep: volumes (where containers' databases live), every
 * image, every container. `docker system prune` without `--all` or `--volumes`, `docker compose
 * down` without `--volumes` and removing one named container are routine and stay allowed.
 */

type Wipe = "prune-volumes" | "delete-volume" | "prune-all" | "remove-all";

/** What a command lists when it prints every id (`docker ps -aq`): the kind of thing `rm $(…)` then deletes. */
type Listed = "containers" | "volumes" | "images";

const FILTER = { value: "f", valueLong: ["filter", "format"] };

function findWipe(cmd: SimpleCommand, rc: RuleContext): { wipe: Wipe; detail: string } | undefined {
  const call = readContainerCall(cmd);
  if (call == null || call.args.includes("--help")) return undefined;
  const p = parseOptions(call.args);
  const named = call.label;
  switch (call.command.join(" ")) {
    case "system prune":
      if (p.long.has("volumes")) return { wipe: "prune-volumes", detail: `${named} --volumes` };
      return hasOption(p, "a", ["all"]) ? { wipe: "prune-all", detail: `${named} --all` } : undefined;
    case "volume prune":
      return hasOption(p, "a", ["all"]) ? { wipe: "prune-volumes", detail: `${named} --all` } : { wipe: "delete-volume", detail: named };
    case "volume rm":
      return fedEveryId(cmd, rc, "volumes")
        ? { wipe: "prune-volumes", detail: `${named} of every volume` }
        : { wipe: "delete-volume", detail: named };
    case "compose down":
      return hasOption(p, "v", ["volumes"]) ? { wipe: "delete-volume", detail: `${named} --volumes` } : undefined;
    case "image prune":
      return hasOption(p, "a", ["all"]) ? { wipe: "prune-all", detail: `${named} --all` } : undefined;
    case "rmi":
      return fedEveryId(cmd, rc, "images") ? { wipe: "prune-all", detail: `${named} of every image` } : undefined;
    case "rm":
      return hasOption(p, "f", ["force"]) && fedEveryId(cmd, rc, "containers")
        ? { wipe: "remove-all", detail: `${named} --force of every container` }
        : undefined;
    default:
      return undefined;
  }
}

/** `docker rm -f $(docker ps -aq)`, `docker ps -aq | xargs docker rm -f`: its arguments are every id there is. */
function fedEveryId(cmd: SimpleCommand, rc: RuleContext, kind: Listed): boolean {
  const substituted = cmd.args.some((a) => a.includes(SUB_OPEN))
    ? rc.analysis.commands.filter(
        (c) => c.start === cmd.start && c.layers.length === cmd.layers.length + 1 && isSubstitution(c.layers.at(-1)),
      )
    : [];
  return [...substituted, ...rc.upstream(cmd)].some((c) => listsEveryId(c) === kind);
}

function isSubstitution(layer: string | undefined): boolean {
  return layer === "$(…)" || layer === "`…`";
}

function listsEveryId(cmd: SimpleCommand): Listed | undefined {
  const call = readContainerCall(cmd);
  if (call == null) return undefined;
  const p = parseOptions(call.args, FILTER);
  if (!hasOption(p, "q", ["quiet"]) || hasOption(p, "f", ["filter"]) || p.positionals.length > 0) return undefined;
  const command = call.command.join(" ");
  if (command === "ps") return "containers";
  if (command === "volume ls") return "volumes";
  return command === "images" ? "images" : undefined;
}

const hit = (kind: Wipe) => checkFound(findWipe, (found) => found.wipe === kind);

export const containersPack = definePack("containers", "containers: docker, podman, nerdctl and compose", [
  {
    id: "containers.prune-volumes",
    severity: "critical",
    action: "deny",
    category: "destructive-data",
    reason:
      "it deletes every volume no running container uses (system prune --volumes, volume prune --all, volume rm of every volume), with the databases and files kept in them",
    check: hit("prune-volumes"),
  },
  {
    id: "containers.delete-volume",
    severity: "high",
    action: "ask",
    category: "destructive-data",
    reason: "it deletes container volumes (volume rm, volume prune, compose down --volumes) and the data kept in them",
    check: hit("delete-volume"),
  },
  {
    id: "containers.prune-all",
    severity: "medium",
    action: "ask",
    category: "destructive",
    reason:
      "it deletes every image not in use (system prune --all, image prune --all, rmi of every image), which then has to be pulled or rebuilt",
    check: hit("prune-all"),
  },
  {
    id: "containers.remove-all",
    severity: "high",
    action: "ask",
    category: "destructive",
    reason: "it force-removes every container, running ones and other projects' too, with whatever they kept outside volumes",
    check: hit("remove-all"),
  },
]);
