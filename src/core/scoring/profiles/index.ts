/**
 * The profile registry. Adding a province is adding one data file here.
 */
import type { ScoringProfile } from "../types";
import { NATIONAL } from "./national";

/** Every profile by id; `national` is the default. */
export const PROFILES: Readonly<Record<string, ScoringProfile>> = {
  national: NATIONAL,
};

export { NATIONAL };

/** The profile with this id or Chinese name, else undefined. */
export function findProfile(idOrName: string | undefined): ScoringProfile | undefined {
  if (!idOrName) return undefined;
  const key = idOrName.trim();
  return PROFILES[key.toLowerCase()] ?? Object.values(PROFILES).find((p) => p.name === key || key.includes(p.name));
}
