import { prosePartsSum } from "../../src/core/rules/prose-parts-sum";
import { ruleTester, runRule } from "../helpers/rule-tester";
import { proseWorkbook } from "../narrative/prose-workbook";

const balance =
  "截止2021年12月，各项医保基金历年累计结余19787.89万元。（职工医保统筹基金结余491.97万元、个人账户结余11548.57万元、居民医保结余7757.35万元）总体来说，基金运行平稳。";

const seed001Counts = "共查处违规定点医药机构 585 家，其中通报批评 60 家，暂停医保服务 102 家，解除服务协议 25 家，移交其他部门处理 16 家，约谈 314 家，限期整改 372 家。";

ruleTester.run(prosePartsSum, {
  valid: [
    { name: "seed 000: 1911.06 = 420.05 + 270.79 + 1220.22", workbook: proseWorkbook({ achievements: "局机关基本支出1911.06万元，其中：工资福利支出420.05万元、一般商品和服务支出270.79万元、对个人和家庭的补助1220.22万元。" }) },
    { name: "seed 002: 1707.31 ≈ 103.86 + 1603.44 within rounding", workbook: proseWorkbook({ achievements: "全年执行1707.31万元，其中，基本支出103.86万元，项目支出1603.44万元。" }) },
    { name: "seed 002: counts between the money parts are another list", workbook: proseWorkbook({ achievements: "城乡医疗救助共支出1569.37万元，其中医疗救助1.8万人次，医疗救助基金支出1449.1万元；资助参保3511人，资助金额120.27万元。" }) },
    { name: "seed 003: 其中 opening the next sentence", workbook: proseWorkbook({ achievements: "医疗保障管理事务支出决算为688万元，完成预算100%。其中：行政运行313万元、一般行政管理事务90万元、医疗保障政策管理10万元、医疗保障经办事务149万元、其他医疗保障管理事务126万元。" }) },
    { name: "a corrected bracketed breakdown", workbook: proseWorkbook({ achievements: balance.replace("19787.89", "19797.89") }) },
    { name: "parts in 亿元 and 万元", workbook: proseWorkbook({ achievements: "支出合计1.5亿元，其中：基本支出5000万元、项目支出1亿元。" }) },
    {
      name: "seed 001: several measures per entity are not parts of one whole",
      workbook: proseWorkbook({ achievements: "结转到 2020 年度 33.42 万元。其中局机关预算资金 149.31 万元，支出 133.89 万元，结转到 2020 年度 15.42 万元；职工医保中心预算资金 33 万元，支出 15 万元，结转到 2020 年度 18 万元。" }),
    },
    { name: "seed 001: overlapping counts are not checked by default", workbook: proseWorkbook({ achievements: seed001Counts }) },
    { name: "seed 001: 预算 192.31 = 支出 158.89 + 结转 33.42", workbook: proseWorkbook({ achievements: "2019年共实施预算项目9个，预算资金192.31万元，支出158.89万元，预算执行率为83%，结转到2020年度33.42万元。" }) },
    {
      name: "seed 001: one balance per unit between semicolons",
      workbook: proseWorkbook({ achievements: "其中局机关预算资金149.31万元，支出133.89万元，结转到2020年度15.42万元；职工医保中心预算资金33万元，支出15万元，结转到2020年度18万元。" }),
    },
    { name: "结转 and 结余 both stated: not one balance", workbook: proseWorkbook({ achievements: "预算资金100万元，支出80万元，结转15万元，结余5万元。" }) },
    {
      name: "a list after a colon whose parts add up to the whole",
      workbook: proseWorkbook({ achievements: "各项开支1000万元，主要用于以下方面：甲类开支300万元，占30%；乙类开支600万元，占60%；丙类开支100万元，占10%。" }),
    },
    {
      name: "a list after a colon that misses the whole with nothing to vouch for the parts (主要用于 may leave some out)",
      workbook: proseWorkbook({ achievements: "各项开支1100万元，主要用于以下方面：甲类开支300万元；乙类开支600万元；丙类开支100万元。" }),
    },
    { name: "a list that says it is incomplete (等)", workbook: proseWorkbook({ achievements: "项目支出28545.3万元，其中：医疗救助7276万元、经办能力5508万元等。" }) },
  ],
  invalid: [
    {
      name: "seed 001: 结转 37.76 is not 192.31 − 158.89",
      workbook: proseWorkbook({ achievements: "2019年共实施预算项目9个，预算资金192.31万元，支出158.89万元，预算执行率为83%，结转到2020年度37.76万元。" }),
      errors: [{ messageId: "balanceMismatch", ref: "基本信息!B17", expected: "33.42万元" }],
    },
    {
      name: "seed 001: the second unit's balance of a semicolon list",
      workbook: proseWorkbook({ achievements: "其中局机关预算资金149.31万元，支出133.89万元，结转到2020年度15.42万元；职工医保中心预算资金33万元，支出15万元，结转到2020年度21万元。" }),
      errors: [{ messageId: "balanceMismatch", expected: "18万元" }],
    },
    {
      name: "seed 000: the bracketed parts add up to 19797.89, not 19787.89",
      workbook: proseWorkbook({ achievements: balance }),
      errors: [{ messageId: "sumMismatch", ref: "基本信息!B17", field: "jx_achievements", expected: "19797.89万元" }],
    },
    {
      name: "seed 000: 215.73 + 122.71 = 338.44 is not 346.77",
      workbook: proseWorkbook({ achievements: "基本支出346.77元，其中：工资福利支出215.73万元、一般商品和服务支出122.71万元。" }),
      errors: [{ messageId: "sumMismatch", expected: "338.44万元" }],
    },
    {
      name: "seed 003: one part in 元 (基本支出442.18元) whose digits make the sum: the part's unit, with a fix",
      workbook: proseWorkbook({ problems: "2020年本年支出合计848.75万元，其中：人员支出442.18元，项目支出406.57万元。" }),
      errors: [{ messageId: "partUnitMistake", ref: "基本信息!B18", expected: "442.18万元" }],
    },
    {
      name: "parts whose digits add up but whose whole has another unit",
      workbook: proseWorkbook({ problems: "基本支出346.77元，其中：人员支出224.06万元、公用支出122.71万元。" }),
      errors: [{ messageId: "unitMismatch", ref: "基本信息!B18", expected: "346.77万元" }],
    },
    {
      name: "a 其中 list whose parts make the tables' 全年执行数 under a wrong whole: the whole, with the table's figure",
      workbook: proseWorkbook({ achievements: "局机关及二级机构各项开支30830.13万元，其中：基本支出2257.83万元，项目支出28545.3万元。" }),
      errors: [{ messageId: "wholeMismatchTable", ref: "基本信息!B17", expected: "30803.13万元" }],
    },
    {
      name: "a list after a colon (主要用于以下方面：) whose parts make the tables' total: the whole, once",
      workbook: proseWorkbook({ achievements: "局机关及二级机构各项开支30830.13万元，主要用于以下方面：基本支出2257.83万元，占7.33%；项目支出28545.3万元，占92.67%。" }),
      errors: [{ messageId: "wholeMismatchTable", ref: "基本信息!B17", expected: "30803.13万元" }],
    },
    {
      name: "a 其中 list that is also opened with a colon (其中用于：): one finding, not two",
      workbook: proseWorkbook({ achievements: "局机关及二级机构各项开支30830.13万元，其中用于：基本支出2257.83万元；项目支出28545.3万元。" }),
      errors: [{ messageId: "wholeMismatchTable", ref: "基本信息!B17", expected: "30803.13万元" }],
    },
    {
      name: "a list after a colon whose shares are worked out of the parts' sum, not the whole",
      workbook: proseWorkbook({ achievements: "各项开支1100万元，主要用于以下方面：甲类开支300万元，占30%；乙类开支600万元，占60%；丙类开支100万元，占10%。" }),
      errors: [{ messageId: "wholeMismatchShares", ref: "基本信息!B17", expected: "1000万元" }],
    },
    {
      name: "counts, when the counts option is on",
      workbook: proseWorkbook({ achievements: "在职人员33人，其中：行政编制8人、事业编制24人。" }),
      options: { counts: true },
      errors: [{ messageId: "sumMismatch", expected: "32人" }],
    },
    {
      name: "an incomplete list whose parts exceed the whole",
      workbook: proseWorkbook({ achievements: "项目支出2000万元，其中：医疗救助1500万元、经办能力800万元等。" }),
      errors: [{ messageId: "sumMismatch", expected: "2300万元" }],
    },
  ],
});

test("the message names the whole and the sum", () => {
  const [f] = runRule(prosePartsSum, { name: "m", workbook: proseWorkbook({ achievements: balance }) });
  expect(f.data).toMatchObject({ whole: "19787.89万元", sum: "19797.89万元" });
});
