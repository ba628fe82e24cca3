import type { JSX } from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { showCell } from "../../core/fix";
import { groupNumbersIn } from "../../core/i18n";
import type { FixPreviewState } from "../hooks/usePane";
import { useStrings } from "../strings";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  ref: { whiteSpace: "nowrap" },
  change: { overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The fix preview: every cell the fix writes, old → new as the clerk will see it, then 应用修复 or
 * 取消. A 全部修复 batch is one preview.
 */
export default function FixPreview({
  preview,
  disabled,
  onApply,
  onCancel,
}: {
  preview: FixPreviewState | undefined;
  disabled: boolean;
  onApply: () => void;
  onCancel: () => void;
}): JSX.Element {
  const { s, t } = useStrings();
  const styles = useStyles();
  const title = t("fixPreviewTitle", { count: preview?.rows.length ?? 0 });
  const descriptions = [...new Set((preview?.findings ?? []).map((f) => groupNumbersIn(f.fix?.description ?? "")))].filter(Boolean);
  return (
    <Dialog
      open={preview !== undefined}
      onOpenChange={(_e, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface style={{ maxWidth: "calc(100vw - 24px)" }} aria-label={title}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {descriptions.length === 1 ? <Text block>{descriptions[0]}</Text> : null}
            {descriptions.length > 1 && descriptions.length <= 5 ? (
              <ul className={styles.list}>
                {descriptions.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
            <Caption1>{s.fixPreviewHint}</Caption1>
            <Table size="extra-small" aria-label={title}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{s.cellLabel}</TableHeaderCell>
                  <TableHeaderCell>{s.fillChangeHeader}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(preview?.rows ?? []).map((r) => (
                  <TableRow key={r.cell}>
                    <TableCell className={styles.ref}>{r.cell}</TableCell>
                    <TableCell className={styles.change} data-testid="fix-change">
                      {showCell(r.before)} → {showCell(r.after)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={disabled} onClick={onApply}>
              {s.actionApplyFix}
            </Button>
            <Button disabled={disabled} onClick={onCancel}>
              {s.actionCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
