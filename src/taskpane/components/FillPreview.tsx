import type { JSX } from "react";
import { Button, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import type { CellValue } from "../../core";
import type { FillPlan } from "../services";
import { useStrings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { tableLayout: "auto", width: "100%" },
  cell: { overflowWrap: "anywhere" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/**
 * How a cell value reads in the preview: as the clerk will see it in the cell, so a rate written with a
 * `0.00%` format shows as 99.71%, not 0.9971.
 */
export function showValue(v: CellValue, empty: string, numberFormat?: string): string {
  if (v === null || v === "") return empty;
  if (typeof v === "number") {
    const percent = numberFormat ? /0(?:\.(0+))?%/.exec(numberFormat) : null;
    if (percent) return `${(v * 100).toFixed(percent[1]?.length ?? 0)}%`;
    return String(Math.round(v * 1e6) / 1e6);
  }
  return String(v);
}

/** The cells 自动计算 will write, old → new, then 应用 or 取消. */
export function FillPreview({ plan, disabled, onApply, onCancel }: { plan: FillPlan; disabled: boolean; onApply: () => void; onCancel: () => void }): JSX.Element {
  const { s, t } = useStrings();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={t("fillPreviewTitle", { count: plan.writes.length })}>
      <Subtitle2 as="h3">{t("fillPreviewTitle", { count: plan.writes.length })}</Subtitle2>
      <Table size="extra-small" className={styles.table} aria-label={t("fillPreviewTitle", { count: plan.writes.length })}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{s.cellLabel}</TableHeaderCell>
            <TableHeaderCell>{s.fillChangeHeader}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {plan.writes.map((w) => (
            <TableRow key={w.cell} title={w.reason}>
              <TableCell className={styles.cell}>{w.cell}</TableCell>
              <TableCell className={styles.cell} data-testid="fill-change">
                {showValue(w.oldValue, s.notFound, w.numberFormat ?? w.write.numberFormat)} → {showValue(w.newValue, s.notFound, w.numberFormat ?? w.write.numberFormat)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={disabled} onClick={onApply}>
          {s.actionApply}
        </Button>
        <Button disabled={disabled} onClick={onCancel}>
          {s.actionCancel}
        </Button>
      </div>
    </section>
  );
}
