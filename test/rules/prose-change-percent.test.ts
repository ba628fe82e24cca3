import { proseChangePercent } from "../../src/core/rules/prose-change-percent";
import { ruleTester } from "../helpers/rule-tester";
import { proseWorkbook } from "../narrative/prose-workbook";

// Seed 003 (宣汉县医疗保障局 2020), verbatim.
const fall =
  "2020年度收入848.74万元、支出总计848.75万元。与2019年相比，收入减少4848.68万元、支出减少4848.67万元，减少185.1%。";
const rise = "2020年，我局机关运行经费支出464.12万元，比2019年增加232.87万元，增长200.7%。";

ruleTester.run(proseChangePercent, {
  valid: [
    { name: "追加 amount wrong but the percentage right for the tables' 1000: the amount's finding, not this rule's", workbook: proseWorkbook({ achievements: "年初预算安排30000万元，追加49.17万元，比年初预算增长3.33%。" }) },
    { name: "seed 002: 追加78.88万元，比年初预算增长4.83% (over the 年初预算 the text names)", workbook: proseWorkbook({ achievements: "年初预算安排1632.87万元，因参保缴费人数高于年初设定人数追加78.88万元，比年初预算增长4.83%。" }) },
    { name: "an unrelated amount in the sentence before is not the base", workbook: proseWorkbook({ achievements: "基金结余500万元。宣传经费增加10万元，增长2.5%。" }) },
    { name: "seed 003: 收、支各减少4848.68万元，减少85.1%", workbook: proseWorkbook({ year: 2020, achievements: "2020年财政拨款收入848.74万元、支出848.75万元。与2019年相比，收、支各减少4848.68万元，减少85.1%。" }) },
    { name: "seed 003: the base in the sentence before", workbook: proseWorkbook({ year: 2020, achievements: "公务接待费支出1万元，完成预算100%。比2019年减少1万元，减少50%。" }) },
    { name: "the corrected rise", workbook: proseWorkbook({ year: 2020, achievements: rise.replace("200.7%", "100.7%") }) },
    { name: "由…增加到…", workbook: proseWorkbook({ achievements: "参保人数由40万人增加到42万人，增长5%。" }) },
    { name: "the base from the table when the text has none", workbook: proseWorkbook({ achievements: "基本支出比上年增加257.83万元，增长12.89%。" }) },
    { name: "a percentage without an amount is not judged", workbook: proseWorkbook({ achievements: "参保人数同比增长3.2%。" }) },
    { name: "a fall of less than 100% without an amount is not judged", workbook: proseWorkbook({ achievements: "全年实际支出158.89万元，支出比预算减少17.38%。" }) },
    { name: "支出比预算减少17.38% beside 预算资金192.31万元 and 实际支出158.89万元", workbook: proseWorkbook({ achievements: "预算资金192.31万元，全年实际支出158.89万元，支出比预算减少17.38%。" }) },
    { name: "支出比上年减少5%: last year is not in the sentence, not judged", workbook: proseWorkbook({ achievements: "预算资金192.31万元，全年实际支出158.89万元，支出比上年减少5%。" }) },
    { name: "a rise of more than 100% is possible", workbook: proseWorkbook({ achievements: "参保人数同比增长117.38%。" }) },
  ],
  invalid: [
    {
      name: "比年初预算增长14.83% for 78.88 over 1632.87 (4.83%)",
      workbook: proseWorkbook({ achievements: "年初预算安排1632.87万元，因参保缴费人数高于年初设定人数追加78.88万元，比年初预算增长14.83%。" }),
      errors: [{ messageId: "percentMismatch", ref: "基本信息!B17", expected: "4.83%" }],
    },
    {
      name: "seed 003: 减少185.1% for a fall of 85.1%",
      workbook: proseWorkbook({ year: 2020, achievements: fall }),
      errors: [{ messageId: "percentMismatch", ref: "基本信息!B17", field: "jx_achievements", expected: "85.1%" }],
    },
    {
      name: "seed 003: 增长200.7% for a rise of 100.7%",
      workbook: proseWorkbook({ year: 2020, problems: rise }),
      errors: [{ messageId: "percentMismatch", ref: "基本信息!B18", field: "jx_problems", expected: "100.7%" }],
    },
    {
      name: "new wording: 较上年减少X万元，下降Y%",
      workbook: proseWorkbook({ achievements: "三公经费支出32.25万元，较上年减少7.75万元，下降24.2%。" }),
      errors: [{ messageId: "percentMismatch", expected: "19.4%" }],
    },
    {
      name: "a fall of more than 100% with nothing to measure it against (减少117.38% for 17.38%): impossible, at its cell",
      workbook: proseWorkbook({ achievements: "全年实际支出158.89万元，支出比预算减少117.38%，结转到下年度33.42万元。" }),
      errors: [{ messageId: "impossibleDecrease", ref: "基本信息!B17", field: "jx_achievements" }],
    },
    {
      name: "支出比预算减少71.38% beside 预算资金192.31万元 and 实际支出158.89万元 (17.38%): at its cell",
      workbook: proseWorkbook({ achievements: "预算资金192.31万元，全年实际支出158.89万元，支出比预算减少71.38%。" }),
      errors: [{ messageId: "percentMismatch", ref: "基本信息!B17", expected: "17.38%" }],
    },
    {
      name: "由…增加到… with a wrong rate",
      workbook: proseWorkbook({ achievements: "参保人数由40万人增加到42万人，增长10%。" }),
      errors: [{ messageId: "percentMismatch", expected: "5.0%" }],
    },
  ],
});
