/**
 * The profile registry. Adding a province is adding one data file here.
 */
import type { ScoringProfile } from "../types";
import { HUBEI } from "./hubei";
import { HUNAN } from "./hunan";
import { NATIONAL } from "./national";
import { SICHUAN } from "./sichuan";

/** Every profile by id; `national` is the default. */
export const PROFILES: Readonly<Record<string, ScoringProfile>> = {
  hubei: HUBEI,
  hunan: HUNAN,
  national: NATIONAL,
  sichuan: SICHUAN,
};

export { HUBEI, HUNAN, NATIONAL, SICHUAN };

/** Short Chinese names a clerk may type into jx_profile (湖北, 四川省, 全国 …). */
const ALIASES: Readonly<Record<string, string>> = {
  全国: "national",
  国家: "national",
  财政部: "national",
  默认: "national",
  湖北: "hubei",
  湖南: "hunan",
  岳阳: "hunan",
  四川: "sichuan",
};

/** The profile with this id or Chinese name (湖北, 湖北省, hubei), else undefined. */
export function findProfile(idOrName: string | undefined): ScoringProfile | undefined {
  if (!idOrName) return undefined;
  const key = idOrName.trim();
  if (!key) return undefined;
  const byId = PROFILES[key.toLowerCase()];
  if (byId) return byId;
  const byName = Object.values(PROFILES).find((p) => p.name === key || key.includes(p.name));
  if (byName) return byName;
  const alias = Object.keys(ALIASES).find((a) => key.includes(a));
  return alias ? PROFILES[ALIASES[alias]] : undefined;
}
