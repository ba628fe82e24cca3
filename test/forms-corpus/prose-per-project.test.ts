/**
 * A report sheet (综述) beside SEVERAL project forms, written as clerks write it: one paragraph per project,
 * the project named at its start (by its name, its name with the 文号 the form adds, or its 项目编码), or a
 * heading row naming the project over its paragraph, or the whole report in one cell with a line per
 * project. Each paragraph is that project's: its figures are checked against its own form, never against
 * the first form of the workbook.
 *
 * Layouts: λ (sichuan-system, two 四川 forms stacked on one sheet, no 汇总), q (project-stacked, two forms
 * stacked on one sheet after a 项目汇总), k (province-sheets, a 汇总 and nine project sheets, two of them
 * named alike but for their 文号) and s (summary-linked, a 汇总 with a 总分 column and three project sheets). For each prose style: the consistent book gains no finding, and a wrong
 * amount, 执行率 or 得分 in the SECOND project's paragraph is found at its prose cell, the message quoting
 * the second project's own figure and cell.
 */
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { copyBook, type BookSpec, SheetWriter, snapshotOf } from "./book";
import { buildCorpus } from "./corpus";
import { checkBook, removeTempDir, show, type SeenFinding } from "./run";

afterAll(removeTempDir);

/** One project's paragraph as the clerk writes it, and how it may be headed. */
interface Paragraph {
  /** The paragraph, naming the project at its start. */
  readonly text: string;
  /** A heading row naming the project, and the paragraph under it without the name. */
  readonly heading: string;
  readonly body: string;
}

/** A wrong figure planted in the second project's paragraph, and what the finding must quote of its form. */
interface Plant {
  readonly what: string;
  readonly from: string;
  readonly to: string;
  /** The second project's figure and cell, as the message shows them. */
  readonly quotes: readonly string[];
}

interface Layout {
  readonly file: string;
  readonly title: string;
  readonly paragraphs: readonly [Paragraph, Paragraph];
  readonly plants: readonly Plant[];
  /** Figures of the FIRST project (or the 汇总's totals) no finding about the second paragraph may quote. */
  readonly foreign: readonly string[];
}

