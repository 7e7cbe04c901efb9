export { advanceTally, emptyTally, type LiveCall, RECENT_CALLS, type RecordTally } from "./record-tally.js";
export { liveStatePath, loadRecordTally, saveRecordTally } from "./live-state.js";
export { type LiveUsage, readLiveUsage } from "./live-usage.js";
