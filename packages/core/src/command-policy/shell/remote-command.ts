import path from "node:path";
import type { SimpleCommand } from "../command-types.js";
import { optionValue, parseOptions, type OptionSpec } from "./parse-options.js";
import { REMOTE_HOME, REMOTE_WORKDIR } from "./remote-side.js";

/**
 * Commands that run a command somewhere else: on another machine (`ssh host 'cmd'`, `vagrant ssh -c`,
 * `gcloud compute ssh --command`) or in a container (`docker exec ctr cmd…`, `podman exec`,
 * `docker compose exec|run svc cmd…`, `kubectl exec pod -- cmd…`). What they run is analysed as a
 * layer of its own, on the remote side (see remote-side.ts).
 */

export interface RemoteCommand {
  /** The layer's name: `ssh db`, `docker exec web`, `kubectl exec api`. */
  readonly via: string;
  /** A shell line, as ssh hands its joined words to the remote shell; "" when it runs the shell on its stdin… */
  readonly code?: string;
  /** …or a program and its arguments, as `exec` runs them without a shell. */
  readonly argv?: readonly string[];
  /** Where it starts: an ssh command in the remote home, an exec in the container's workdir (or `-w DIR`). */
  readonly cwd: string;
  /**
   * Set for a new container (`docker run`): its mounts, `-v SRC:DST` / `--mount source=SRC,target=DST`,
   * with SRC as typed (a path of this machine, or a named volume's name) and DST in the container.
   */
  readonly mounts?: readonly ContainerMount[];
}

const SSH: OptionSpec = { value: "BbcDEeFIiJLlmOoPpQRSWw", stopAtPositional: true };
/** docker / podman / nerdctl options before the command; compose's before its own. */
export const CONTAINER_GLOBAL: OptionSpec = {
  value: "Hcl",
  valueLong: ["host", "context", "config", "log-level", "tlscacert", "tlscert", "tlskey", "url", "connection", "namespace"],
  stopAtPositional: true,
};
export const COMPOSE_GLOBAL: OptionSpec = {
  value: "fp",
  valueLong: ["file", "project-name", "profile", "env-file", "project-directory", "ansi", "parallel", "progress"],
  stopAtPositional: true,
};
const EXEC: OptionSpec = {
  value: "euw",
  valueLong: ["env", "env-file", "user", "workdir", "detach-keys", "index"],
  stopAtPositional: true,
};
/** `compose run` takes exec's options and a container's: ports, volumes, a name, an entrypoint, labels. */
const COMPOSE_RUN: OptionSpec = {
  value: "euwpvl",
  valueLong: [...(EXEC.valueLong ?? []), "publish", "volume", "name", "entrypoint", "label", "cap-add", "cap-drop", "pull"],
  stopAtPositional: true,
};
/** `docker run`'s options that take a value (the image is the first word after them). */
const RUN: OptionSpec = {
  value: "aecehlmpuvw",
  valueLong: [
    ...(EXEC.valueLong ?? []),
    "add-host",
    "attach",
    "blkio-weight",
    "cap-add",
    "cap-drop",
    "cgroup-parent",
    "cgroupns",
    "cidfile",
    "cpu-period",
    "cpu-quota",
    "cpu-shares",
    "cpus",
    "cpuset-cpus",
    "cpuset-mems",
    "device",
    "dns",
    "dns-option",
    "dns-search",
    "domainname",
    "entrypoint",
    "expose",
    "gpus",
    "group-add",
    "health-cmd",
    "health-interval",
    "health-retries",
    "health-start-period",
    "health-timeout",
    "hostname",
    "ip",
    "ip6",
    "ipc",
    "isolation",
    "label",
    "label-file",
    "link",
    "log-driver",
    "log-opt",
    "mac-address",
    "memory",
    "memory-reservation",
    "memory-swap",
    "mount",
    "name",
    "network",
    "network-alias",
    "pid",
    "pids-limit",
    "platform",
    "publish",
    "pull",
    "restart",
    "runtime",
    "security-opt",
    "shm-size",
    "stop-signal",
    "stop-timeout",
    "storage-opt",
    "sysctl",
    "tmpfs",
    "ulimit",
    "userns",
    "uts",
    "volume",
    "volume-driver",
    "volumes-from",
  ],
  stopAtPositional: true,
};
export interface ContainerMount {
  readonly source: string;
  readonly target: string;
  /** A named volume (`-v pgdata:/data`), not a path of this machine. */
  readonly volume: boolean;
}

