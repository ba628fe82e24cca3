import { gradeMatchesBand } from "../../src/core/rules/grade-matches-band";
import { ruleTester } from "../helpers/rule-tester";
import { scoreBook, withIndicator } from "../core/scoring/score-workbook";
import { patch, summaryRows } from "../core/forms/fixtures";
import { buildWorkbook } from "../helpers/workbook-builder";

ruleTester.run(gradeMatchesBand, {
  valid: [
    { name: "99.29 is 优", workbook: scoreBook() },
    { name: "优秀 is accepted for 优", workbook: scoreBook({ scalars: { jx_grade: "优秀" } }) },
    { name: "湖南 writes 优秀", workbook: scoreBook({ profile: "湖南", scalars: { jx_grade: "优秀" } }) },
    { name: "90 exactly is 优 (lower bound inclusive)", workbook: scoreBook({ scalars: { jx_score_total: 90 } }) },
    // The written 综合得分 is the slip (total-score-matches reports it; the 得分汇总 agrees with the parts):
    // the grade follows the sum, 99.29, and is right — judged against 89.99 its fix would contradict the total's.
    { name: "优 for a 综合得分 of 89.99 that is not the sum of its parts (99.29): the total is the slip", workbook: scoreBook({ scalars: { jx_score_total: 89.99 } }) },
  ],
  invalid: [
    {
      name: "no grade written beside a 综合得分: a gap, with the band's grade offered (never an all-clear)",
      workbook: scoreBook({ scalars: { jx_grade: "" } }),
      errors: [{ messageId: "gradeBlank", ref: "自评表!B7", expected: "优" }],
    },
    {
      name: "良 for 99.29",
      workbook: scoreBook({ scalars: { jx_grade: "良" } }),
      errors: [{ messageId: "gradeMismatch", ref: "自评表!B7", field: "jx_grade", expected: "优", fix: { "自评表!B7": "优" } }],
    },
    {
      name: "优 for 89.99",
      // 医保基金安全 得分 5.70: the parts add up to the 89.99 written.
      workbook: scoreBook({ scalars: { jx_score_total: 89.99 }, indicators: withIndicator(5, 7, 5.7), summary: null }),
      errors: [{ messageId: "gradeMismatch", ref: "自评表!B7", expected: "良", fix: { "自评表!B7": "良" } }],
    },
    {
      name: "湖南: 优秀 for 85 becomes 良好",
      // 医保基金安全 得分 0.71: the parts add up to the 85 written.
      workbook: scoreBook({ profile: "hunan", scalars: { jx_score_total: 85, jx_grade: "优秀" }, indicators: withIndicator(5, 7, 0.71), summary: null }),
      errors: [{ messageId: "gradeMismatch", ref: "自评表!B7", expected: "良好", fix: { "自评表!B7": "良好" } }],
    },
  ],
});

describe("a 项目汇总表's 自评结果 against its own 自评得分", () => {
  ruleTester.run(gradeMatchesBand, {
    valid: [{ name: "优 for 100 and 99.5", workbook: buildWorkbook({ 项目汇总: summaryRows() }) }],
    invalid: [{ name: "优 for 81.99", workbook: buildWorkbook({ 项目汇总: patch(summaryRows(), { I5: 81.99 }) }), errors: [{ messageId: "gradeMismatch", ref: "项目汇总!J5", field: "jx_projects.grade" }] }],
  });
  // A 自评得分 of 819.9 (a slipped decimal point) is no project's score: score-within-weight reports it at
  // the score; the 良 beside it is not blamed for a score no grade could follow.
  ruleTester.run(gradeMatchesBand, {
    valid: [
      { name: "良 beside an impossible 819.9 (81.99 slipped)", workbook: buildWorkbook({ 项目汇总: patch(summaryRows(), { I5: 819.9, J5: "良" }) }) },
      { name: "良 beside an impossible 8199", workbook: buildWorkbook({ 项目汇总: patch(summaryRows(), { I5: 8199, J5: "良" }) }) },
    ],
    invalid: [],
  });
});

