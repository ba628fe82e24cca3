import type { JSX } from "react";
import { Button, Caption1, Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, LocationRegular } from "@fluentui/react-icons";
import type { CellRef, Outcome, Report } from "../../core";
import { localizeMessage } from "../../core/i18n";
import { useStrings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  passed: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorPaletteGreenBorder2,
  },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  links: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  conclusion: { fontWeight: tokens.fontWeightSemibold },
});

/** The CLI's conclusion line, in the pane. */
export function conclusionKey(outcome: Outcome): { key: "conclusionUnrecognised" | "conclusionBlank" | "conclusionCrashed" | "conclusionErrors" | "conclusionPassed"; data: Record<string, number> } {
  if (outcome.kind === "unrecognised") return { key: "conclusionUnrecognised", data: {} };
  if (outcome.kind === "blank") return { key: "conclusionBlank", data: {} };
  if (outcome.errors === 0 && outcome.crashed > 0) return { key: "conclusionCrashed", data: { count: outcome.crashed } };
  if (outcome.kind === "errors") return { key: "conclusionErrors", data: { errors: outcome.errors } };
  return { key: "conclusionPassed", data: {} };
}

/**
 * What the check means before export: 未识别 (offer the template and the mapping), 尚未填写 (what to
 * fill, each with 定位), 通过 (the only one that says 可以导出), or the conclusion line over the list.
 */
export function OutcomePanel({
  outcome,
  report,
  canSelect,
  disabled,
  onLocate,
  onOpenMapping,
}: {
  outcome: Outcome;
  report: Report;
  canSelect: boolean;
  disabled: boolean;
  onLocate: (at: CellRef) => void;
  onOpenMapping: () => void;
}): JSX.Element {
  const { s, t, locale } = useStrings();
  const styles = useStyles();
  const c = conclusionKey(outcome);
  // Sheets left out of the check (hidden, last year's): 未识别 shows no findings, but these say where the
  // form may be (a workbook whose only form is hidden is not “no form”).
  const skipped = report.findings.filter((f) => f.ruleId === "sheet-not-checked");
  const conclusion = (
    <Text as="p" className={styles.conclusion} data-testid="conclusion" data-outcome={outcome.kind}>
      {t(c.key, c.data)}
    </Text>
  );
  if (outcome.kind === "unrecognised") {
    return (
      <section className={styles.root} aria-label={s.outcomeUnrecognisedTitle}>
        <MessageBar intent="warning" layout="multiline" aria-label={s.outcomeUnrecognisedTitle}>
          <MessageBarBody>
            <MessageBarTitle>{s.outcomeUnrecognisedTitle}</MessageBarTitle>
            {t("outcomeUnrecognisedBody", { found: outcome.recognised, total: outcome.total })}
          </MessageBarBody>
        </MessageBar>
        {skipped.length ? (
          <ul className={styles.list} data-testid="skipped-sheets">
            {skipped.map((f) => (
              <li key={`${f.sheet}!${f.ref}`} className={styles.item}>
                <Text>{localizeMessage(f, locale)}</Text>
              </li>
            ))}
          </ul>
        ) : null}
        <div className={styles.links}>
          <Link href="assets/templates/jixiao-dept.xlsx" download>
            {s.actionUseTemplateDept}
          </Link>
          <Link href="assets/templates/jixiao-project.xlsx" download>
            {s.actionUseTemplateProject}
          </Link>
          <Link as="button" onClick={onOpenMapping}>
            {s.actionOpenMapping}
          </Link>
        </div>
        {conclusion}
      </section>
    );
  }
  if (outcome.kind === "blank") {
    return (
      <section className={styles.root} aria-label={s.outcomeBlankTitle}>
        <MessageBar intent="info" layout="multiline" aria-label={s.outcomeBlankTitle}>
          <MessageBarBody>
            <MessageBarTitle>{s.outcomeBlankTitle}</MessageBarTitle>
            {t("outcomeBlankBody", { found: outcome.recognised, total: outcome.total })}
          </MessageBarBody>
        </MessageBar>
        <ul className={styles.list} aria-label={s.outcomeBlankTitle} data-testid="missing-inputs">
          {outcome.missing.map((m) => (
            <li key={m.id} className={styles.item}>
              <Text>{m.label}</Text>
              {canSelect && m.at ? (
                <Button size="small" appearance="subtle" icon={<LocationRegular />} disabled={disabled} aria-label={`${s.actionLocate} ${m.label}`} onClick={() => m.at && onLocate(m.at)}>
                  {s.actionLocate}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {conclusion}
      </section>
    );
  }
  if (outcome.kind === "passed") {
    return (
      <section className={styles.passed} aria-label={s.allClear}>
        <div className={styles.row}>
          <CheckmarkCircleFilled fontSize={24} color={tokens.colorPaletteGreenForeground1} aria-hidden />
          <Text as="h2" size={400} weight="semibold">
            {s.allClear}
          </Text>
        </div>
        <Caption1>{t(outcome.warnings + outcome.infos > 0 ? "outcomePassedWarnings" : "outcomePassedBody", { rules: report.stats.rules })}</Caption1>
        {conclusion}
      </section>
    );
  }
  return conclusion;
}
