import path from "node:path";

/**
 * Whether a `.pem`, `.key`, `.crt` or `.cer` file is a secret. The extensions say only "PEM":
 * `fullchain.pem` and `ca.pem` are public certificates that `openssl x509 -in` and `cat` read all
 * the time, `privkey.pem` is the site's private key. What the file holds decides; a file that
 * cannot be read (missing, remote, too large) is judged by its name, and counted a secret unless the
 * name says certificate.
 */

const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
const PUBLIC_NAME = /cert|chain|\.crt$|\.cer$|csr|(?:^|[-_.])ca(?:[-_.]|$)|bundle|pub|root|intermediate/;
const SECRET_NAME = /key|priv|secret/;

export function holdsPrivateKey(abs: string, text: string | undefined): boolean {
  if (text != null) return PRIVATE_KEY.test(text);
  const name = path.posix.basename(abs).toLowerCase();
  return SECRET_NAME.test(name) || !PUBLIC_NAME.test(name);
}
