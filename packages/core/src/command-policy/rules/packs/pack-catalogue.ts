import { backupPack } from "./backup-pack.js";
import { cdnPack } from "./cdn-pack.js";
import { cicdPack } from "./cicd-pack.js";
import { cloudPack } from "./cloud-pack.js";
import { containersPack } from "./containers-pack.js";
import { databasePack } from "./database-pack.js";
import { dnsPack } from "./dns-pack.js";
import { gatewayPack } from "./gateway-pack.js";
import { hostingPack } from "./hosting-pack.js";
import { httpPack } from "./http-pack.js";
import { iacPack } from "./iac-pack.js";
import { kubernetesPack } from "./kubernetes-pack.js";
import { messagingPack } from "./messaging-pack.js";
import { monitoringPack } from "./monitoring-pack.js";
import { paymentPack } from "./payment-pack.js";
import { platformPack } from "./platform-pack.js";
import { publishPack } from "./publish-pack.js";
import { searchPack } from "./search-pack.js";
import { secretsPack } from "./secrets-pack.js";
import { storagePack } from "./storage-pack.js";
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
  cdnPack,
  dnsPack,
  cicdPack,
  hostingPack,
  monitoringPack,
  secretsPack,
  messagingPack,
  backupPack,
  storagePack,
  httpPack,
  searchPack,
  paymentPack,
  gatewayPack,
  systemPack,
  remotePack,
];
