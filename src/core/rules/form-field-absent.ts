/**
 * form-field-absent — a detected form that does not carry the 评价年度 or the 部门（单位）名称 at all
 * (no label, no title line naming it) gets a note, not an error: the clerk filled the form the bureau
 * gave them, and nothing is missing from it. A field the form has and the clerk left blank is
 * required-field's error.
 */
import { defineRule } from "../engine/types";
import { scalarField } from "../schema/fields";

/** Message ids of form-field-absent. */
export type MessageId = "fieldAbsent";

/** A field the detected form does not carry is noted once, at the form's first cell. */
export const formFieldAbsent = defineRule<MessageId>({
  id: "form-field-absent",
  meta: {
    type: "layout",
    docs: { description: "识别出的表样本身不含评价年度或单位名称时给出提示（不是错误）；表中有该栏而未填写的，由 required-field 报告。", recommended: true },
    messages: {
      "fieldAbsent": "本表（{{form}}）未包含{{label}}；如需核对年份或单位，请在表头写明“{{label}}：……”。",
    },
  },
  create(context) {
    return {
      workbook() {
        const form = context.model.form;
        if (!form) return;
        for (const id of form.absent) {
          if (context.model.scalars[id]) continue;
          context.report({ at: { sheet: form.sheet, address: "A1" }, messageId: "fieldAbsent", field: id, data: { form: form.name, label: scalarField(id).label } });
        }
      },
    };
  },
});

export default formFieldAbsent;
