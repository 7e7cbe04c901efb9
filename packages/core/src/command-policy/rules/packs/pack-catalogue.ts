import { cloudPack } from "./cloud-pack.js";
import { containersPack } from "./containers-pack.js";
import { databasePack } from "./database-pack.js";
import { iacPack } from "./iac-pack.js";
import { kubernetesPack } from "./kubernetes-pack.js";
import { platformPack } from "./platform-pack.js";
import { publishPack } from "./publish-pack.js";
import { remotePack } from "./remote-pack.js";
import type { RulePack } from "./rule-pack.js";
import { systemPack } from "./system-pack.js";

/** Every rule pack, in the order the README lists them. All are on by default. */
export const RULE_PACKS: readonly RulePack[] = [
  cloudPack,
  databasePack,
  containersPack,
  kubernetesPack,
  iacPack,
  publishPack,
  platformPack,
  systemPack,
  remotePack,
];
