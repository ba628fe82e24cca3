/**
 * The forms jixiao reads, one data file each (docs/forms.md). Order does not matter: detection scores
 * every form on every sheet.
 */
import { DEPT_OVERALL } from "./dept-overall";
import { FINAL_ACCOUNTS, FINAL_CHANGE, FINAL_EXPENSE, FINAL_INCOME } from "./final-accounts";
import { ASSETS, FINAL_SHARES, SANGONG } from "./final-shares";
import { HUNAN_DEPT } from "./hunan-dept";
import { MOF_PROJECT } from "./mof-project";
import { PROJECT_SUMMARY } from "./project-summary";
import { SICHUAN_PROJECT } from "./sichuan-project";
import type { FormDecl } from "./types";

export type { FieldDecl, FormDecl, GridColumn, GridDecl, GridRow, Labels, RelationDecl, TableDecl } from "./types";

/** Every form, national first. */
export const FORMS: readonly FormDecl[] = [MOF_PROJECT, SICHUAN_PROJECT, DEPT_OVERALL, PROJECT_SUMMARY, FINAL_ACCOUNTS, FINAL_INCOME, FINAL_EXPENSE, FINAL_CHANGE, FINAL_SHARES, SANGONG, ASSETS, HUNAN_DEPT];

/** A form by id. */
export function formById(id: string): FormDecl | undefined {
  return FORMS.find((f) => f.id === id);
}
