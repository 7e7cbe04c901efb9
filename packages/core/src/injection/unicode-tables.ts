/**
 * Characters the normaliser removes or folds. Invisible: format and zero-width characters,
 * variation selectors, bidirectional controls and tag characters (which the normaliser decodes
 * to the ASCII they spell, since a model reads them). Confusables: letters of other scripts that
 * look like Latin ones, folded only inside words that mix them with ASCII letters, plus Latin
 * small capitals and phonetic letters, which are folded everywhere.
 */

export const TAG_BASE = 0xe0000;

export function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0x1bca0 && cp <= 0x1bca3) ||
    (cp >= 0x1d173 && cp <= 0x1d17a) ||
    (cp >= 0xe0000 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** A tag character spelling printable ASCII (U+E0020..U+E007E), as that ASCII character; else undefined. */
export function tagToAscii(cp: number): string | undefined {
  return cp >= 0xe0020 && cp <= 0xe007e ? String.fromCharCode(cp - TAG_BASE) : undefined;
}

/** Matches any character `isInvisible` is true for (a quick test for whole runs); built from a string, as it lists combining characters. */
export const INVISIBLE_RE = new RegExp(
  // oxlint-disable-next-line no-misleading-character-class -- the class lists combining and format characters on purpose
  "[\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0]|\\udb40[\\udc00-\\udc7f\\udd00-\\uddef]|\\ud82f[\\udca0-\\udca3]|\\ud834[\\udd73-\\udd7a]",
);

const PAIRS =
  // Cyrillic
  "аaбbвbеeёeкkмmнhоoрpсcтtуyхxѕsіiїiјjԁdԛqԝwһhӏlьbАAВBЕEЁEКKМMНHОOРPСCТTХXУYІIЇIЈJЅSԀDԌGҮYԚQԜWӀIЬb" +
  // Greek
  "αaβbεeιiκkνvοoρpτtυuχxγyωwΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧX" +
  // Armenian
  "օoսuցgհhոnՏSՕO";

const LATIN_LOOKALIKES = "ᴀaʙbᴄcᴅdᴇeꜰfɢgʜhɪiᴊjᴋkʟlᴍmɴnᴏoᴘpʀrꜱsᴛtᴜuᴠvᴡwʏyᴢzıiȷjɑaɩiɡgʋvɒo";

function table(pairs: string): Map<string, string> {
  const map = new Map<string, string>();
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i] ?? "", chars[i + 1] ?? "");
  return map;
}

/** Letters of other scripts that look like Latin letters. */
export const CONFUSABLES: ReadonlyMap<string, string> = table(PAIRS);
/** Latin small capitals and phonetic letters: folded wherever they occur. */
export const LATIN_FOLDS: ReadonlyMap<string, string> = table(LATIN_LOOKALIKES);

/** Named HTML entities worth decoding (numeric ones are decoded in general). */
export const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  shy: "\u00ad",
  zwj: "\u200d",
  zwnj: "\u200c",
  lrm: "\u200e",
  rlm: "\u200f",
  colon: ":",
  sol: "/",
  bsol: "\\",
  lpar: "(",
  rpar: ")",
  lsqb: "[",
  rsqb: "]",
  lbrace: "{",
  rbrace: "}",
  num: "#",
  excl: "!",
  quest: "?",
  period: ".",
  comma: ",",
  semi: ";",
  equals: "=",
  lowbar: "_",
  hyphen: "-",
  dash: "-",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  Tab: "\t",
  NewLine: "\n",
};
