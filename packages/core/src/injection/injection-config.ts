import path from "node:path";
import type { InjectionScannerOptions } from "./injection-scanner.js";
import { loadRuleFiles } from "./load-rules.js";
import type { InjectionConfig } from "./injection-config-schema.js";
import { formatDiagnostic } from "./nova-syntax-error.js";
import { fileBudget, fileCache, memoryBudget } from "./tier-memory.js";
import { DEFAULT_ADDRESSED_AT, DEFAULT_ALONE_AT, DEFAULT_SUPPORTED_AT, shippedModel } from "./statistical/statistical-layer.js";

export interface InjectionWorld {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly projectDir: string;
  /** This session's directories for the LLM tier's answer cache and call counter, made on first use. */
  readonly stateDir?: (name: string) => string;
}

export interface ResolvedInjectionOptions {
  readonly options: InjectionScannerOptions;
  /** Problems with the config or the user's rule files; the scanner runs without what failed. */
  readonly errors: readonly string[];
}

export function injectionOptionsFromConfig(config: InjectionConfig, world: InjectionWorld): ResolvedInjectionOptions {
  const errors: string[] = [];
  const targets = (config.rules ?? []).map((p) => path.resolve(world.projectDir, p));
  const loaded = targets.length > 0 ? loadRuleFiles(targets) : undefined;
  for (const e of loaded?.errors ?? []) errors.push(formatDiagnostic(e));
  const llm = config.llm;
  const stateDir = world.stateDir;
  let llmOptions: InjectionScannerOptions["llm"];
  if (llm?.enabled) {
    const keyName = llm.api_key_env ?? "ANTHROPIC_API_KEY";
    const apiKey = world.env[keyName];
    if (!apiKey) errors.push(`injection.llm is enabled but ${keyName} is not set; the llm tier stays off`);
    else {
      llmOptions = {
        enabled: true,
        apiKey,
        ...(llm.model ? { model: llm.model } : {}),
        ...(llm.base_url ? { baseURL: llm.base_url } : {}),
        ...(llm.timeout_ms ? { timeoutMs: llm.timeout_ms } : {}),
        ...(stateDir
          ? {
              cache: fileCache(() => stateDir("llm-cache")),
              budget: fileBudget(() => stateDir("llm"), llm.max_calls_per_session ?? 20),
            }
          : { budget: memoryBudget(llm.max_calls_per_session ?? 20) }),
      };
    }
  }
  const model = config.model;
  const options: InjectionScannerOptions = {
    ...(config.warn_at ? { warnAt: config.warn_at } : {}),
    ...(model == null
      ? {}
      : {
          statistical: model.enabled
            ? {
                model: shippedModel(),
                aloneAt: model.alone_at ?? DEFAULT_ALONE_AT,
                supportedAt: model.supported_at ?? DEFAULT_SUPPORTED_AT,
                addressedAt: model.addressed_at ?? DEFAULT_ADDRESSED_AT,
              }
            : false,
        }),
    ...(loaded ? { extraRules: loaded.rules } : {}),
    ...(llmOptions ? { llm: llmOptions } : {}),
  };
  return { options, errors };
}
