import type { JSX } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Notice } from "../hooks/usePane";
import { useStrings } from "../strings";

/** Every notice as a Fluent MessageBar; errors carry a title so they are never mistaken for info. */
export function Notices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: number) => void }): JSX.Element | null {
  const { s } = useStrings();
  if (notices.length === 0) return null;
  return (
    <div role="status" aria-live="polite" style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline">
          <MessageBarBody>
            {n.intent === "error" ? <MessageBarTitle>{s.errorTitle}</MessageBarTitle> : null}
            {n.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" size="small" aria-label={s.actionDismiss} icon={<DismissRegular />} onClick={() => onDismiss(n.id)} />}
          />
        </MessageBar>
      ))}
    </div>
  );
}
