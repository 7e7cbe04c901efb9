import { hasOption, type ParsedOptions } from "../../shell/parse-options.js";
import { defineServicePack, type ServiceFinding } from "./service-pack.js";

/**
 * Application hosting platforms: Heroku, Fly.io, Railway, Vercel, Netlify, Firebase and Cloud
 * Foundry. What holds data is denied: destroying an app with its volumes and add-ons, a database
 * reset, a volume, a database add-on, a Firestore database or collection tree, the whole Realtime
 * Database, a Cloud Foundry org or space, a Vercel Blob store. Taking a site or deployment down,
 * removing an environment variable or another add-on is asked: a redeploy brings it back.
 * Deploying, logs, listing and setting variables are left alone.
 */

const HEROKU_VALUES = { value: "ar", valueLong: ["app", "remote", "confirm", "team", "space"] };
const FLY_VALUES = { value: "acrot", valueLong: ["app", "config", "access-token", "region", "org"] };
const VERCEL_VALUES = { value: "tSAQT", valueLong: ["token", "scope", "cwd", "local-config", "global-config", "team"] };
const FIREBASE_VALUES = {
  value: "P",
  valueLong: ["project", "account", "token", "config", "database", "instance", "site", "only", "except"],
};
/** Heroku add-ons that are data stores: destroying one deletes its data. */
const DATA_ADDON = /postgres|redis|kafka|mongo|mysql|database|elasticsearch|bonsai|searchbox|memcache/i;

/** `heroku addons:destroy heroku-postgresql-…` deletes a database; another add-on is asked. */
function readHeroku(words: readonly string[]): ServiceFinding | undefined {
  const [verb, ...rest] = words;
  if (verb !== "addons:destroy" && verb !== "addons:remove" && verb !== "addons:rm") return undefined;
  const store = rest.find((w) => DATA_ADDON.test(w));
  return store == null ? { tier: "ask", detail: `heroku ${verb}` } : { tier: "deny", detail: `heroku ${verb} ${store}` };
}

/** `firebase firestore:delete --all-collections` or `-r` (a collection tree) is denied, one document asked; `database:remove /` is the whole database. */
function readFirebase(words: readonly string[], options: ParsedOptions): ServiceFinding | undefined {
  const [verb, path] = words;
  if (verb === "firestore:delete") {
    if (hasOption(options, "", ["all-collections"])) return { tier: "deny", detail: "firebase firestore:delete --all-collections" };
    return hasOption(options, "r", ["recursive"])
      ? { tier: "deny", detail: `firebase firestore:delete -r ${path ?? ""}`.trim() }
      : { tier: "ask", detail: "firebase firestore:delete" };
  }
  if (verb === "database:remove" && path != null)
    return path === "/"
      ? { tier: "deny", detail: "firebase database:remove /" }
      : { tier: "ask", detail: `firebase database:remove ${path}` };
  return undefined;
}

const FLY = {
  options: FLY_VALUES,
  verbs: {
    deny: [
      "apps destroy",
      "apps delete",
      "apps remove",
      "apps rm",
      "destroy",
      "volumes destroy",
      "volumes delete",
      "volumes rm",
      "volume destroy",
      "volume delete",
      "volume rm",
      "vol destroy",
      "vol delete",
      "vol rm",
      "postgres destroy",
      "pg destroy",
      "mpg destroy",
      "redis destroy",
      "storage destroy",
    ],
    ask: [
      "machines destroy",
      "machines remove",
      "machines rm",
      "machine destroy",
      "machine remove",
      "machine rm",
      "m destroy",
      "m remove",
      "m rm",
      "secrets unset",
      "ips release",
    ],
  },
};

const VERCEL = {
  options: VERCEL_VALUES,
  verbs: {
    deny: ["blob store remove", "blob store rm"],
    ask: [
      "remove",
      "rm",
      "project rm",
      "project remove",
      "projects rm",
      "projects remove",
      "env rm",
      "env remove",
      "domains rm",
      "domains remove",
      "alias rm",
      "alias remove",
      "blob del",
      "secrets rm",
    ],
  },
};

export const hostingPack = defineServicePack({
  id: "hosting",
  title: "application hosting: heroku, fly, railway, vercel, netlify, firebase, cf",
  category: "destructive-cloud",
  reasons: {
    deny: "it destroys a hosted app with its data, resets or deletes a database, a volume, a data add-on or a whole Firestore / Realtime Database tree, or a Cloud Foundry org or space: the data cannot be got back",
    ask: "it takes down a site, an app or a deployment, or removes an add-on, a machine or an environment variable; a redeploy brings it back",
  },
  clis: {
    heroku: {
      options: HEROKU_VALUES,
      read: readHeroku,
      verbs: {
        deny: ["apps:destroy", "apps destroy", "apps:delete", "destroy", "pg:reset", "pg reset", "spaces:destroy"],
        ask: [
          "config:unset",
          "config:remove",
          "config unset",
          "pg:backups:delete",
          "pg:backups:restore",
          "pg:copy",
          "domains:remove",
          "domains:clear",
          "pipelines:destroy",
        ],
      },
    },
    fly: FLY,
    flyctl: FLY,
    railway: {
      options: { value: "se", valueLong: ["service", "environment"] },
      verbs: { deny: ["volume delete", "environment delete"], ask: ["down"] },
    },
    vercel: VERCEL,
    vc: VERCEL,
    netlify: {
      options: { valueLong: ["auth", "site", "filter", "context", "scope"] },
      verbs: { deny: [], ask: ["sites:delete", "sites delete", "env:unset", "env unset", "blobs:delete", "blobs delete"] },
    },
    firebase: {
      options: FIREBASE_VALUES,
      read: readFirebase,
      verbs: {
        deny: ["firestore:databases:delete"],
        ask: ["hosting:disable", "hosting:sites:delete", "hosting:channel:delete", "functions:delete"],
      },
    },
    cf: {
      options: {},
      verbs: {
        deny: ["delete-org", "delete-space"],
        ask: ["delete", "delete-service", "purge-service-instance", "delete-route", "delete-orphaned-routes", "unset-env"],
      },
    },
  },
});
