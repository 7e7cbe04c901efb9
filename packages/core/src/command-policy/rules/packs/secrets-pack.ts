import { hasOption } from "../../shell/parse-options.js";
import { defineServicePack, type ServiceCli, type ServiceFinding } from "./service-pack.js";

/**
 * Secret managers: HashiCorp Vault, Doppler, 1Password (`op`), Infisical, Bitwarden (`bw`), gopass
 * and pass. A credential that is destroyed cannot be got back, and whatever logs in with it stops
 * working: every version of a secret, a whole secrets engine, vault, project or config is denied.
 * Deleting one secret or item is asked: it is often meant, and several of these keep a way back
 * (a Vault KV v2 delete can be undeleted, a Bitwarden item goes to the trash, `op --archive`
 * keeps the item in the Archive and is left alone). `vault kv delete` is asked even though on a
 * KV v1 mount it is final: the command cannot tell the mount's version, and it is one secret.
 */

/** Vault reads Go flags: `-prefix`, `--prefix`, `-prefix=true`; `-prefix=false` turns it off. */
function vaultFlag(args: readonly string[], name: string): boolean {
  return args.some((a) => {
    const bare = a.startsWith("--") ? a.slice(1) : a;
    return bare === `-${name}` || (bare.startsWith(`-${name}=`) && bare.slice(name.length + 2) !== "false");
  });
}

/** Paths `vault delete` destroys more than one secret at: the raw API behind the deny-tier commands. */
const VAULT_PATHS: readonly (readonly [RegExp, string])[] = [
  [/^\/?[^/]+\/metadata\/./, "a KV secret's every version and metadata"],
  [/^\/?sys\/(?:mounts|auth|namespaces)\/./, "a whole secrets engine, auth method or namespace"],
  [/^\/?transit\/keys\/./, "a Transit key (what it encrypted can never be decrypted)"],
];

const vault: ServiceCli = {
  verbs: {
    deny: ["kv destroy", "kv metadata delete", "secrets disable", "auth disable", "namespace delete", "operator raft snapshot restore"],
    ask: ["kv delete", "delete", "policy delete", "token revoke", "lease revoke", "operator seal", "operator raft remove-peer"],
  },
  read: (words, _options, cmd): ServiceFinding | undefined => {
    if (words[0] === "lease" && words[1] === "revoke" && vaultFlag(cmd.args, "prefix"))
      return { tier: "deny", detail: "vault lease revoke -prefix (every lease under the prefix)" };
    if (words[0] !== "delete") return undefined;
    for (const path of words.slice(1)) {
      const hit = VAULT_PATHS.find(([pattern]) => pattern.test(path));
      if (hit != null) return { tier: "deny", detail: `vault delete ${path}: ${hit[1]}` };
    }
    return undefined;
  },
};

const doppler: ServiceCli = {
  options: { value: "pc", valueLong: ["project", "config", "token", "scope", "configuration", "api-host", "dashboard-host"] },
  verbs: {
    deny: ["projects delete", "configs delete", "environments delete"],
    ask: ["secrets delete", "configs tokens revoke"],
  },
};

const OP_DELETES = new Set(["delete", "remove", "rm"]);
const onePassword: ServiceCli = {
  options: { valueLong: ["account", "config", "session", "format", "encoding", "vault"] },
  verbs: {
    deny: ["vault delete", "vault remove", "vault rm"],
    ask: ["user delete", "group delete", "connect server delete", "connect token delete"],
  },
  // An item or document with `--archive` goes to the Archive, from where it can be restored.
  read: (words, options) => {
    const [group = "", verb = ""] = words;
    if ((group !== "item" && group !== "document") || !OP_DELETES.has(verb)) return undefined;
    const archive = options.long.get("archive");
    if (archive != null && archive !== "false") return undefined;
    return { tier: "ask", detail: `op ${group} ${verb}` };
  },
};

const infisical: ServiceCli = {
  options: { valueLong: ["env", "path", "projectId", "token", "domain", "type", "workspaceId"] },
  verbs: { deny: ["secrets folders delete"], ask: ["secrets delete"] },
};

const bitwarden: ServiceCli = {
  options: { valueLong: ["session", "itemid", "organizationid"] },
  verbs: { deny: [], ask: ["delete item", "delete attachment", "delete folder", "delete org-collection"] },
  read: (words, options) =>
    words[0] === "delete" && options.long.has("permanent")
      ? { tier: "ask", detail: ["bw", ...words.slice(0, 2), "--permanent (not to the trash)"].join(" ") }
      : undefined,
};

/** gopass and pass: `rm -r` takes a whole folder of the store; without it, one secret. */
function passStore(name: string): ServiceCli {
  return {
    read: (words, options) => {
      const verb = words[0] ?? "";
      if (!OP_DELETES.has(verb)) return undefined;
      return hasOption(options, "r", ["recursive"])
        ? { tier: "deny", detail: `${name} ${verb} --recursive` }
        : { tier: "ask", detail: `${name} ${verb}` };
    },
  };
}

export const secretsPack = defineServicePack({
  id: "secrets",
  title: "secret managers: vault, doppler, op, infisical, bw, gopass, pass",
  category: "destructive-secrets",
  reasons: {
    deny: "it destroys secrets for good (every version of a secret, a whole secrets engine, vault, project or config, every lease under a prefix): a lost credential cannot be got back, and whatever logs in with it stops working",
    ask: "it deletes one secret or item (Vault KV v2 keeps it undeletable, Bitwarden keeps it in the trash), a policy or a user, or revokes a token or lease: often what the user asked for",
  },
  clis: {
    vault,
    doppler,
    op: onePassword,
    infisical,
    bw: bitwarden,
    gopass: passStore("gopass"),
    pass: passStore("pass"),
  },
});
