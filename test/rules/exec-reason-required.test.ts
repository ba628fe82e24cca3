import { execReasonRequired } from "../../src/core/rules/exec-reason-required";
import { ruleTester } from "../helpers/rule-tester";
import { INDICATORS, scoreBook } from "../core/scoring/score-workbook";

const low = { jx_executed: 1500, jx_exec_rate: "", jx_exec_score: "" } as const;

ruleTester.run(execReasonRequired, {
  valid: [
    { name: "99.74% needs no reason", workbook: scoreBook() },
    {
      name: "87.63% with the reason in 存在的主要问题",
      workbook: scoreBook({ scalars: { ...low, jx_problems: "部分项目因工期延后未按进度支付，年底形成结余。" } }),
    },
    {
      name: "87.63% with the reason on the 预算执行率 row of the indicators",
      workbook: scoreBook({
        scalars: low,
        indicators: [["预算执行率", "", "预算执行率", "", "", "", 10, 8.76, "项目工期延后"], ...INDICATORS],
      }),
    },
  ],
  invalid: [
    {
      name: "87.63% and no reason anywhere",
      workbook: scoreBook({ scalars: low }),
      errors: [{ messageId: "reasonMissing", ref: "自评表!B3", field: "jx_exec_rate" }],
    },
    {
      name: "87.63% and 存在的主要问题 that does not speak of execution",
      workbook: scoreBook({ scalars: { ...low, jx_problems: "绩效管理理念不够强。" } }),
      errors: [{ messageId: "reasonMissing", ref: "自评表!B3" }],
    },
    {
      name: "the 预算执行率 row has an empty 偏差原因",
      workbook: scoreBook({
        scalars: low,
        indicators: [["预算执行率", "", "预算执行率", "", "", "", 10, 8.76, ""], ...INDICATORS],
      }),
      errors: [{ messageId: "reasonMissing", ref: "自评表!I11", field: "jx_indicators.reason" }],
    },
  ],
});
