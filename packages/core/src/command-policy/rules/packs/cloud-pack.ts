import type { CloudTier } from "./cloud-delete-commands.js";
import { findCloudDeletion } from "./cloud-deletions.js";
import { checkFound, definePack } from "./rule-pack.js";

/** Deleting things in the cloud with aws, gcloud, gsutil, az and doctl (see cloud-deletions.ts for what counts). */

const deletes = (tier: CloudTier) => checkFound(findCloudDeletion, (found) => found.tier === tier);

export const cloudPack = definePack("cloud", "cloud CLIs: aws, gcloud, gsutil, az, doctl, gh", [
  {
    id: "cloud.delete-project",
    severity: "critical",
    action: "deny",
    category: "destructive-cloud",
    reason: "it deletes a whole cloud project, resource group or organisation, with every resource and all the data in it",
    check: deletes("project"),
  },
  {
    id: "cloud.delete-data",
    severity: "critical",
    action: "deny",
    category: "destructive-cloud",
    reason:
      "it deletes data in the cloud (a bucket's objects, a database, a table, a disk, a snapshot, a backup or an encryption key), which cannot be got back",
    check: deletes("data"),
  },
  {
    id: "cloud.delete-environment",
    severity: "high",
    action: "deny",
    category: "destructive-cloud",
    reason:
      "it deletes a whole Kubernetes cluster, infrastructure stack or DNS zone, taking down everything that runs on it or resolves through it",
    check: deletes("environment"),
  },
  {
    id: "cloud.delete-resource",
    severity: "high",
    action: "ask",
    category: "destructive-cloud",
    reason: "it deletes a cloud resource (an instance, a function, an identity, a queue, a network, an empty bucket)",
    check: deletes("resource"),
  },
]);