const BIND_SOURCE = /^[/.~$]/;
const MOUNT_FIELD = /^(type|source|src|target|destination|dst)=(.*)$/;
const KUBECTL: OptionSpec = {
  value: "nscf",
  valueLong: [
    "namespace",
    "context",
    "kubeconfig",
    "cluster",
    "user",
    "container",
    "filename",
    "pod-running-timeout",
    "server",
    "token",
    "as",
    "as-group",
    "request-timeout",
  ],
  stopAtPositional: true,
};
const NAMES = new Set(["ssh", "docker", "podman", "nerdctl", "docker-compose", "podman-compose", "kubectl", "oc", "vagrant", "gcloud"]);

export function readRemoteCommand(cmd: SimpleCommand): RemoteCommand | undefined {
  const { name, args } = cmd;
  if (!NAMES.has(name)) return undefined;
  if (name === "ssh") return ssh(args);
  if (name === "kubectl" || name === "oc") return kubectlExec(name, args);
  if (name === "docker-compose" || name === "podman-compose") return composeExec(name, args);
  if (name === "vagrant") return args[0] === "ssh" ? commandOption(`vagrant ssh`, args.slice(1), "c", "command") : undefined;
  if (name === "gcloud") {
    const host = args[0] === "compute" && args[1] === "ssh" ? args.slice(2).find((a) => !a.startsWith("-")) : undefined;
    return host == null ? undefined : commandOption(`gcloud compute ssh ${host}`, args.slice(2), "", "command");
  }
  const global = parseOptions(args, CONTAINER_GLOBAL);
  const rest = args.slice(global.rest);
  if (rest[0] === "compose") return composeExec(`${name} compose`, rest.slice(1));
  if (rest[0] === "exec") return containerExec(`${name} exec`, rest.slice(1));
  if (rest[0] === "container" && rest[1] === "exec") return containerExec(`${name} exec`, rest.slice(2));
  if (rest[0] === "run") return containerRun(`${name} run`, rest.slice(1));
  if (rest[0] === "container" && rest[1] === "run") return containerRun(`${name} run`, rest.slice(2));
  return undefined;
}

/** `ssh [options] host [options] [command…]`: the words after the host, joined, are a shell line there. */
function ssh(args: readonly string[]): RemoteCommand | undefined {
  const head = parseOptions(args, SSH);
  const host = args[head.rest];
  if (host == null) return undefined;
  const tail = args.slice(head.rest + 1);
  const more = parseOptions(tail, SSH);
  if (head.short.has("N") || more.short.has("N")) return undefined;
  return { via: `ssh ${host}`, code: tail.slice(more.rest).join(" "), cwd: REMOTE_HOME };
}

/** A remote shell line passed as an option: `vagrant ssh -c 'cmd'`, `gcloud compute ssh vm --command='cmd'`. */
function commandOption(via: string, args: readonly string[], short: string, long: string): RemoteCommand | undefined {
  const code = optionValue(parseOptions(args, { value: short, valueLong: [long] }), short, [long]);
  return code == null ? undefined : { via, code, cwd: REMOTE_HOME };
}

function containerExec(via: string, args: readonly string[], spec: OptionSpec = EXEC): RemoteCommand | undefined {
  const p = parseOptions(args, spec);
  const target = args[p.rest];
  const argv = args.slice(p.rest + 1);
  if (target == null || argv.length === 0) return undefined;
  return { via: `${via} ${target}`, argv, cwd: workdir(optionValue(p, "w", ["workdir"])) };
}

