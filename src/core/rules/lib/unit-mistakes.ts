/** Moved to src/core/relations/unit-mistakes (kept so that older imports compile). */
export * from "../../relations/unit-mistakes";
