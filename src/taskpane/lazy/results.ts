/**
 * The chunk with OutcomePanel and FindingList (issue 12: not in the pane's first chunk). One chunk and one
 * load for both, so the outcome and its list appear in the same render, as they did when they were part
 * of the first chunk. src/taskpane/engine.ts starts the load with the engine's, so by the time a check
 * has a report the code is here and the components render at once (see ./FindingList.tsx).
 */
type Results = typeof import("./results-components");

let loading: Promise<Results> | undefined;
let loaded: Results | undefined;

/** Load the results chunk (once). */
export function loadResults(): Promise<Results> {
  loading ??= import(/* webpackChunkName: "results" */ "./results-components").then((m) => (loaded = m));
  return loading;
}

/** The results module when it has loaded, else undefined. */
export function resultsIfLoaded(): Results | undefined {
  return loaded;
}
