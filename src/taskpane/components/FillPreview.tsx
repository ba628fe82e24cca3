import type { JSX } from "react";
import { useState } from "react";
import { Button, Caption1, Checkbox, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { LocationRegular } from "@fluentui/react-icons";
import type { CellRef, CellValue } from "../../core";
import { showNumberAs } from "../../core/fix";
import type { FillPlan, PlannedWrite } from "../services";
import { useStrings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { tableLayout: "auto", width: "100%" },
  ref: { whiteSpace: "nowrap" },
  cell: { overflowWrap: "anywhere" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  reason: { display: "block", color: tokens.colorNeutralForeground3 },
  rowActions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", alignItems: "center" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * How a cell value reads in the preview: as the clerk will see it in the cell, so a rate written with a
 * `0.00%` format shows as 99.71%, not 0.9971, and money with thousands separators.
 */
export function showValue(v: CellValue, empty: string, numberFormat?: string): string {
  if (v === null || v === "") return empty;
  if (typeof v === "number") return showNumberAs(v, numberFormat);
  return String(v);
}

function ChangeTable({
  rows,
  label,
  choose,
  canSelect,
  disabled,
  onLocate,
}: {
  rows: readonly PlannedWrite[];
  label: string;
  /** Conflicts: a per-cell choice to overwrite. */
  choose?: { readonly chosen: ReadonlySet<string>; toggle(cell: string): void };
  canSelect: boolean;
  disabled: boolean;
  onLocate: (at: CellRef) => void;
}): JSX.Element {
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
              <TableCell className={styles.ref}>{w.cell}</TableCell>
              <TableCell className={styles.cell}>
                <div data-testid="fill-change">
                  {showValue(w.oldValue, s.notFound, format)} → {showValue(w.newValue, s.notFound, format)}
                </div>
                {w.reason ? <Caption1 className={styles.reason}>{w.reason}</Caption1> : null}
                {choose || canSelect ? (
                  <div className={styles.rowActions}>
                    {canSelect ? (
                      <Button size="small" appearance="subtle" icon={<LocationRegular />} disabled={disabled} aria-label={`${s.actionLocate} ${w.cell}`} onClick={() => onLocate(w.write.at)}>
                        {s.actionLocate}
                      </Button>
                    ) : null}
                    {choose && !w.formula ? (
                      <Checkbox
                        label={s.actionOverwrite}
                        aria-label={`${s.actionOverwrite} ${w.cell}`}
                        checked={choose.chosen.has(w.cell)}
                        disabled={disabled}
                        onChange={() => choose.toggle(w.cell)}
                      />
                    ) : null}
                  </div>
                ) : null}
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
 * already hold a different value are listed apart with 定位 and a per-cell 覆盖 (not written unless
 * chosen; a formula cell never). Computed cells that wait for an input say which.
 */
export default function FillPreview({
  plan,
  disabled,
  canSelect,
  onApply,
  onCancel,
  onLocate,
}: {
  plan: FillPlan;
  disabled: boolean;
  canSelect: boolean;
  onApply: (overwrite: readonly string[]) => void;
  onCancel: () => void;
  onLocate: (at: CellRef) => void;
}): JSX.Element {
  const { s, t } = useStrings();
  const styles = useStyles();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (cell: string): void => {
    const next = new Set(chosen);
    if (next.has(cell)) next.delete(cell);
    else next.add(cell);
    setChosen(next);
  };
  const count = plan.writes.length + chosen.size;
  const title = t("fillPreviewTitle", { count });
  const conflictsTitle = t("fillConflictsTitle", { count: plan.conflicts.length });
  const blocked = plan.blocked ?? [];
  return (
    <section className={styles.root} aria-label={title}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      {plan.writes.length > 0 ? <ChangeTable rows={plan.writes} label={title} canSelect={false} disabled={disabled} onLocate={onLocate} /> : null}
      {plan.conflicts.length > 0 ? (
        <>
          <Subtitle2 as="h3">{conflictsTitle}</Subtitle2>
          <Caption1>{s.fillOverwriteHint}</Caption1>
          <ChangeTable rows={plan.conflicts} label={conflictsTitle} choose={{ chosen, toggle }} canSelect={canSelect} disabled={disabled} onLocate={onLocate} />
        </>
      ) : null}
      {blocked.length > 0 ? (
        <>
          <Subtitle2 as="h3">{t("fillBlockedTitle", { count: blocked.length })}</Subtitle2>
          <ul className={styles.list} data-testid="fill-blocked">
            {blocked.map((b, i) => (
              <li key={`${b.cell ?? b.what}-${i}`}>
                <Text>{t("fillBlocked", { what: b.cell ? `${b.what}（${b.cell}）` : b.what, missing: b.missing.join("、") })}</Text>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={disabled || count === 0} onClick={() => onApply([...chosen])}>
          {s.actionApply}
        </Button>
        <Button disabled={disabled} onClick={onCancel}>
          {s.actionCancel}
        </Button>
      </div>
    </section>
  );
}
