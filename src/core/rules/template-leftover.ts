/**
 * template-leftover — a cell of the report that still holds a template's placeholder: a year written
 * `20XX年`, an amount or count written `XX万元` / `××%`, a blank to fill (`____万元`), or the template's
 * prompt (`请填写…`, `此处填写`). The report looks filled and every number may foot, yet the 财政局 reads
 * an unfinished sentence. Instruction sheets (填报说明 …), a form's own notes (注：…) and the add-in's
 * bookkeeping sheets are left out: placeholders belong there.
 *
 * Conservative by design: a name masked `王某某` / `张××` (how published reports hide a person) and
 * `某某局` (how examples anonymise a unit) are not flagged; only a placeholder that stands where a year,
 * an amount, a count or a whole answer belongs is.
 */
import { defineRule } from "../engine/types";
import { BOOKKEEPING_SHEETS, INSTRUCTION_TEXT, isInstructionSheet } from "../narrative/prose-cells";
import { textCells } from "./lib/text-cells";

/** Message ids of template-leftover. */
export type MessageId = "placeholder";

/** The placeholder kinds, each with what it stands for (shown to the clerk). */
const PLACEHOLDERS: readonly { readonly re: RegExp; readonly what: string }[] = [
  // 20XX年 / 20××年度 / XXXX年: the year left as the template wrote it.
  { re: /(?:19|20)[XＸxｘ×*＊]{2}\s*年|(?<![A-Za-z])[XＸxｘ×]{4}\s*年/, what: "年份" },
  // XX万元 / ××% / XX人次 / XX个百分点: a figure never typed in.
  { re: /(?<![A-Za-z])[XＸxｘ×]{2,}\s*(?=万元|亿元|元|%|％|个百分点|人次|人|个|项|次|户|家|件|台|套|天|分(?!析|配|别|类))/, what: "数字" },
  // ____万元 / ＿＿＿%: a blank line to write a figure on (a signature's or a date's blank line is not one:
  // a printed form is signed and dated by hand).
  { re: /(?:_{3,}|＿{3,})\s*(?=万元|亿元|元|%|％|个百分点|人次|人|个|项|次|户|家|件|台|套|天|分(?!析|配|别|类))/, what: "数字" },
  // 【待填写：…】 / 【待核实：…】: the gaps jixiao's own 综述 leaves for the clerk (narrative/generate.ts).
  { re: /【待(?:填写|核实|补充)[：:][^】]*】/, what: "内容" },
  // “结合自评情况，分析存在的问题及原因。（200字以内）”: the 四川 form's prompt, still the whole answer (the
  // guidance printed beside the funds, “1.预算执行率=…（100字以内）；2.…”, stays on every form and is not one).
  { re: /^\s*(?:结合|对照|针对|简要|简述|概述|说明|请)[^]*?[（(]\s*\d+\s*字以内\s*[）)]\s*[。.]?\s*$/, what: "内容" },
  // 请填写… / 此处填写 / （待填）: the template's prompt left in the answer.
  { re: /请(?:在此)?(?:填写|填入|输入|选择|补充)|(?:此处|在此)(?:填写|填入|输入)|[（(](?:待填|待补充|待定|填写)[^）)]{0,20}[）)]/, what: "填写提示" },
];

/** The first placeholder in a text, with its kind. */
export function findPlaceholder(text: string): { readonly hole: string; readonly what: string } | undefined {
  for (const { re, what } of PLACEHOLDERS) {
    const m = re.exec(text);
    if (m) return { hole: m[0].trim(), what };
  }
  return undefined;
}

/** Longer texts are quoted shortened, around the placeholder. */
const QUOTE = 40;

/** The text quoted in the message: whole when short, else the part around the placeholder. */
function quote(text: string, hole: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= QUOTE) return t;
  const i = Math.max(0, t.indexOf(hole));
  const from = Math.max(0, i - 15);
  const to = Math.min(t.length, i + hole.length + 15);
  return `${from > 0 ? "…" : ""}${t.slice(from, to)}${to < t.length ? "…" : ""}`;
}

/** Every report cell that still holds a placeholder is reported once. */
export const templateLeftover = defineRule<MessageId>({
  id: "template-leftover",
  meta: {
    type: "problem",
    docs: { description: "报表中不应留有模板的占位内容（20XX年、XX万元、____、请填写…）。", recommended: true },
    messages: {
      placeholder: "“{{text}}”中的“{{hole}}”是模板留下的占位内容（{{what}}未填写），报送前请改为实际内容。",
    },
  },
  create(context) {
    return {
      workbook() {
        for (const sheet of context.model.snapshot.sheets) {
          if (BOOKKEEPING_SHEETS.has(sheet.name) || isInstructionSheet(sheet)) continue;
          for (const { address, value } of textCells(sheet)) {
            // Cheap first test: every placeholder holds one of these characters.
            if (!/[XＸxｘ×*＊_＿请此待填【字]/.test(value) || INSTRUCTION_TEXT.test(value)) continue;
            const found = findPlaceholder(value);
            if (!found) continue;
            context.report({
              at: { sheet: sheet.name, address },
              messageId: "placeholder",
              data: { text: quote(value, found.hole), hole: found.hole, what: found.what },
              actual: found.hole,
            });
          }
        }
      },
    };
  },
});

export default templateLeftover;
