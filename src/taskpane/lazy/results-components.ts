/** The check's results, one chunk: the outcome and the list always appear together (./results.ts). */
export { FindingList } from "../components/FindingList";
export { OutcomePanel } from "../components/OutcomePanel";