/**
 * `docker run [options] IMAGE cmd…` (or `--entrypoint prog IMAGE args…`): the command runs in a new
 * container, which sees this machine's directories only where they are bind-mounted into it.
 */
function containerRun(via: string, args: readonly string[]): RemoteCommand | undefined {
  const p = parseOptions(args, RUN);
  const image = args[p.rest];
  const entrypoint = optionValue(p, "", ["entrypoint"]);
  const tail = args.slice(p.rest + 1);
  const argv = entrypoint == null || entrypoint === "" ? tail : [entrypoint, ...tail];
  if (image == null || argv.length === 0) return undefined;
  const mounts = [...(p.values.get("v") ?? []), ...optionValues(args, "volume")].flatMap(volumeMount);
  for (const spec of optionValues(args, "mount")) mounts.push(...bindMount(spec));
  return { via: `${via} ${image}`, argv, cwd: workdir(optionValue(p, "w", ["workdir"])), mounts };
}

/** Every value of a long option given more than once (`-v a:/a --volume b:/b`). */
function optionValues(args: readonly string[], name: string): string[] {
  return args.flatMap((a, k) => (a === `--${name}` ? [args[k + 1] ?? ""] : a.startsWith(`--${name}=`) ? [a.slice(name.length + 3)] : []));
}

/** `-v /srv/data:/data:ro` binds a path of this machine; `-v dbdata:/var/lib/postgresql` mounts a named volume. */
function volumeMount(spec: string): ContainerMount[] {
  const [source = "", target = ""] = spec.split(":");
  return target.startsWith("/") ? [{ source, target, volume: !BIND_SOURCE.test(source) }] : [];
}

function bindMount(spec: string): ContainerMount[] {
  const fields = new Map<string, string>();
  for (const field of spec.split(",")) {
    const match = MOUNT_FIELD.exec(field);
    if (match != null) fields.set(match[1] ?? "", match[2] ?? "");
  }
  const type = fields.get("type") ?? "volume";
  const source = fields.get("source") ?? fields.get("src");
  const target = fields.get("target") ?? fields.get("destination") ?? fields.get("dst");
  if (type === "tmpfs" || source == null || target == null || !target.startsWith("/")) return [];
  return [{ source, target, volume: type !== "bind" }];
}

/** `compose exec svc cmd…`, and `compose run svc cmd…`, which runs it in a new container of the service. */
function composeExec(via: string, args: readonly string[]): RemoteCommand | undefined {
  const global = parseOptions(args, COMPOSE_GLOBAL);
  const sub = args[global.rest];
  if (sub !== "exec" && sub !== "run") return undefined;
  return containerExec(`${via} ${sub}`, args.slice(global.rest + 1), sub === "run" ? COMPOSE_RUN : EXEC);
}

/** `kubectl [options] exec [options] pod [-c ctr] -- cmd…`. */
function kubectlExec(name: string, args: readonly string[]): RemoteCommand | undefined {
  const global = parseOptions(args, KUBECTL);
  if (args[global.rest] !== "exec") return undefined;
  const rest = args.slice(global.rest + 1);
  const dashes = rest.indexOf("--");
  const before = dashes < 0 ? rest : rest.slice(0, dashes);
  const p = parseOptions(before, KUBECTL);
  const pod = before[p.rest];
  const argv = dashes < 0 ? before.slice(p.rest + 1) : rest.slice(dashes + 1);
  if (pod == null || argv.length === 0) return undefined;
  return { via: `${name} exec ${pod}`, argv, cwd: REMOTE_WORKDIR };
}

function workdir(dir: string | undefined): string {
  if (dir == null || dir === "") return REMOTE_WORKDIR;
  return path.posix.resolve(REMOTE_WORKDIR, dir);
}