const LAYOUTS: readonly Layout[] = [
  {
    file: "sichuan-system",
    title: "2023年度项目支出绩效自评报告",
    paragraphs: [
      {
        text: "一、工资性支出项目。2023年度全年调整后预算251.89万元，实际支出251.89万元，预算执行率100.00%。项目自评得分100分。",
        heading: "（一）工资性支出",
        body: "2023年度全年调整后预算251.89万元，实际支出251.89万元，预算执行率100.00%。项目自评得分100分。",
      },
      {
        text: "二、医保经办能力提升项目。2023年度全年调整后预算85.60万元，实际支出74.05万元，预算执行率86.51%。项目自评得分96.65分。",
        heading: "（二）51000021T000000203317-医保经办能力提升项目",
        body: "2023年度全年调整后预算85.60万元，实际支出74.05万元，预算执行率86.51%。项目自评得分96.65分。",
      },
    ],
    plants: [
      { what: "amount", from: "实际支出74.05万元", to: "实际支出47.05万元", quotes: ["47.05万元", "74.05万元", "项目支出绩效自评表!F31"] },
      { what: "执行率", from: "预算执行率86.51%", to: "预算执行率96.51%", quotes: ["96.51%", "74.05万元 ÷ 85.60万元 应为86.51%"] },
      { what: "得分", from: "自评得分96.65分", to: "自评得分98.65分", quotes: ["98.65分", "96.65分", "项目支出绩效自评表!J43"] },
    ],
    foreign: ["251.89", "100.00%", "100分"],
  },
  {
    file: "project-stacked",
    title: "2019年度项目支出绩效自评报告",
    paragraphs: [
      {
        text: "一、医疗服务与保障能力提升补助资金项目。全年预算数28.00万元，全年执行数12.58万元，预算执行率44.93%。项目自评得分81.99分，评价等次为良。",
        heading: "（一）医疗服务与保障能力提升补助资金",
        body: "全年预算数28.00万元，全年执行数12.58万元，预算执行率44.93%。项目自评得分81.99分，评价等次为良。",
      },
      {
        text: "二、购置应急保障用车项目。全年预算数20.60万元，全年执行数20.60万元，预算执行率100.00%。项目自评得分100分，评价等次为优。",
        heading: "（二）购置应急保障用车",
        body: "全年预算数20.60万元，全年执行数20.60万元，预算执行率100.00%。项目自评得分100分，评价等次为优。",
      },
    ],
    plants: [
      { what: "amount", from: "全年执行数20.60万元", to: "全年执行数26.00万元", quotes: ["26.00万元", "20.60万元", "项目自评表!G31"] },
      { what: "执行率", from: "预算执行率100.00%", to: "预算执行率96.00%", quotes: ["96.00%", "20.60万元 ÷ 20.60万元 应为100.00%"] },
      { what: "得分", from: "自评得分100分", to: "自评得分95分", quotes: ["95分", "综合得分100分", "项目自评表!H44"] },
      { what: "等次", from: "评价等次为优", to: "评价等次为良", quotes: ["“良”", "“优”", "项目自评表!G45"] },
    ],
    foreign: ["28.00", "12.58", "44.93%", "81.99", "48.60", "33.18"],
  },
  {
    file: "province-sheets",
    title: "2019年度项目支出绩效自评报告",
    paragraphs: [
      {
        text: "一、医疗服务与保障能力提升补助资金（承财社[2019]107号）：全年预算数11.61万元，全年执行数11.61万元，预算执行率100.00%。项目自评得分100分，评价等次为优。",
        heading: "（一）医疗服务与保障能力提升补助资金（承财社[2019]107号）",
        body: "全年预算数11.61万元，全年执行数11.61万元，预算执行率100.00%。项目自评得分100分，评价等次为优。",
      },
      {
        text: "二、医疗服务与保障能力提升补助资金（承财社[2019]163号）：全年预算数28.00万元，全年执行数12.58万元，预算执行率44.93%。项目自评得分81.99分，评价等次为良。",
        heading: "（二）医疗服务与保障能力提升补助资金（承财社[2019]163号）",
        body: "全年预算数28.00万元，全年执行数12.58万元，预算执行率44.93%。项目自评得分81.99分，评价等次为良。",
      },
    ],
    plants: [
      { what: "amount", from: "全年预算数28.00万元", to: "全年预算数32.00万元", quotes: ["32.00万元", "28.00万元", "'2.基金监管'!"] },
      { what: "执行率", from: "预算执行率44.93%", to: "预算执行率54.93%", quotes: ["54.93%", "12.58万元 ÷ 28.00万元 应为44.93%"] },
      { what: "得分", from: "自评得分81.99分", to: "自评得分88.99分", quotes: ["88.99分", "综合得分81.99分", "'2.基金监管'!"] },
    ],
    foreign: ["11.61", "192.31", "158.89"],
  },
  {
    file: "summary-linked",
    title: "2019年度项目支出绩效自评报告",
    paragraphs: [
      {
        text: "一、医疗服务与保障能力提升补助资金（承财社[2019]107号）：全年预算数11.61万元，全年执行数11.61万元，预算执行率100.00%。项目自评得分100分，评价等次为优。",
        heading: "（一）医疗服务与保障能力提升补助资金（承财社[2019]107号）",
        body: "全年预算数11.61万元，全年执行数11.61万元，预算执行率100.00%。项目自评得分100分，评价等次为优。",
      },
      {
        text: "二、医疗服务与保障能力提升补助资金（承财社[2019]163号）：全年预算数28.00万元，全年执行数12.58万元，预算执行率44.93%。项目自评得分81.99分，评价等次为良。",
        heading: "（二）医疗服务与保障能力提升补助资金（承财社[2019]163号）",
        body: "全年预算数28.00万元，全年执行数12.58万元，预算执行率44.93%。项目自评得分81.99分，评价等次为良。",
      },
    ],
    plants: [
      { what: "amount", from: "全年预算数28.00万元", to: "全年预算数32.00万元", quotes: ["32.00万元", "28.00万元", "'2.基金监管'!"] },
      { what: "执行率", from: "预算执行率44.93%", to: "预算执行率54.93%", quotes: ["54.93%", "12.58万元 ÷ 28.00万元 应为44.93%"] },
      { what: "得分", from: "自评得分81.99分", to: "自评得分88.99分", quotes: ["88.99分", "综合得分81.99分", "'2.基金监管'!"] },
    ],
    foreign: ["11.61", "48.50", "88.11", "72.69"],
  },
];

