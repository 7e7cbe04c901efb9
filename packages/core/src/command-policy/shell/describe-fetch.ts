import type { Redirect } from "../command-types.js";
import { hasOption, optionValue, parseOptions, type OptionSpec, type ParsedOptions } from "./parse-options.js";

/**
 * What a download command does with what it downloads: writes it to stdout (where a pipe can run
 * it) or to files (which a later command can run). Also what it uploads, for the exfiltration rules.
 */

export interface FetchInfo {
  readonly stdout: boolean;
  /** Files it writes, as written in the command (resolve against the cwd). */
  readonly files: readonly string[];
  readonly urls: readonly string[];
  /** Local files it sends (`-d @file`, `-F f=@file`, `-T file`); "-" is stdin. */
  readonly uploads: readonly string[];
  /** Inline data it sends (`-d "…"`), to check for secrets in variables. */
  readonly data: readonly string[];
}

/** curl's options that take a value, so `-H`, `-d`, `-u`, `-o` values are not read as URLs. */
export const CURL_OPTIONS: OptionSpec = {
  value: "odFHXuAebcTKwxmrEUYyzCDQtP",
  valueLong: [
    "output",
    "data",
    "data-binary",
    "data-raw",
    "data-ascii",
    "data-urlencode",
    "form",
    "form-string",
    "header",
    "request",
    "user",
    "user-agent",
    "referer",
    "cookie",
    "cookie-jar",
    "upload-file",
    "config",
    "write-out",
    "proxy",
    "max-time",
    "range",
    "cert",
    "key",
    "connect-timeout",
    "retry",
    "url",
    "output-dir",
    "json",
    "oauth2-bearer",
    "unix-socket",
    "abstract-unix-socket",
    "cacert",
    "capath",
    "resolve",
    "connect-to",
    "interface",
    "limit-rate",
    "aws-sigv4",
    "netrc-file",
    "proxy-user",
    "noproxy",
    "variable",
    "trace",
    "trace-ascii",
    "stderr",
  ],
};
export const WGET_OPTIONS: OptionSpec = {
  value: "OoaePtTwUQlADRIX",
  valueLong: [
    "output-document",
    "output-file",
    "post-data",
    "post-file",
    "body-data",
    "body-file",
    "header",
    "user",
    "password",
    "directory-prefix",
    "method",
    "user-agent",
    "tries",
    "timeout",
  ],
};
/** HTTPie's and xh's options that take a value. */
export const HTTPIE_OPTIONS: OptionSpec = {
  value: "oaAps",
  valueLong: [
    "output",
    "auth",
    "auth-type",
    "session",
    "session-read-only",
    "print",
    "style",
    "pretty",
    "format-options",
    "proxy",
    "verify",
    "cert",
    "cert-key",
    "timeout",
    "max-redirects",
    "default-scheme",
    "raw",
    "bearer",
  ],
};

const FETCHERS = new Set(["curl", "wget", "fetch", "http", "https", "xh", "xhs"]);

export function isFetcherName(name: string): boolean {
  return FETCHERS.has(name);
}

export function describeFetch(name: string, args: readonly string[], redirects: readonly Redirect[]): FetchInfo | undefined {
  if (!FETCHERS.has(name)) return undefined;
  const redirected = redirects.find((r) => (r.op === ">" || r.op === ">>" || r.op === ">|" || r.op === "&>") && r.fd !== "2");
  const info = name === "curl" ? curl(args) : name === "wget" ? wget(args) : name === "fetch" ? bsdFetch(args) : httpie(args);
  if (redirected == null || !info.stdout) return info;
  return { ...info, stdout: false, files: [...info.files, redirected.target] };
}