// Grades as clerks type them by hand: a label before the grade, the score in brackets beside it.
describe("a grade typed with a label or with its score", () => {
  ruleTester.run(gradeMatchesBand, {
    valid: [
      { name: "“等次：优秀” for 99.29", workbook: scoreBook({ scalars: { jx_grade: "等次：优秀" } }) },
      { name: "“优（99.29分）” for 99.29", workbook: scoreBook({ scalars: { jx_grade: "优（99.29分）" } }) },
      { name: "a 汇总 row's “优（99.5分）”", workbook: buildWorkbook({ 项目汇总: patch(summaryRows(), { J5: "优（99.5分）" }) }) },
    ],
    invalid: [
      { name: "“等次：良好” for 99.29", workbook: scoreBook({ scalars: { jx_grade: "等次：良好" } }), errors: [{ messageId: "gradeMismatch" }] },
      { name: "a 汇总 row's “优（81.99分）” for 81.99", workbook: buildWorkbook({ 项目汇总: patch(summaryRows(), { I5: 81.99, J5: "优（81.99分）" }) }), errors: [{ messageId: "gradeMismatch", ref: "项目汇总!J5" }] },
    ],
  });
});

// The score typed in the grade cell is the 综合得分 (or the row's 自评得分) written a second time.
describe("the score typed in the grade cell", () => {
  ruleTester.run(gradeMatchesBand, {
    valid: [{ name: "“优（99.29分）” for 99.29", workbook: scoreBook({ scalars: { jx_grade: "优（99.29分）" } }) }],
    invalid: [
      {
        name: "“优（95.50分）” for 99.29: the band is right, the score in the cell is not",
        workbook: scoreBook({ scalars: { jx_grade: "优（95.50分）" } }),
        errors: [{ messageId: "gradeScoreMismatch", ref: "自评表!B7", field: "jx_grade", expected: "99.29", fix: { "自评表!B7": "优（99.29分）" } }],
      },
      { name: "a 汇总 row's “优（98分）” beside 100", workbook: buildWorkbook({ 项目汇总: patch(summaryRows(), { J5: "优（98分）" }) }), errors: [{ messageId: "gradeScoreMismatch", ref: "项目汇总!J5", field: "jx_projects.grade" }] },
    ],
  });
});

// 一般 is 中 and 较差 is 差 (provinces grading 优秀 / 良好 / 一般 / 较差).
describe("grade words 优秀 / 良好 / 一般 / 较差", () => {
  ruleTester.run(gradeMatchesBand, {
    valid: [{ name: "“一般” for 75 (一般 = 中)", workbook: scoreBook({ scalars: { jx_score_total: 75, jx_grade: "一般" }, indicators: withIndicator(5, 7, 0.71), summary: null }) }],
    invalid: [
      {
        // The form writes the long words (一般): the grade it should have, and the fix, are 良好, not 良.
        name: "“一般” for 85: 良好, in the form's own words",
        workbook: scoreBook({ scalars: { jx_score_total: 85, jx_grade: "一般" }, indicators: withIndicator(5, 7, 0.71), summary: null }),
        errors: [{ messageId: "gradeMismatch", expected: "良好" }],
      },
      {
        name: "“良” for 95: 优, the form showing only the short words",
        workbook: scoreBook({ scalars: { jx_score_total: 95, jx_grade: "良" }, indicators: withIndicator(5, 7, 0.71), summary: null }),
        errors: [{ messageId: "gradeMismatch", expected: "优" }],
      },
    ],
  });
});

// Bands written on the form itself grade it: “85分（含）以上为优，75（含）-85分为良…”.
describe("grade bands written on the form", () => {
  const note = "评价等级：85分（含）以上为优，75（含）-85分为良，60（含）-75分为中，60分以下为差。";
  const withNote = (scalars: Record<string, string | number>): ReturnType<typeof scoreBook> => {
    const wb = scoreBook({ scalars, indicators: withIndicator(5, 7, 0.71), summary: null });
    const sheet = wb.sheets[0];
    return { ...wb, sheets: [{ ...sheet, cells: { ...sheet.cells, D1: { value: note } } }, ...wb.sheets.slice(1)] };
  };
  ruleTester.run(gradeMatchesBand, {
    valid: [{ name: "优 for 85 by the form's bands (良 by the national ones)", workbook: withNote({ jx_score_total: 85, jx_grade: "优" }) }],
    invalid: [{ name: "良 for 85 by the form's bands", workbook: withNote({ jx_score_total: 85, jx_grade: "良" }), errors: [{ messageId: "gradeMismatch", expected: "优" }] }],
  });
});
