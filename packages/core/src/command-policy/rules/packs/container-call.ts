import type { SimpleCommand } from "../../command-types.js";
import { parseOptions } from "../../shell/parse-options.js";
import { COMPOSE_GLOBAL, CONTAINER_GLOBAL } from "../../shell/remote-command.js";

/**
 * A docker / podman / nerdctl (or compose) command, its global options set aside and its
 * long forms folded onto the short ones: `docker container rm` is `rm`, `docker image ls` is
 * `images`, `docker-compose down` and `docker compose -f x.yml down` are `compose down`.
 */

export interface ContainerCall {
  readonly cli: string;
  /** The command: `["system", "prune"]`, `["rm"]`, `["compose", "down"]`. */
  readonly command: readonly string[];
  /** The words after it. */
  readonly args: readonly string[];
  /** How it was typed, for findings: `docker system prune`, `docker-compose down`. */
  readonly label: string;
}

const CLIS = new Set(["docker", "podman", "nerdctl"]);
const COMPOSES = new Set(["docker-compose", "podman-compose"]);
const MANAGEMENT = new Set(["container", "image", "volume", "system", "builder", "network"]);
const FOLDED: Readonly<Record<string, readonly string[]>> = {
  "container rm": ["rm"],
  "container ls": ["ps"],
  "container list": ["ps"],
  "container ps": ["ps"],
  "image rm": ["rmi"],
  "image ls": ["images"],
  "image list": ["images"],
  "volume list": ["volume", "ls"],
};

export function readContainerCall(cmd: SimpleCommand): ContainerCall | undefined {
  const { name, args } = cmd;
  if (COMPOSES.has(name)) return readCompose(name, args);
  if (!CLIS.has(name)) return undefined;
  const rest = args.slice(parseOptions(args, CONTAINER_GLOBAL).rest);
  const first = rest[0];
  if (first == null) return undefined;
  if (first === "compose") return readCompose(name, rest.slice(1));
  if (!MANAGEMENT.has(first)) return { cli: name, command: [first], args: rest.slice(1), label: `${name} ${first}` };
  const pair = [first, rest[1] ?? ""];
  return { cli: name, command: FOLDED[pair.join(" ")] ?? pair, args: rest.slice(2), label: `${name} ${pair.join(" ")}` };
}

function readCompose(cli: string, args: readonly string[]): ContainerCall | undefined {
  const rest = args.slice(parseOptions(args, COMPOSE_GLOBAL).rest);
  const sub = rest[0];
  if (sub == null) return undefined;
  return { cli, command: ["compose", sub], args: rest.slice(1), label: `${COMPOSES.has(cli) ? cli : `${cli} compose`} ${sub}` };
}
