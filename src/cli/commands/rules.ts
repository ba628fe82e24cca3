/**
 * `jixiao rules test RULES --on FILE`: run a bureau's 审核公式 (a rule file, or a workbook's own jx_rules
 * sheet) on one workbook and show each rule's result — 成立, 不成立 (with both sides), 不适用 (the workbook has
 * no such part), 无法执行 (the rule is malformed) or 计算出错. Exit 0 when every rule runs and holds, 1 when a
 * rule does not hold, 2 when a rule cannot run or a file cannot be read.
 */
import type { Command } from "commander";
import type { CliIo } from "../io";
import { CliError } from "../io";

/** Register `jixiao rules test`. The work is loaded only when the command runs. */
export function register(program: Command, io: CliIo): void {
  const rules = program.command("rules").description("财政局审核公式（规则即数据）：试运行、检查写法");
  rules
    .command("test")
    .argument("<rules>", "审核公式文件（.xlsx 或 .csv），或带 jx_rules 工作表的模板")
    .requiredOption("--on <file>", "在哪个工作簿上试运行")
    .description("在一个工作簿上逐条运行审核公式，显示每条的结果")
    .action(async (rulesFile: string, flags: { on: string }) => {
      io.setExitCode(await runRulesTest(rulesFile, flags.on, io));
    });
}

/** Run `jixiao rules test`; returns the exit code. */
export async function runRulesTest(rulesFile: string, on: string, io: CliIo): Promise<number> {
  const [{ loadRuleFile }, { readXlsxFile }, { mapWorkbook }, { tryRules }] = await Promise.all([
    import("../rules-file"),
    import("../../hosts/xlsx"),
    import("../../core/mapping"),
    import("../../core/audit/rules"),
  ]);
  const rules = await loadRuleFile(rulesFile);
  if (rules.length === 0) throw new CliError(`“${rulesFile}”中没有审核公式（no rules）`);
  let snapshot;
  try {
    snapshot = await readXlsxFile(on);
  } catch (err) {
    throw new CliError(`无法读取“${on}”：${err instanceof Error ? err.message : String(err)}`);
  }
  const trials = tryRules(rules, mapWorkbook(snapshot));
  const lines = [`审核公式：${rulesFile}（${rules.length} 条），工作簿：${on}`, ""];
  for (const t of trials) {
    lines.push(`${t.rule.id}  [${t.rule.level ?? t.rule.levelText}]  ${t.result}${t.why ? `：${t.why}` : ""}`);
    lines.push(`    ${t.rule.description}`);
    lines.push(`    ${t.rule.formula.startsWith("=") ? t.rule.formula : `=${t.rule.formula}`}`);
  }
  const count = (r: string): number => trials.filter((t) => t.result === r).length;
  lines.push("");
  lines.push(`成立 ${count("成立")} 条，不成立 ${count("不成立")} 条，不适用 ${count("不适用")} 条，无法执行 ${count("无法执行")} 条，计算出错 ${count("计算出错")} 条。`);
  io.stdout(`${lines.join("\n")}\n`);
  if (count("无法执行") > 0) return 2;
  return count("不成立") + count("计算出错") > 0 ? 1 : 0;
}
