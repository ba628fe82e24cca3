/**
 * mapping-problem — what mapping could not bind: a defined name pointing at `#REF!` or at nothing
 * usable, a table without one of its required columns. Every other check on that data is silently
 * skipped, so the clerk must hear about it.
 */
import { defineRule } from "../engine/types";
import type { MappingProblem } from "../model/report-model";
import type { CellRef } from "../model/snapshot";
import { TABLES, SCALAR_FIELDS } from "../schema/fields";
import { PROFILES, findProfile } from "../scoring/profiles";

/** Message ids of mapping-problem. */
export type MessageId = "brokenName" | "missingColumn" | "ambiguous" | "notATable" | "unknownProfile";

const MESSAGE_OF: Readonly<Record<MappingProblem["code"], MessageId>> = {
  "broken-name": "brokenName",
  "missing-column": "missingColumn",
  ambiguous: "ambiguous",
  "not-a-table": "notATable",
};

/** The Chinese name of a field, table or `table.column` target. */
function describe(target: string): string {
  const [id, key] = target.split(".");
  const table = TABLES.find((t) => t.id === id);
  if (table) {
    const col = key ? table.columns.find((c) => c.key === key) : undefined;
    return col ? `${table.label}表的“${col.label}”列` : `${table.label}表（${table.id}）`;
  }
  const field = SCALAR_FIELDS.find((f) => f.id === id);
  return field ? `${field.label}（${field.id}）` : target;
}

/** Problems met while mapping the workbook (broken names, missing required columns). */
export const mappingProblem = defineRule<MessageId>({
  id: "mapping-problem",
  meta: {
    type: "problem",
    docs: { description: "名称、表格或评分规则无法识别（名称指向 #REF!、表格缺少必需的列、jx_profile 不是已知方案）时报告，否则相关检查会被跳过或按默认规则进行。", recommended: true },
    messages: {
      "brokenName": "名称 {{name}} 无法使用：{{detail}}。{{what}}因此未能读取，相关检查都被跳过；请在“名称管理器”中把它重新指向正确的单元格。",
      "missingColumn": "{{table}}的表头中找不到必需的列“{{column}}”，该表的相关检查无法进行；请补上这一列的表头，或让名称 {{name}} 包含它。",
      "ambiguous": "{{detail}}，无法确定，已跳过该表的检查；请在表格上方写明标题（如“三公经费”“固定资产”），或为它定义名称。",
      "notATable": "名称 {{name}} 应指向一个表格区域（首行为表头），但{{detail}}；请把它改为包含表头和数据行的区域。",
      "unknownProfile": "评分规则“{{profile}}”无法识别，各项得分已按“{{used}}”计算；请改为以下之一：{{known}}。",
    },
  },
  create(context) {
    return {
      workbook() {
        const first = context.snapshot.sheets[0];
        for (const p of context.model.mapping.problems) {
          const at: CellRef | undefined = p.ref ?? (first ? { sheet: first.name, address: "A1" } : undefined);
          if (!at) continue;
          const [name, key] = p.target.split(".");
          const table = TABLES.find((t) => t.id === name);
          const column = table?.columns.find((c) => c.key === key);
          context.report({
            at,
            messageId: MESSAGE_OF[p.code],
            field: p.target,
            data: {
              name,
              what: describe(p.target),
              detail: p.detail,
              table: table ? `${table.label}表` : name,
              column: column?.label ?? p.detail,
            },
          });
        }
        // jx_profile names a profile we do not have: scoring silently fell back to the default, so say so.
        const profileCell = context.model.scalars.jx_profile;
        const written = profileCell?.cell?.value;
        if (profileCell && typeof written === "string" && written.trim() !== "" && !findProfile(written)) {
          context.report({
            at: profileCell.ref,
            messageId: "unknownProfile",
            field: "jx_profile",
            data: { profile: written.trim(), used: context.profile.name, known: Object.values(PROFILES).map((p) => `${p.id}（${p.name}）`).join("、") },
            actual: written.trim(),
          });
        }
      },
    };
  },
});

export default mappingProblem;
