import type { Language } from "./inspect-code.js";

/**
 * Where a shell or an interpreter gets the code it runs: `bash -c 'code'`, `bash script.sh`,
 * `curl … | bash` (stdin), `python3 -c 'code'`, `perl -pi -e 'code' file`, `node -`.
 */

export interface CodeSource {
  readonly code?: string;
  readonly file?: string;
  readonly stdin: boolean;
  /** How the code was passed, for the layer name: `-c`, `-e`, `eval`. */
  readonly flag: string;
  /** Words after the code or script: its positional parameters. */
  readonly rest?: readonly string[];
}

export const SHELLS = new Set(["sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish", "csh", "tcsh", "yash"]);
const PYTHON = /^python[0-9.]*$/;

export function languageOf(name: string): Language | undefined {
  if (PYTHON.test(name)) return "python";
  if (name === "node" || name === "nodejs" || name === "bun" || name === "deno") return "node";
  if (name === "perl" || name === "ruby" || name === "php") return name;
  return undefined;
}

/** `bash [-lc] 'script' [args]`, `bash file`, `bash` / `bash -s` / `bash -` reading stdin. */
export function shellSource(args: readonly string[]): CodeSource {
  let fromString = false;
  for (let k = 0; k < args.length; k += 1) {
    const word = args[k] ?? "";
    if (word === "--") {
      const next = args[k + 1];
      const rest = args.slice(k + 2);
      if (next == null) return { stdin: true, flag: "" };
      return fromString ? { code: next, stdin: false, flag: "-c", rest } : { file: next, stdin: false, flag: "", rest };
    }
    if (word === "-") return { stdin: true, flag: "" };
    if (word.startsWith("--")) {
      if (word === "--rcfile" || word === "--init-file") k += 1;
      continue;
    }
    if ((word.startsWith("-") || word.startsWith("+")) && word.length > 1) {
      if (word.includes("c")) fromString = true;
      if (word.includes("o") || word.includes("O")) k += 1;
      if (word.includes("s") && !fromString) return { stdin: true, flag: "-s" };
      continue;
    }
    const rest = args.slice(k + 1);
    return fromString ? { code: word, stdin: false, flag: "-c", rest } : { file: word, stdin: false, flag: "", rest };
  }
  return { stdin: !fromString, flag: "" };
}

/** `su [user] -c 'command'`: the command runs in the user's shell. */
export function suSource(args: readonly string[]): CodeSource | undefined {
  for (let k = 0; k < args.length; k += 1) {
    const word = args[k] ?? "";
    const next = args[k + 1];
    if (word === "-c" || word === "--command") return next == null ? undefined : { code: next, stdin: false, flag: "-c" };
    if (word.startsWith("--command=")) return { code: word.slice("--command=".length), stdin: false, flag: "-c" };
  }
  return undefined;
}

/** The code an interpreter runs, by its own flags. */
export function interpreterSource(name: string, language: Language, args: readonly string[]): CodeSource {
  if (name === "deno" || (name === "bun" && (args[0] === "run" || args[0] === "x"))) {
    const sub = args[0] ?? "";
    const target = args.slice(1).find((a) => !a.startsWith("-"));
    if (sub === "eval" && target != null) return { code: target, stdin: false, flag: "eval" };
    return target != null ? { file: target, stdin: false, flag: sub } : { stdin: false, flag: sub };
  }
  const codes: string[] = [];
  let flag = "";
  for (let k = 0; k < args.length; k += 1) {
    const word = args[k] ?? "";
    if (word === "-") return { stdin: true, flag: "-" };
    if (word === "--") break;
    if (!word.startsWith("-") || word.length < 2) {
      if (codes.length > 0) break;
      return { file: word, stdin: false, flag: "" };
    }
    const eq = word.indexOf("=");
    if (word.startsWith("--")) {
      const long = eq < 0 ? word : word.slice(0, eq);
      if (long === "--eval" || long === "--print") {
        codes.push(eq < 0 ? (args[++k] ?? "") : word.slice(eq + 1));
        flag = long;
      } else if (eq < 0 && LONG_WITH_VALUE.has(long)) k += 1;
      continue;
    }
    const taken = readCluster(language, word, args[k + 1]);
    if (taken.code != null) {
      codes.push(taken.code);
      flag = taken.flag;
    }
    if (taken.consumedNext) k += 1;
    if (taken.module) return { stdin: false, flag: "-m" };
  }
  return codes.length > 0 ? { code: codes.join("\n"), stdin: false, flag } : { stdin: true, flag: "" };
}

const LONG_WITH_VALUE = new Set([
  "--require",
  "--import",
  "--input-type",
  "--loader",
  "--experimental-loader",
  "--conditions",
  "--env-file",
]);
const CODE_LETTER: Readonly<Record<Language, string>> = { python: "c", node: "ep", perl: "eE", ruby: "e", php: "r" };
/** Letters whose value is the rest of the cluster or the next word. */
const VALUE_LETTERS: Readonly<Record<Language, string>> = { python: "WXQm", node: "rC", perl: "IMmxCdDi", ruby: "rICEKWTx", php: "fcdzt" };
/** Letters that only ever take an attached value (`perl -i.bak`). */
const ATTACHED_ONLY: Readonly<Record<Language, string>> = { python: "", node: "", perl: "ixdD", ruby: "WTx", php: "" };

function readCluster(
  language: Language,
  word: string,
  next: string | undefined,
): { code?: string; flag: string; consumedNext: boolean; module?: boolean } {
  for (let j = 1; j < word.length; j += 1) {
    const letter = word[j] ?? "";
    const rest = word.slice(j + 1);
    if (CODE_LETTER[language].includes(letter)) {
      return rest !== ""
        ? { code: rest, flag: `-${letter}`, consumedNext: false }
        : { code: next ?? "", flag: `-${letter}`, consumedNext: true };
    }
    if (language === "python" && letter === "m") return { flag: "-m", consumedNext: rest === "", module: true };
    if (VALUE_LETTERS[language].includes(letter)) {
      const separate = rest === "" && !ATTACHED_ONLY[language].includes(letter);
      return { flag: "", consumedNext: separate };
    }
  }
  return { flag: "", consumedNext: false };
}