const SHEET = "综述";

/** The ways a clerk lays the report out: the cell of each project's paragraph and the sheet's cells. */
const STYLES: readonly { name: string; write: (l: Layout) => { cells: [string, string][]; second: string; first: string } }[] = [
  {
    name: "one paragraph per project, named at its start",
    write: (l) => ({
      cells: [
        ["A1", l.title],
        ["A2", l.paragraphs[0].text],
        ["A3", l.paragraphs[1].text],
      ],
      first: "A2",
      second: "A3",
    }),
  },
  {
    name: "a heading row naming each project over its paragraph",
    write: (l) => ({
      cells: [
        ["A1", l.title],
        ["A2", l.paragraphs[0].heading],
        ["A3", l.paragraphs[0].body],
        ["A4", l.paragraphs[1].heading],
        ["A5", l.paragraphs[1].body],
        ["A6", "三、存在的主要问题"],
        ["A7", "部分项目资金支付进度偏慢，绩效目标设置不够细化。"],
      ],
      first: "A3",
      second: "A5",
    }),
  },
  {
    name: "the whole report in one cell, a line per project",
    write: (l) => ({ cells: [["A1", `${l.title}\n${l.paragraphs[0].text}\n${l.paragraphs[1].text}`]], first: "A1", second: "A1" }),
  },
];

function withReport(base: BookSpec, cells: readonly [string, string][]): BookSpec {
  const book = copyBook(base);
  const w = new SheetWriter(SHEET);
  w.width("A", 100);
  for (const [at, v] of cells) w.text(at, v);
  book.sheets.push(w.spec);
  return book;
}

/** A message quoting every one of `quotes`. */
const quoting = (quotes: readonly string[]): RegExp => new RegExp(quotes.map((q) => `(?=.*${q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`).join(""));
const key = (f: SeenFinding): string => `${f.severity} ${f.rule} ${f.cell}: ${f.message}`;
const corpus = buildCorpus();

describe.each(LAYOUTS.map((l) => [l.file, l] as const))("%s with a 综述 of one paragraph per project", (_file, layout) => {
  const base = corpus.find((c) => c.file === layout.file)!.book;
  let without: Set<string>;
  beforeAll(async () => {
    without = new Set((await checkBook(base, `${layout.file}-bare`)).findings.map(key));
  });

  describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_style, style) => {
    const { cells, first, second } = style.write(layout);

    test("consistent: no finding added (each paragraph read against its own project's form)", async () => {
      const seen = await checkBook(withReport(base, cells), `${layout.file}-report`);
      expect(show(seen.findings.filter((f) => f.severity !== "info" && !without.has(key(f))))).toEqual([]);
    });

    test.each(layout.plants.map((p) => [p.what, p] as const))("the second project's %s wrong → found at its prose cell with its own figures", async (_what, plant) => {
      const planted = cells.map(([at, v]): [string, string] => {
        if (at !== second) return [at, v];
        // In the one-cell report, the figure of the SECOND project's line (the first may state the same).
        const i = v.lastIndexOf(plant.from);
        expect(i).toBeGreaterThanOrEqual(0);
        return [at, v.slice(0, i) + plant.to + v.slice(i + plant.from.length)];
      });
      const seen = await checkBook(withReport(base, planted), `${layout.file}-plant`);
      const added = seen.findings.filter((f) => f.severity !== "info" && !without.has(key(f)));
      const here = added.filter((f) => f.cell === `${SHEET}!${second}` && f.severity === "error");
      // An error there quoting the second project's own figure and cell.
      expect(show(here)).toEqual(expect.arrayContaining([expect.stringMatching(quoting(plant.quotes))]));
      // Read against no other form: nothing quotes the first project's (or the 汇总's) figures, nothing else is added.
      expect(show(added.filter((f) => f.cell.startsWith(`${SHEET}!`) && layout.foreign.some((x) => f.message.includes(x))))).toEqual([]);
      expect(show(added.filter((f) => f.cell !== `${SHEET}!${second}`))).toEqual([]);
      if (first !== second) expect(show(added.filter((f) => f.cell === `${SHEET}!${first}`))).toEqual([]);
    });
  });
});

