import type { JSX } from "react";
import { Button, Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import type { CellValue } from "../../core";
import type { FillPlan } from "../services";
import { useStrings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { tableLayout: "auto", width: "100%" },
  cell: { overflowWrap: "anywhere" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  reason: { display: "block", color: tokens.colorNeutralForeground3 },
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

function ChangeTable({ rows, label }: { rows: FillPlan["writes"]; label: string }): JSX.Element {
  const { s } = useStrings();
  const styles = useStyles();
  return (
    <Table size="extra-small" className={styles.table} aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{s.cellLabel}</TableHeaderCell>
          <TableHeaderCell>{s.fillChangeHeader}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((w) => {
          const format = w.numberFormat ?? w.write.numberFormat;
          return (
            <TableRow key={w.cell}>
              <TableCell className={styles.cell}>{w.cell}</TableCell>
              <TableCell className={styles.cell}>
                <div data-testid="fill-change">
                  {showValue(w.oldValue, s.notFound, format)} → {showValue(w.newValue, s.notFound, format)}
                </div>
                {w.reason ? <Caption1 className={styles.reason}>{w.reason}</Caption1> : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/**
 * The cells 自动计算 will write, old → new with how each was computed, then 应用 or 取消. Cells that
 * already hold a different value are listed apart: they are not written (a typed value is the clerk's).
 */
export function FillPreview({ plan, disabled, onApply, onCancel }: { plan: FillPlan; disabled: boolean; onApply: () => void; onCancel: () => void }): JSX.Element {
  const { s, t } = useStrings();
  const styles = useStyles();
  const title = t("fillPreviewTitle", { count: plan.writes.length });
  const conflictsTitle = t("fillConflictsTitle", { count: plan.conflicts.length });
  return (
    <section className={styles.root} aria-label={title}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      {plan.writes.length > 0 ? <ChangeTable rows={plan.writes} label={title} /> : null}
      {plan.conflicts.length > 0 ? (
        <>
          <Subtitle2 as="h3">{conflictsTitle}</Subtitle2>
          <ChangeTable rows={plan.conflicts} label={conflictsTitle} />
        </>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={disabled || plan.writes.length === 0} onClick={onApply}>
          {s.actionApply}
        </Button>
        <Button disabled={disabled} onClick={onCancel}>
          {s.actionCancel}
        </Button>
      </div>
    </section>
  );
}
