import { issuedToolUses } from "./exchange.js";
import type { ModelRequest } from "./model-request.js";
import type { StandIn } from "./stand-in-api.js";

/**
 * The Messages request the stand-in received right after the response that issued `toolUseId`,
 * in arrival order: the request that carries the call's result when nothing else runs meanwhile
 * (no subagent, no parallel thread). Undefined when the call was not issued or nothing followed.
 */
export function requestAfterToolUse(standIn: StandIn, toolUseId: string): ModelRequest | undefined {
  const index = standIn.exchanges.findIndex((exchange) => issuedToolUses(exchange).some((use) => use.id === toolUseId));
  return index < 0 ? undefined : standIn.exchanges[index + 1]?.request;
}