function curl(args: readonly string[]): FetchInfo {
  const p = parseOptions(args, CURL_OPTIONS);
  const urls = [...p.positionals.filter(looksLikeUrl), ...longValues(p, ["url"])];
  const outputs = [...(p.values.get("o") ?? []), ...longValues(p, ["output"])];
  const files = outputs.filter((o) => o !== "-" && o !== "/dev/stdout");
  if (hasOption(p, "O", ["remote-name", "remote-name-all"])) files.push(...urls.map(urlBaseName));
  const uploads: string[] = [];
  const data: string[] = [];
  for (const value of [...(p.values.get("d") ?? []), ...longValues(p, ["data", "data-binary", "data-ascii", "json"])]) {
    if (value.startsWith("@")) uploads.push(value.slice(1));
    else data.push(value);
  }
  for (const value of longValues(p, ["data-urlencode"])) {
    const at = value.indexOf("@");
    if (at >= 0 && !value.slice(0, at).includes("=")) uploads.push(value.slice(at + 1));
    else data.push(value);
  }
  data.push(...longValues(p, ["data-raw"]));
  for (const value of [...(p.values.get("F") ?? []), ...longValues(p, ["form"])]) {
    const eq = value.indexOf("=");
    const rest = eq < 0 ? value : value.slice(eq + 1);
    if (rest.startsWith("@") || rest.startsWith("<")) uploads.push(rest.slice(1).split(";")[0] ?? "");
    else data.push(rest);
  }
  uploads.push(...(p.values.get("T") ?? []), ...longValues(p, ["upload-file"]));
  const toStdout = outputs.length === 0 || outputs.length > files.length;
  return { stdout: toStdout && !hasOption(p, "O", ["remote-name", "remote-name-all"]), files, urls, uploads, data };
}

function wget(args: readonly string[]): FetchInfo {
  const p = parseOptions(args, WGET_OPTIONS);
  const urls = p.positionals.filter(looksLikeUrl);
  const output = optionValue(p, "O", ["output-document"]);
  const stdout = output === "-" || output === "/dev/stdout";
  const prefix = optionValue(p, "P", ["directory-prefix"]);
  const named = output != null ? [output] : urls.map(urlBaseName);
  const files = stdout ? [] : named.map((f) => (prefix != null ? `${prefix}/${f}` : f));
  const uploads = longValues(p, ["post-file", "body-file"]);
  return { stdout, files, urls, uploads, data: longValues(p, ["post-data", "body-data"]) };
}

function bsdFetch(args: readonly string[]): FetchInfo {
  const p = parseOptions(args, { value: "oBST" });
  const urls = p.positionals.filter(looksLikeUrl);
  const output = optionValue(p, "o", ["output"]);
  const stdout = output === "-";
  return { stdout, files: stdout ? [] : output != null ? [output] : urls.map(urlBaseName), urls, uploads: [], data: [] };
}

function httpie(args: readonly string[]): FetchInfo {
  const p = parseOptions(args, HTTPIE_OPTIONS);
  const urls = p.positionals.filter((w) => looksLikeUrl(w) || w.startsWith(":") || w.includes("."));
  const uploads = p.positionals.filter((w) => w.includes("@") && !looksLikeUrl(w)).map((w) => w.slice(w.indexOf("@") + 1));
  const output = optionValue(p, "o", ["output"]);
  const download = hasOption(p, "d", ["download"]);
  return { stdout: output == null && !download, files: output != null ? [output] : [], urls, uploads, data: [] };
}

function longValues(p: ParsedOptions, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const value = p.long.get(name);
    if (typeof value === "string") out.push(value);
  }
  return out;
}

export function looksLikeUrl(word: string): boolean {
  return word.startsWith("http://") || word.startsWith("https://") || word.startsWith("ftp://");
}

/** The host of a URL or `host:port`, lower-cased; undefined when it cannot be told. */
export function urlHost(word: string): string | undefined {
  const scheme = word.indexOf("://");
  const rest = scheme < 0 ? word : word.slice(scheme + 3);
  const end = rest.search(HOST_END);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const host = authority.slice(authority.lastIndexOf("@") + 1);
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]")).toLowerCase();
  const colon = host.indexOf(":");
  return (colon < 0 ? host : host.slice(0, colon)).toLowerCase() || undefined;
}

const HOST_END = /[/?#]/;

export function isLocalHost(host: string): boolean {
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host.startsWith("127.") ||
    host === "::1" ||
    host === "0.0.0.0" ||
    host === "host.docker.internal"
  );
}

function urlBaseName(url: string): string {
  const pathPart = url.replace(URL_TAIL, "");
  const slash = pathPart.lastIndexOf("/");
  const name = slash < 0 ? "" : pathPart.slice(slash + 1);
  return name === "" || pathPart.indexOf("/", pathPart.indexOf("://") + 3) < 0 ? "index.html" : name;
}

const URL_TAIL = /[?#].*$/;
