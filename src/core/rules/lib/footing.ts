/** Moved to src/core/relations/footing (kept so that older imports compile). */
export * from "../../relations/footing";
