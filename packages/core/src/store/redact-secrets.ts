import { loadBuiltin } from "../support/lazy-builtin.js";

/**
 * Secrets never reach disk in clear: every string Warden stores (session records) or renders
 * (reports) is passed through these patterns first. The guard decides on the raw text; only what
 * is kept is masked.
 *
 * The pattern set follows the rule families of gitleaks' default configuration (its rule ids are
 * used as names, so a finding can be looked up there): cloud keys, VCS tokens, LLM API keys,
 * payment keys, Slack tokens, JWTs, PEM private keys, passwords in URLs and `KEY=`/`TOKEN=`/
 * `SECRET=`/`PASSWORD=` assignments. The regular expressions are written here for JavaScript.
 *
 * A masked secret becomes `[REDACTED:<rule>:<length>:<first 12 hex of its sha256>]`: the length
 * and fingerprint let a user correlate two occurrences, or check a secret they already hold.
 */
interface SecretPattern {
  readonly rule: string;
  readonly pattern: RegExp;
  /** The capture group holding the secret itself; 0 (the whole match) when absent. */
  readonly group?: number;
}

const PATTERNS: readonly SecretPattern[] = [
  { rule: "private-key", pattern: /-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----/g },
  { rule: "aws-access-token", pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g },
  { rule: "github-pat", pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g },
  { rule: "github-fine-grained-pat", pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
  { rule: "gitlab-pat", pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { rule: "anthropic-api-key", pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { rule: "openai-api-key", pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}/g },
  { rule: "stripe-access-token", pattern: /\b(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,}\b/g },
  { rule: "slack-token", pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}/g },
  { rule: "slack-webhook-url", pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]+/g },
  { rule: "gcp-api-key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { rule: "npm-access-token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { rule: "jwt", pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  // scheme://user:password@host: only the password is masked.
  { rule: "url-password", pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:([^\s@/]+)@/gi, group: 1 },
  // .env and shell style: NAME=value where the upper-case name says it holds a secret.
  {
    rule: "secret-assignment",
    pattern: /\b[A-Z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)[A-Z0-9_]*=(["']?)([^\s"'`$][^\s"'`]{3,})\1/g,
    group: 2,
  },
  // JSON and YAML style: "api_key": "value".
  {
    rule: "secret-assignment",
    pattern: /(["'])[A-Za-z0-9_.-]*(?:key|token|secret|password|passwd)[A-Za-z0-9_.-]*\1\s*:\s*(["'])([^"'\s]{4,})\2/gi,
    group: 3,
  },
];

/**
 * Something every pattern needs to find in a text: most recorded strings (file contents, command
 * output) hold none, and one search is far cheaper than every pattern's.
 */
const CANDIDATE =
  /PRIVATE KEY|A3T|AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|sk-|[sr]k_(?:live|test|prod)_|xox[abposre]-|hooks\.slack\.com|AIza|npm_|eyJ|:\/\/[^\s:@/]+:[^\s@/]+@|KEY|TOKEN|SECRET|PASSW|CREDENTIAL|["'][\w.-]*(?:key|token|secret|passw)/i;

const MARKER = /^\[REDACTED:[a-z-]+:\d+:[0-9a-f]{12}\]$/;

function marker(rule: string, secret: string): string {
  const { createHash } = loadBuiltin<typeof import("node:crypto")>("node:crypto");
  return `[REDACTED:${rule}:${secret.length}:${createHash("sha256").update(secret, "utf8").digest("hex").slice(0, 12)}]`;
}

/** The text with every secret the patterns know masked. */
export function redactText(text: string): string {
  // No pattern matches fewer characters; most recorded strings are short.
  if (text.length < 8 || !CANDIDATE.test(text)) return text;
  let out = text;
  for (const { rule, pattern, group = 0 } of PATTERNS) {
    out = out.replace(pattern, (...match: unknown[]) => {
      const whole = String(match[0]);
      const secret = match[group];
      if (typeof secret !== "string" || secret === "" || MARKER.test(secret)) return whole;
      if (group === 0) return marker(rule, secret);
      // Mask only the group: it is the last occurrence of its text in the match for every pattern here.
      const at = whole.lastIndexOf(secret);
      return `${whole.slice(0, at)}${marker(rule, secret)}${whole.slice(at + secret.length)}`;
    });
  }
  return out;
}

/** A copy of a JSON value with every string (keys included) redacted. Stored values are bounded in depth. */
export function redactValue<T>(value: T): T {
  // @ts-expect-error the copy has the value's shape: only the contents of its strings change.
  return redactAny(value);
}

function redactAny(value: unknown): unknown {
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.map(redactAny);
  if (value != null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[redactText(key)] = redactAny(item);
    return out;
  }
  return value;
}
