import type { JSX } from "react";
import { useState } from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Text, Textarea } from "@fluentui/react-components";
import type { Finding } from "../../core";
import { formatRef } from "../../core/model/address";
import { localizeMessage } from "../../core/i18n";
import { useStrings, type StringKey } from "../strings";

const TITLE: Readonly<Record<Finding["severity"], StringKey>> = { error: "ignoreDialogTitleError", warning: "ignoreDialogTitleWarning", info: "ignoreDialogTitleInfo" };

/**
 * Asks for the reason before a finding is ignored (the reason is kept in the workbook). Titled by the
 * finding's severity: 忽略这条错误 / 警告 / 提示.
 */
export default function IgnoreDialog({ finding, onConfirm, onCancel }: { finding: Finding | undefined; onConfirm: (reason: string) => void; onCancel: () => void }): JSX.Element {
  const { s, locale } = useStrings();
  const [reason, setReason] = useState("");
  const title = s[TITLE[finding?.severity ?? "info"]];
  return (
    <Dialog
      open={finding !== undefined}
      onOpenChange={(_e, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface style={{ maxWidth: "calc(100vw - 24px)" }} aria-label={title}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent style={{ display: "flex", flexDirection: "column", gap: 8 }}>
            {finding ? (
              <Text block>
                {formatRef({ sheet: finding.sheet, address: finding.ref })}：{localizeMessage(finding, locale)}
              </Text>
            ) : null}
            <Text block size={200}>
              {s.ignoreDialogHint}
            </Text>
            <Field label={s.ignoreReason} required>
              <Textarea value={reason} placeholder={s.ignoreReasonPlaceholder} onChange={(_e, data) => setReason(data.value)} resize="vertical" />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              // A reason is required: whoever reviews the report later must see why it was ignored.
              disabled={reason.trim() === ""}
              onClick={() => {
                onConfirm(reason);
                setReason("");
              }}
            >
              {s.actionConfirmIgnore}
            </Button>
            <Button
              onClick={() => {
                setReason("");
                onCancel();
              }}
            >
              {s.actionCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
