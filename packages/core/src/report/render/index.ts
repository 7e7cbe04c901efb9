export * from "./render-html-report.js";
export * from "./render-markdown-summary.js";
export type { TextBudgetLimits } from "./text-budget.js";
