/**
 * Which part of a workbook of several project forms reads which prose of its report sheet
 * (narrative/prose-projects.ts): λ, two 四川 forms stacked on one sheet, with a 综述 sheet beside them.
 */
import { mapWorkbook } from "../../src/core/mapping";
import { proseCells } from "../../src/core/narrative/prose-cells";
import { copyBook, SheetWriter, snapshotOf } from "../forms-corpus/book";
import { buildCorpus } from "../forms-corpus/corpus";

const LAMBDA = buildCorpus().find((c) => c.file === "sichuan-system")!.book;

/** The 综述 texts each part reads (its own sheets' prose left out), first part first. */
function readBy(cells: readonly string[]): string[][] {
  const book = copyBook(LAMBDA);
  const w = new SheetWriter("综述");
  cells.forEach((v, i) => w.text(`A${i + 1}`, v));
  book.sheets.push(w.spec);
  const model = mapWorkbook(snapshotOf(book));
  expect(model.parts).toHaveLength(2);
  return model.parts!.map((p) => proseCells(p).filter((c) => c.ref.sheet === "综述").map((c) => `${c.ref.address} ${c.text}`));
}

test("a paragraph naming one project (by name, by 项目编码) goes to that project's part only", () => {
  expect(
    readBy([
      "工资性支出项目全年调整后预算251.89万元，实际支出251.89万元。",
      "医保经办能力提升项目全年调整后预算85.60万元，实际支出74.05万元。",
      "项目编码51000021T000000203317：预算执行率86.51%。",
    ]),
  ).toEqual([
    ["A1 工资性支出项目全年调整后预算251.89万元，实际支出251.89万元。"],
    ["A2 医保经办能力提升项目全年调整后预算85.60万元，实际支出74.05万元。", "A3 项目编码51000021T000000203317：预算执行率86.51%。"],
  ]);
});

test("prose naming no project, several at once, or one only after a figure stays with the first part, as before", () => {
  const texts = [
    "本年度共对2个项目开展绩效自评，全年预算合计337.49万元。",
    "工资性支出、医保经办能力提升项目均已完成，自评等次均为优。",
    "全年预算85.60万元的医保经办能力提升项目执行率偏低。",
  ];
  expect(readBy(texts)).toEqual([texts.map((t, i) => `A${i + 1} ${t}`), []]);
});

test("one cell naming both projects in turn: each part reads its own run of sentences", () => {
  const text = "2023年度自评情况如下。\n工资性支出：执行率100.00%。\n医保经办能力提升项目：执行率86.51%；得分8.65分。";
  expect(readBy([text])).toEqual([["A1 2023年度自评情况如下。\n工资性支出：执行率100.00%。\n"], ["A1 医保经办能力提升项目：执行率86.51%；得分8.65分。"]]);
});

test("a heading naming a project carries to the paragraphs under it, until a heading naming none", () => {
  expect(readBy(["（二）医保经办能力提升项目", "全年实际支出74.05万元，执行率86.51%。", "三、存在的问题", "宣传不够深入，部分经办人员业务能力有待提升。"])).toEqual([
    ["A4 宣传不够深入，部分经办人员业务能力有待提升。"],
    ["A2 全年实际支出74.05万元，执行率86.51%。"],
  ]);
});
