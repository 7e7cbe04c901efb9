import type { SimpleCommand } from "../../command-types.js";
import { hasOption, optionValue, type ParsedOptions } from "../../shell/parse-options.js";
import { baseName } from "../../shell/unwrap-command.js";
import { defineServicePack, type ServiceFinding } from "./service-pack.js";

/**
 * CI/CD and code hosting beyond `gh repo delete` / `gh release delete` (the cloud pack's): GitHub's
 * and GitLab's CLIs deleting secrets, variables, runs, issues and whole projects (also through
 * `gh api -X DELETE` / `glab api -X DELETE`), the Jenkins CLI's `delete-*`, CircleCI contexts and
 * orbs, and Azure DevOps. A whole repository or project is denied (its history, issues and
 * reviews go with it); one secret, variable, run, job or pipeline is asked. Listing, setting and
 * viewing are left alone, and so is deleting one cache entry.
 */

const GH_VALUES = {
  value: "ReoacXfFHqtp",
  valueLong: [
    "repo",
    "env",
    "org",
    "app",
    "hostname",
    "method",
    "field",
    "raw-field",
    "header",
    "jq",
    "template",
    "input",
    "preview",
    "cache",
  ],
};
const GLAB_VALUES = {
  value: "RgXFfHs",
  valueLong: ["repo", "group", "method", "field", "raw-field", "header", "hostname", "scope"],
};
const AZ_VALUES = {
  value: "gnop",
  valueLong: ["subscription", "output", "query", "org", "organization", "project", "id", "detect", "repository", "name"],
};
/** A whole repository, project, organisation or group, as a REST path: `repos/o/r`, `projects/42`. */
const WHOLE_GITHUB = /^(?:repos\/[^/]+\/[^/]+|orgs\/[^/]+)\/?$/;
const WHOLE_GITLAB = /^(?:projects|groups)\/[^/]+\/?$/;
const GITHUB_API = /^(?:https:\/\/api\.github\.com)?\/?/;
const GITLAB_API = /^(?:https?:\/\/[^/]+\/api\/v4)?\/?/;
/** jenkins-cli.jar's own options that take a value (`-s URL`, `-auth user:token`, …). */
const JENKINS_VALUED = new Set(["-s", "-auth", "-i", "-user", "-logger", "-p", "-bearer"]);
const JENKINS_DELETES = new Set([
  "delete-job",
  "delete-node",
  "delete-view",
  "delete-builds",
  "delete-credentials",
  "delete-credentials-domain",
]);

/** `gh api -X DELETE <path>`: a whole repository or organisation is denied, anything else asked. */
function apiDelete(cli: string, words: readonly string[], options: ParsedOptions, api: RegExp, whole: RegExp): ServiceFinding | undefined {
  if (words[0] !== "api" || optionValue(options, "X", ["method"])?.toUpperCase() !== "DELETE") return undefined;
  const path = (words[1] ?? "").replace(api, "").replace(/[?#].*$/, "");
  return { tier: whole.test(path) ? "deny" : "ask", detail: `${cli} api -X DELETE ${path}` };
}

function readGh(words: readonly string[], options: ParsedOptions): ServiceFinding | undefined {
  if (words[0] === "cache" && words[1] === "delete")
    return hasOption(options, "", ["all"]) ? { tier: "ask", detail: "gh cache delete --all" } : undefined;
  return apiDelete("gh", words, options, GITHUB_API, WHOLE_GITHUB);
}

/** The command given to the Jenkins CLI, after its own options: `java -jar jenkins-cli.jar -s URL -auth u:t delete-job app`. */
function jenkinsCommand(args: readonly string[]): ServiceFinding | undefined {
  for (let k = 0; k < args.length; k += 1) {
    const word = args[k] ?? "";
    if (JENKINS_VALUED.has(word)) k += 1;
    else if (!word.startsWith("-")) return JENKINS_DELETES.has(word) ? { tier: "ask", detail: `jenkins-cli ${word}` } : undefined;
  }
  return undefined;
}

function readJava(_words: readonly string[], _options: ParsedOptions, cmd: SimpleCommand): ServiceFinding | undefined {
  const jar = cmd.args.indexOf("-jar");
  const path = jar < 0 ? undefined : cmd.args[jar + 1];
  return path != null && /^jenkins-cli.*\.jar$/.test(baseName(path)) ? jenkinsCommand(cmd.args.slice(jar + 2)) : undefined;
}

/** `az boards work-item delete --destroy` deletes it for good (without, it goes to the recycle bin). */
function readAz(words: readonly string[], options: ParsedOptions): ServiceFinding | undefined {
  return words[0] === "boards" && words[1] === "work-item" && words[2] === "delete" && options.long.has("destroy")
    ? { tier: "deny", detail: "az boards work-item delete --destroy" }
    : undefined;
}

export const cicdPack = defineServicePack({
  id: "cicd",
  title: "CI/CD and code hosting: gh, glab, Jenkins CLI, circleci, az devops",
  category: "destructive-cloud",
  reasons: {
    deny: "it deletes a whole repository, project or organisation (with its history, issues, pipelines and settings), or a work item for good",
    ask: "it deletes a CI secret or variable, a workflow run, a pipeline, a job, an issue or a release, or disables a workflow",
  },
  clis: {
    gh: {
      options: GH_VALUES,
      read: readGh,
      verbs: {
        deny: [],
        ask: [
          "secret delete",
          "secret remove",
          "variable delete",
          "variable remove",
          "run delete",
          "workflow disable",
          "issue delete",
          "codespace delete",
          "cs delete",
          "label delete",
          "project delete",
          "repo deploy-key delete",
        ],
      },
    },
    glab: {
      options: GLAB_VALUES,
      read: (words, options) => apiDelete("glab", words, options, GITLAB_API, WHOLE_GITLAB),
      verbs: {
        deny: ["repo delete", "project delete"],
        ask: [
          "release delete",
          "variable delete",
          "ci delete",
          "issue delete",
          "mr delete",
          "schedule delete",
          "label delete",
          "deploy-key delete",
        ],
      },
    },
    java: { read: readJava },
    "jenkins-cli": { read: (_words, _options, cmd) => jenkinsCommand(cmd.args) },
    circleci: {
      options: { valueLong: ["token", "host", "org-id", "integration-testing"] },
      verbs: { deny: [], ask: ["context delete", "context remove-secret"] },
      read: (words) =>
        words[0] === "orb" && words[1] === "unlist" && words[3] === "true" ? { tier: "ask", detail: "circleci orb unlist" } : undefined,
    },
    az: {
      options: AZ_VALUES,
      read: readAz,
      verbs: {
        deny: ["devops project delete", "repos delete"],
        ask: [
          "pipelines delete",
          "pipelines variable delete",
          "pipelines variable-group delete",
          "pipelines variable-group variable delete",
          "boards work-item delete",
          "devops service-endpoint delete",
          "repos ref delete",
        ],
      },
    },
  },
});