test("the whole report in one cell: the suggested fix rewrites that cell whole, only the second project's figure changed", () => {
  const l = LAYOUTS[0];
  const base = corpus.find((c) => c.file === l.file)!.book;
  const right = `${l.title}\n${l.paragraphs[0].text}\n${l.paragraphs[1].text}`;
  const wrong = right.slice(0, right.lastIndexOf("预算执行率86.51%")) + "预算执行率96.51%" + right.slice(right.lastIndexOf("预算执行率86.51%") + "预算执行率86.51%".length);
  const found = checkWorkbook(snapshotOf(withReport(base, [["A1", wrong]]))).findings.filter((f) => f.sheet === SHEET);
  expect(found.map((f) => `${f.ruleId} ${f.ref}`)).toEqual(["prose-rate-matches A1"]);
  const writes = found[0].fix?.writes ?? found[0].suggestions?.[0]?.writes;
  expect(writes).toEqual([{ at: { sheet: SHEET, address: "A1" }, value: right }]);
});

/** Both projects in one sentence, joined by “；”, each named before its figures. */
const JOINED: readonly { file: string; text: string; plants: readonly Plant[] }[] = [
  {
    file: "sichuan-system",
    text: "2023年度，工资性支出项目全年调整后预算251.89万元，实际支出251.89万元，预算执行率100.00%，自评总分100分；医保经办能力提升项目全年调整后预算85.60万元，实际支出74.05万元，预算执行率86.51%，自评总分96.65分。",
    plants: [
      { what: "amount", from: "实际支出74.05万元", to: "实际支出47.05万元", quotes: ["47.05万元", "74.05万元", "项目支出绩效自评表!F31"] },
      { what: "执行率", from: "预算执行率86.51%", to: "预算执行率96.51%", quotes: ["96.51%", "74.05万元 ÷ 85.60万元 应为86.51%"] },
      { what: "得分", from: "自评总分96.65分", to: "自评总分98.65分", quotes: ["98.65分", "96.65分", "项目支出绩效自评表!J43"] },
    ],
  },
  {
    file: "project-stacked",
    text: "2019年度，医疗服务与保障能力提升补助资金项目全年预算数28.00万元，全年执行数12.58万元，预算执行率44.93%，自评总分81.99分；购置应急保障用车项目全年预算数20.60万元，全年执行数20.60万元，预算执行率100.00%，自评总分100分。",
    plants: [
      { what: "amount", from: "全年执行数20.60万元", to: "全年执行数26.00万元", quotes: ["26.00万元", "20.60万元", "项目自评表!G31"] },
      { what: "执行率", from: "预算执行率100.00%", to: "预算执行率96.00%", quotes: ["96.00%", "20.60万元 ÷ 20.60万元 应为100.00%"] },
      { what: "得分", from: "自评总分100分", to: "自评总分95分", quotes: ["95分", "综合得分100分", "项目自评表!H44"] },
    ],
  },
];

describe.each(JOINED.map((j) => [j.file, j] as const))("%s: both projects in one sentence joined by “；”", (_file, j) => {
  const base = corpus.find((c) => c.file === j.file)!.book;
  const check = (text: string): string[] => show(
    checkWorkbook(snapshotOf(withReport(base, [["A1", text]])))
      .findings.filter((f) => f.sheet === SHEET && f.severity !== "info")
      .map((f) => ({ rule: f.ruleId, severity: f.severity, cell: `${f.sheet}!${f.ref}`, message: f.message })),
  );
  test("consistent: no finding on the 综述", () => expect(check(j.text)).toEqual([]));
  test.each(j.plants.map((p) => [p.what, p] as const))("the second project's %s wrong → found, quoting its own figures", (_what, p) => {
    const i = j.text.lastIndexOf(p.from);
    expect(check(j.text.slice(0, i) + p.to + j.text.slice(i + p.from.length))).toEqual(expect.arrayContaining([expect.stringMatching(quoting(p.quotes))]));
  });
});
