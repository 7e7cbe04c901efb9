import type { RuleHit, SimpleCommand } from "../../command-types.js";
import { hasOption, parseOptions, type ParsedOptions } from "../../shell/parse-options.js";
import { asksForHelp } from "./pack-words.js";
import { definePack } from "./rule-pack.js";

/**
 * Deleting at cluster scale with kubectl (or oc): a namespace, everything of a kind, persistent
 * volumes, custom resource definitions; draining nodes; pruning on apply; uninstalling Helm
 * releases. Deleting one named pod or deployment is everyday work and stays allowed.
 */

const KUBECTL = {
  value: "nlfkso",
  valueLong: [
    "namespace",
    "selector",
    "filename",
    "kustomize",
    "field-selector",
    "grace-period",
    "timeout",
    "output",
    "context",
    "kubeconfig",
    "cluster",
    "user",
    "server",
    "token",
    "as",
    "request-timeout",
    "prune-allowlist",
  ],
};
const NAMESPACES = new Set(["ns", "namespace", "namespaces", "project", "projects"]);
const STORAGE = new Set(["pv", "pvc", "persistentvolume", "persistentvolumes", "persistentvolumeclaim", "persistentvolumeclaims"]);
const DEFINITIONS = new Set(["crd", "crds", "customresourcedefinition", "customresourcedefinitions"]);
const NODES = new Set(["no", "node", "nodes"]);
const HELM_UNINSTALL = new Set(["uninstall", "delete", "del", "un"]);
/** Cluster tools that carry their own kubectl: `microk8s kubectl …`, `minikube kubectl -- …`. */
const CARRIERS = new Set(["microk8s", "k3s", "minikube"]);

interface Kubectl {
  readonly cli: string;
  readonly sub: string;
  readonly p: ParsedOptions;
  /** The positionals after the subcommand. */
  readonly words: readonly string[];
}

function readKubectl(cmd: SimpleCommand): Kubectl | undefined {
  let { name, args } = cmd;
  if (CARRIERS.has(name) && args[0] === "kubectl") [name, args] = ["kubectl", args.slice(args[1] === "--" ? 2 : 1)];
  if ((name !== "kubectl" && name !== "oc") || asksForHelp(args)) return undefined;
  const p = parseOptions(args, KUBECTL);
  const [sub = "", ...words] = p.positionals;
  const dryRun = p.long.get("dry-run");
  if (dryRun === true || (typeof dryRun === "string" && dryRun !== "none")) return undefined;
  return { cli: name, sub, p, words };
}

/** `delete ns,pvc x`, `delete namespace/x pvc/y`: every kind named. */
function listDeletedKinds(k: Kubectl): string[] {
  const first = k.words[0] ?? "";
  if (first.includes("/")) return k.words.map((w) => (w.split("/")[0] ?? "").toLowerCase());
  return first.toLowerCase().split(",");
}

function deletes(kinds: ReadonlySet<string>): (cmd: SimpleCommand) => RuleHit | undefined {
  return (cmd) => {
    const k = readKubectl(cmd);
    if (k?.sub !== "delete") return undefined;
    return listDeletedKinds(k).some((kind) => kinds.has(kind)) ? { detail: `${k.cli} delete ${k.words.join(" ")}` } : undefined;
  };
}

function deletesEverything(cmd: SimpleCommand): RuleHit | undefined {
  const k = readKubectl(cmd);
  if (k?.sub !== "delete") return undefined;
  if (hasOption(k.p, "A", ["all-namespaces"])) return { detail: `${k.cli} delete ${k.words.join(" ")} --all-namespaces` };
  if (k.p.long.has("all")) return { detail: `${k.cli} delete ${k.words.join(" ")} --all` };
  return listDeletedKinds(k).some((kind) => DEFINITIONS.has(kind))
    ? { detail: `${k.cli} delete ${k.words.join(" ")}, with every resource of that kind` }
    : undefined;
}

function drainsNode(cmd: SimpleCommand): RuleHit | undefined {
  const k = readKubectl(cmd);
  if (k?.sub === "drain") return { detail: `${k.cli} drain ${k.words.join(" ")}`.trim() };
  return deletes(NODES)(cmd);
}

function prunes(cmd: SimpleCommand): RuleHit | undefined {
  const k = readKubectl(cmd);
  return k?.sub === "apply" && k.p.long.has("prune") ? { detail: `${k.cli} apply --prune` } : undefined;
}

function uninstallsRelease(cmd: SimpleCommand): RuleHit | undefined {
  if (cmd.name !== "helm" || asksForHelp(cmd.args)) return undefined;
  const p = parseOptions(cmd.args, { value: "n", valueLong: ["namespace", "kube-context", "kubeconfig", "timeout", "cascade"] });
  const [sub = "", ...releases] = p.positionals;
  if (!HELM_UNINSTALL.has(sub) || p.long.has("dry-run")) return undefined;
  return { detail: `helm ${sub} ${releases.join(" ")}`.trim() };
}

export const kubernetesPack = definePack("k8s", "Kubernetes and Helm: kubectl, oc, helm", [
  {
    id: "k8s.delete-namespace",
    severity: "critical",
    action: "deny",
    category: "destructive-cluster",
    reason: "it deletes a Kubernetes namespace (or OpenShift project) and everything in it: workloads, services, secrets, volume claims",
    check: deletes(NAMESPACES),
  },
  {
    id: "k8s.delete-all",
    severity: "critical",
    action: "deny",
    category: "destructive-cluster",
    reason:
      "it deletes every resource of a kind (--all, --all-namespaces, or a custom resource definition with all its resources); to restart pods, use kubectl rollout restart",
    check: deletesEverything,
  },
  {
    id: "k8s.delete-storage",
    severity: "high",
    action: "deny",
    category: "destructive-data",
    reason: "it deletes persistent volumes or volume claims; with the usual Delete reclaim policy the data on them goes too",
    check: deletes(STORAGE),
  },
  {
    id: "k8s.drain-node",
    severity: "medium",
    action: "ask",
    category: "destructive-cluster",
    reason: "it drains or deletes a cluster node, evicting every pod on it",
    check: drainsNode,
  },
  {
    id: "k8s.apply-prune",
    severity: "high",
    action: "ask",
    category: "destructive-cluster",
    reason: "it applies with --prune, deleting every object of the pruned kinds that is not in the files applied",
    check: prunes,
  },
  {
    id: "k8s.helm-uninstall",
    severity: "high",
    action: "ask",
    category: "destructive-cluster",
    reason: "it uninstalls a Helm release, deleting every resource the release created",
    check: uninstallsRelease,
  },
]);
