import { BLAME } from "./commands/blame.js";
import { CLEAN } from "./commands/clean.js";
import { COST } from "./commands/cost.js";
import { DOCTOR } from "./commands/doctor.js";
import { EXPLAIN } from "./commands/explain.js";
import { FINALIZE } from "./commands/finalize.js";
import { INSTALL } from "./commands/install.js";
import { PRICES } from "./commands/prices.js";
import { REPORT } from "./commands/report.js";
import { RULES } from "./commands/rules.js";
import { SCAN } from "./commands/scan.js";
import { SERVER } from "./commands/server.js";
import { SESSIONS } from "./commands/sessions.js";
import { SHOW } from "./commands/show.js";
import { STATUSLINE } from "./commands/statusline.js";
import { SYNC } from "./commands/sync.js";
import { TEAM } from "./commands/team.js";
import { WATCH } from "./commands/watch.js";
import { WHY } from "./commands/why.js";
import type { Command } from "./define-command.js";

/** Every command, in the order `warden --help` lists them. */
export const COMMANDS: readonly Command[] = [
  INSTALL,
  SESSIONS,
  SHOW,
  REPORT,
  COST,
  STATUSLINE,
  WATCH,
  PRICES,
  BLAME,
  WHY,
  FINALIZE,
  CLEAN,
  DOCTOR,
  EXPLAIN,
  SCAN,
  RULES,
  SERVER,
  SYNC,
  TEAM,
];
