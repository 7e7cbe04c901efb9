export { type IndexPageModel, type IndexSession, type IndexVerdicts, type VerdictTag, verdictTags } from "./index-page-model.js";
export { renderIndexPage } from "./render-index-page.js";
export { readFirstPrompt } from "./transcript-first-prompt.js";
export { indexPagePath, writeIndexPage } from "./write-index-page.js";
