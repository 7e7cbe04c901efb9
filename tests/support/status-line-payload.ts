/**
 * What Claude Code 2.1.197 writes on a status line command's stdin, key for key (read from its
 * status line builder: the hook base fields of `xd()` without a hook event, then the status fields).
 * `cost.total_cost_usd` is Claude Code's own figure; Warden shows its own count from the transcript.
 */
export interface StatusLineInput {
  readonly sessionId: string;
  readonly transcriptPath: string;
  readonly cwd: string;
  /** Claude Code's running cost (`cost.total_cost_usd`). */
  readonly totalCostUsd?: number;
}

export function statusLinePayload({ sessionId, transcriptPath, cwd, totalCostUsd = 0 }: StatusLineInput) {
  return {
    session_id: sessionId,
    transcript_path: transcriptPath,
    cwd,
    prompt_id: "255b3d84-1b0e-4c57-9d43-5d3b8f1a2c77",
    model: { id: "claude-sonnet-4-5-20250929", display_name: "Sonnet 4.5" },
    workspace: { current_dir: cwd, project_dir: cwd, added_dirs: [] },
    version: "2.1.197",
    output_style: { name: "default" },
    cost: {
      total_cost_usd: totalCostUsd,
      total_duration_ms: 4210,
      total_api_duration_ms: 3120,
      total_lines_added: 0,
      total_lines_removed: 0,
    },
    context_window: {
      total_input_tokens: 1000,
      total_output_tokens: 500,
      context_window_size: 200000,
      current_usage: { input_tokens: 1000, output_tokens: 500, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      used_percentage: 1,
      remaining_percentage: 99,
    },
    exceeds_200k_tokens: false,
    fast_mode: false,
    thinking: { enabled: false },
  };
}
