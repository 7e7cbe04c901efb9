/**
 * The kinds of action an injection usually wants an agent with tools to take. A request in a tool
 * output for an action of a kind the user never asked for is stronger evidence than the wording
 * alone: a review asking to grant admin access, an email asking to wire money while the user asked
 * for a summary.
 */
export const ACTION_CLASSES = ["payment", "mail", "access", "secret", "code-push", "deletion", "execution"] as const;
export type ActionClass = (typeof ACTION_CLASSES)[number];

export const ACTION_PATTERNS: ReadonlyArray<readonly [ActionClass, RegExp]> = [
  [
    "payment",
    /\b(?:wire|remit|transfer(?:ring)?|pay(?:ment)?|refund|iban|swift|routing number|bank account|wallet|usdc|usdt|btc|bitcoin|eth|crypto|invoice)(?![a-z])|\$\s?\d/i,
  ],
  ["mail", /\b(?:e-?mail|forward|mail(?:box)?|inbox|send (?:a |an |the )?(?:message|note|reply)|reply to|cc|bcc|slack|dm)\b/i],
  [
    "access",
    /\b(?:admin(?:istrator)?|grant|revoke|permission|access|role|collaborator|invite|owner(?:ship)?|authorized_keys|ssh key|sudoers?|password|2fa|mfa|login|account email|share (?:the |this |my )?(?:folder|drive|doc|file|repo|calendar)|rights)(?![a-z])/i,
  ],
  [
    "secret",
    /\b(?:api[ _-]?keys?|tokens?|secrets?|credentials?|passwords?|\.env\b|id_rsa|private key|ssh keys?|cookies?|session id)(?![a-z])/i,
  ],
  [
    "code-push",
    /\b(?:git push|push (?:it |this |the )?(?:to|changes)|commit|merge|publish|deploy|release|force[- ]push|pull request)(?![a-z])/i,
  ],
  ["deletion", /\b(?:delete|remove|erase|wipe|drop (?:the |a )?(?:table|database)|rm -rf|destroy|purge|truncate)(?![a-z])/i],
  ["execution", /(?:\bcurl\b[^\n]*\|\s*(?:ba|z)?sh|\bexecute\b|\brun (?:this|the following)|\beval\b|\bpowershell\b|\bbash -c\b)/i],
];

export function actionClasses(text: string): Set<ActionClass> {
  const found = new Set<ActionClass>();
  for (const [name, pattern] of ACTION_PATTERNS) if (pattern.test(text)) found.add(name);
  return found;
}

/** The classes a stretch asks for that the user's own words never mention. */
export function unaskedActions(stretch: string, asked: ReadonlySet<ActionClass>): ActionClass[] {
  return [...actionClasses(stretch)].filter((c) => !asked.has(c));
}
