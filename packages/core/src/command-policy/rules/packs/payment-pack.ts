import type { SimpleCommand } from "../../command-types.js";
import type { ParsedOptions } from "../../shell/parse-options.js";
import { defineServicePack, type ServiceFinding } from "./service-pack.js";
import { findVerb, type VerbTable } from "./verb-table.js";

/**
 * The Stripe CLI: deleting a resource (`stripe customers delete`, `stripe delete /v1/…`), cancelling
 * one (`stripe subscriptions cancel`, `stripe payouts cancel`), voiding an invoice, and moving money
 * (`stripe refunds create`, `stripe payouts create`, `stripe transfers create`, `stripe post
 * /v1/refunds`). In test mode (the CLI's default) these are asked: test data is what a developer
 * works on. In live mode (`--live`, or a live secret or restricted key given with `--api-key` or
 * `STRIPE_API_KEY=`) they are denied: real customers' data or real money, and none of it comes back.
 * Braintree, Adyen and the like have no CLI: their REST calls are the http pack's.
 */

const ACTIONS: VerbTable<"act"> = {
  act: [
    "* delete",
    "* cancel",
    "delete",
    "invoices void",
    "credit_notes void",
    "refunds create",
    "payouts create",
    "transfers create",
    "post /v1/refunds",
    "post /v1/payouts",
    "post /v1/transfers",
  ],
};
const LIVE_KEY = /^(?:sk|rk)_live_/;
const KEY_ASSIGNMENT = /^STRIPE_API_KEY=["']?(?:sk|rk)_live_/;

function isLive(options: ParsedOptions, cmd: SimpleCommand): boolean {
  const key = options.long.get("api-key");
  return options.long.has("live") || (typeof key === "string" && LIVE_KEY.test(key)) || cmd.assignments.some((a) => KEY_ASSIGNMENT.test(a));
}

function readStripe(words: readonly string[], options: ParsedOptions, cmd: SimpleCommand): ServiceFinding | undefined {
  // `stripe post PATH` is matched on the resource its path names: `/v1/refunds/re_1/cancel` is `/v1/refunds`.
  const found = findVerb(ACTIONS, ["act"], words[0] === "post" ? ["post", (words[1] ?? "").replace(/^(\/v1\/[a-z_]+).*$/, "$1")] : words);
  if (found == null) return undefined;
  const detail = `stripe ${found.words.join(" ")}`;
  return isLive(options, cmd) ? { tier: "deny", detail: `${detail} --live` } : { tier: "ask", detail };
}

export const paymentPack = defineServicePack({
  id: "payment",
  title: "payment CLIs: stripe",
  category: "destructive-service",
  reasons: {
    deny: "in live mode it deletes or cancels a real customer's data or moves real money (a refund, a payout, a transfer), and none of it comes back",
    ask: "it deletes or cancels a Stripe resource or moves money in test mode: often what the developer meant",
  },
  clis: {
    stripe: {
      options: {
        value: "pdeiv",
        valueLong: [
          "api-key",
          "color",
          "config",
          "device-name",
          "log-level",
          "project-name",
          "data",
          "expand",
          "idempotency",
          "stripe-account",
          "stripe-version",
        ],
      },
      read: readStripe,
    },
  },
});
