import type { SimpleCommand } from "../../command-types.js";
import { CURL_OPTIONS, HTTPIE_OPTIONS, WGET_OPTIONS } from "../../shell/describe-fetch.js";
import { hasOption, parseOptions, type ParsedOptions } from "../../shell/parse-options.js";
import type { RuleContext } from "../rule-context.js";

/**
 * The HTTP request a curl, wget, HTTPie or xh command sends: its method, its URLs and what can be
 * read of its body. Options' values (`-H`, `-d`, `-u`, `-o`) are neither the method nor a URL;
 * `-XDELETE`, `-X delete`, `--request=DELETE`, `wget --method=DELETE`, `http DELETE url` and an
 * `X-HTTP-Method-Override: DELETE` header all name the method.
 */

export interface HttpRequest {
  /** Upper-cased; what the tool sends when none is named (GET, or POST with data). */
  readonly method: string;
  readonly urls: readonly string[];
  /** The body as far as it can be read: inline data, a local file sent (`-d @file`), stdin. */
  readonly body: string;
}

const HTTPIE_NAMES = new Set(["http", "https", "xh", "xhs"]);
/** HTTPie and xh build the request without sending it. */
const NOT_SENT = ["offline", "curl", "curl-long"];
const OVERRIDE = /^\s*x-(?:http-)?method(?:-override)?\s*:\s*([a-z]+)/i;
const METHOD_WORD = /^[A-Za-z]+$/;
/** An HTTPie request item that carries data: `name=value`, `name:=json`, `name@file`, `@file`. */
const DATA_ITEM = /^[^:=@]*(?::=|=|@)/;

export function isHttpClient(name: string): boolean {
  return name === "curl" || name === "wget" || HTTPIE_NAMES.has(name);
}

export function readHttpRequest(cmd: SimpleCommand, rc: RuleContext): HttpRequest | undefined {
  if (cmd.name === "curl") return readCurl(cmd, rc);
  if (cmd.name === "wget") return readWget(cmd, rc);
  return HTTPIE_NAMES.has(cmd.name) ? readHttpie(cmd, rc) : undefined;
}

function readCurl(cmd: SimpleCommand, rc: RuleContext): HttpRequest {
  const p = parseOptions(cmd.args, CURL_OPTIONS);
  const headers = [...(p.values.get("H") ?? []), ...longValues(p, ["header"])];
  const overrides = headers.flatMap((h) => OVERRIDE.exec(h)?.[1] ?? []);
  const named = [...(p.values.get("X") ?? []), ...longValues(p, ["request"]), ...overrides];
  const files = [...(p.values.get("d") ?? []), ...longValues(p, ["data", "data-binary", "data-ascii", "data-urlencode", "json"])];
  const body = [...files.map((d) => sentText(d, cmd, rc)), ...longValues(p, ["data-raw"])];
  const form = [...(p.values.get("F") ?? []), ...longValues(p, ["form"])];
  const implied = hasOption(p, "G", ["get"])
    ? "GET"
    : body.length > 0 || form.length > 0
      ? "POST"
      : hasOption(p, "I", ["head"])
        ? "HEAD"
        : "GET";
  return { method: lastMethod(named) ?? implied, urls: [...p.positionals, ...longValues(p, ["url"])], body: body.join("\n") };
}

function readWget(cmd: SimpleCommand, rc: RuleContext): HttpRequest {
  const p = parseOptions(cmd.args, WGET_OPTIONS);
  const inline = longValues(p, ["post-data", "body-data"]);
  const files = longValues(p, ["post-file", "body-file"]).map((f) => (f === "-" ? rc.readStdin(cmd) : rc.readFile(f, cmd)) ?? "");
  const posts = p.long.has("post-data") || p.long.has("post-file");
  return {
    method: lastMethod(longValues(p, ["method"])) ?? (posts ? "POST" : "GET"),
    urls: p.positionals,
    body: [...inline, ...files].join("\n"),
  };
}

function readHttpie(cmd: SimpleCommand, rc: RuleContext): HttpRequest | undefined {
  const p = parseOptions(cmd.args, HTTPIE_OPTIONS);
  if (NOT_SENT.some((name) => p.long.has(name))) return undefined;
  const [first = "", ...rest] = p.positionals;
  const named = rest.length > 0 && METHOD_WORD.test(first);
  const [url, ...items] = named ? rest : p.positionals;
  if (url == null) return undefined;
  const piped = p.long.has("ignore-stdin") ? undefined : rc.readStdin(cmd);
  const files = items.filter((i) => i.startsWith("@")).map((i) => rc.readFile(i.slice(1), cmd) ?? "");
  const body = [...items, ...longValues(p, ["raw"]), ...files, piped ?? ""].join("\n");
  const sends = items.some((i) => DATA_ITEM.test(i)) || p.long.has("raw") || piped != null;
  return { method: named ? first.toUpperCase() : sends ? "POST" : "GET", urls: [url], body };
}

/** `-d @file` sends the file (`@-` stdin); any other value is sent as written. */
function sentText(value: string, cmd: SimpleCommand, rc: RuleContext): string {
  if (!value.startsWith("@")) return value;
  const file = value.slice(1);
  return (file === "-" ? rc.readStdin(cmd) : rc.readFile(file, cmd)) ?? "";
}

function lastMethod(named: readonly string[]): string | undefined {
  return named[named.length - 1]?.toUpperCase();
}

function longValues(p: ParsedOptions, names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const value = p.long.get(name);
    return typeof value === "string" ? [value] : [];
  });
}
