import type { JSX } from "react";
import { useId } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Notice } from "../hooks/usePane";
import { useStrings } from "../strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  detail: { marginTop: tokens.spacingVerticalXS },
  pre: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200, margin: 0 },
});

function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }): JSX.Element {
  const { s } = useStrings();
  const styles = useStyles();
  const titleId = useId();
  const bodyId = useId();
  const title = notice.title ?? (notice.intent === "error" ? s.errorTitle : undefined);
  return (
    <MessageBar intent={notice.intent} layout="multiline" aria-labelledby={title ? titleId : bodyId} aria-describedby={title ? bodyId : undefined}>
      <MessageBarBody>
        {title ? <MessageBarTitle id={titleId}>{title}</MessageBarTitle> : null}
        <span id={bodyId}>{notice.text}</span>
        {notice.detail ? (
          // Technical detail (an adapter's English message, a crashed rule's id) only on request.
          <details className={styles.detail}>
            <summary>{s.actionShowDetails}</summary>
            <pre className={styles.pre}>{notice.detail}</pre>
          </details>
        ) : null}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" size="small" aria-label={s.actionDismiss} icon={<DismissRegular />} onClick={() => onDismiss(notice.id)} />} />
    </MessageBar>
  );
}

/** The last operation's notices, each a labelled MessageBar; errors carry a title, details behind a disclosure. */
export function Notices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: number) => void }): JSX.Element {
  const styles = useStyles();
  // The live region stays in the page so that screen readers announce what is added to it.
  return (
    <div role="status" aria-live="polite" className={styles.stack}>
      {notices.map((n) => (
        <NoticeBar key={n.id} notice={n} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
