/**
 * The task pane: 检查我的报表, marks, fixes, ignores, 自动计算 with 撤销, 生成综述 and the mapping, over
 * whatever WorkbookHost index.tsx detected (Excel, WPS) — or a fake one in tests.
 */
import type { JSX } from "react";
import { useMemo, useState } from "react";
import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowUndoRegular,
  CalculatorRegular,
  CheckmarkCircleRegular,
  DocumentTextRegular,
  EraserRegular,
  LocalLanguageRegular,
  SearchRegular,
} from "@fluentui/react-icons";
import type { Finding } from "../core";
import type { WorkbookHost } from "../hosts/host";
import { FillPreview } from "./components/FillPreview";
import { FindingList } from "./components/FindingList";
import { Identity } from "./components/Identity";
import { IgnoreDialog } from "./components/IgnoreDialog";
import { MappingPanel } from "./components/MappingPanel";
import { Notices } from "./components/Notices";
import { usePane, type Operation } from "./hooks/usePane";
import { createServices, type PaneServices } from "./services";
import { CATALOGS, StringsContext, stringsApi, useStrings, type Language, type StringKey, type Strings } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    maxWidth: "100%",
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** Props of {@link App}. */
export interface AppProps {
  /** The detected host; null when the page runs outside Excel and WPS. */
  host: WorkbookHost | null;
  /** The core behind the pane; the real one by default (tests pass their own). */
  services?: PaneServices;
  /** The starting language. @default "zh-CN" */
  language?: Language;
  /** Replace the catalog of every language (the pseudo-locale test). */
  strings?: Strings;
}

/** The task pane. */
export function App({ host, services, language = "zh-CN", strings }: AppProps): JSX.Element {
  const [lang, setLang] = useState<Language>(language);
  const api = useMemo(() => stringsApi(strings ?? CATALOGS[lang]), [strings, lang]);
  const toggle = (): void => setLang(lang === "zh-CN" ? "en" : "zh-CN");
  return (
    <StringsContext.Provider value={api}>
      {host ? <Pane host={host} services={services} onToggleLanguage={toggle} /> : <NoHost onToggleLanguage={toggle} />}
    </StringsContext.Provider>
  );
}

function LanguageButton({ onClick }: { onClick: () => void }): JSX.Element {
  const { s } = useStrings();
  return (
    <Button size="small" appearance="subtle" icon={<LocalLanguageRegular />} onClick={onClick}>
      {s.language}
    </Button>
  );
}

function NoHost({ onToggleLanguage }: { onToggleLanguage: () => void }): JSX.Element {
  const { s } = useStrings();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <Title3 as="h1">{s.appTitle}</Title3>
        <LanguageButton onClick={onToggleLanguage} />
      </div>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s.noHostTitle}</MessageBarTitle>
          {s.noHostBody}
        </MessageBarBody>
      </MessageBar>
      <Text>{s.noHostHelp}</Text>
    </main>
  );
}

const BUSY_LABEL: Readonly<Record<Operation, StringKey>> = {
  apply: "busyApply",
  check: "busyCheck",
  clear: "busyClear",
  fill: "busyFill",
  fix: "busyFix",
  ignore: "busyIgnore",
  locate: "busyLocate",
  names: "busyNames",
  narrative: "busyNarrative",
  read: "busyRead",
  undo: "busyUndo",
};

function Pane({ host, services, onToggleLanguage }: { host: WorkbookHost; services?: PaneServices; onToggleLanguage: () => void }): JSX.Element {
  const strings = useStrings();
  const { s, t } = strings;
  const styles = useStyles();
  // One services object per pane: usePane's effects depend on it.
  const core = useMemo(() => services ?? createServices({ check: { host: `taskpane/${host.kind}` } }), [services, host]);
  const pane = usePane(host, core, strings);
  const { state } = pane;
  const [ignoring, setIgnoring] = useState<Finding | undefined>(undefined);
  const busy = state.busy !== null;
  const report = state.report;

  return (
    <main className={styles.root} aria-busy={busy}>
      <div className={styles.header}>
        <Title3 as="h1">{s.appTitle}</Title3>
        <LanguageButton onClick={onToggleLanguage} />
      </div>

      <Identity model={state.model} />

      <div className={styles.toolbar} role="toolbar" aria-label={s.appTitle}>
        <Button appearance="primary" icon={<SearchRegular />} disabled={busy} onClick={() => void pane.check()}>
          {s.actionCheck}
        </Button>
        <Button icon={<CalculatorRegular />} disabled={busy || core.planFills === null} onClick={() => void pane.planFill()}>
          {s.actionFill}
        </Button>
        <Button icon={<DocumentTextRegular />} disabled={busy || core.narrative === null || !host.capabilities.addSheets} onClick={() => void pane.writeNarrative()}>
          {s.actionNarrative}
        </Button>
        {host.capabilities.highlight ? (
          <Button icon={<EraserRegular />} disabled={busy || state.marks.length === 0} onClick={() => void pane.clearMarks()}>
            {s.actionClearMarks}
          </Button>
        ) : null}
        {state.undo ? (
          <Button icon={<ArrowUndoRegular />} disabled={busy} onClick={() => void pane.undoFill()}>
            {s.actionUndo}
          </Button>
        ) : null}
      </div>

      {core.planFills === null ? <Text size={200}>{s.fillUnavailable}</Text> : null}
      {core.narrative === null ? <Text size={200}>{s.narrativeUnavailable}</Text> : null}

      {state.busy ? <Spinner size="tiny" labelPosition="after" label={s[BUSY_LABEL[state.busy]]} /> : null}

      <Notices notices={state.notices} onDismiss={pane.dismiss} />

      {state.plan ? <FillPreview plan={state.plan} disabled={busy} onApply={() => void pane.applyFill()} onCancel={pane.cancelFill} /> : null}

      {report ? (
        report.findings.length === 0 && !report.ruleResults.some((r) => r.status === "crashed") ? (
          <Card size="small" aria-label={s.allClear}>
            <div className={styles.header}>
              <CheckmarkCircleRegular fontSize={24} color={tokens.colorPaletteGreenForeground1} />
              <Subtitle1 as="h2">{s.allClear}</Subtitle1>
            </div>
            <Text size={200}>{t("allClearDetail", { rules: report.stats.rules })}</Text>
          </Card>
        ) : null
      ) : null}
      {report && report.findings.length > 0 && report.valid ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{s.noErrors}</MessageBarBody>
        </MessageBar>
      ) : null}
      {report && (report.findings.length > 0 || report.ignored.length > 0) ? (
        <FindingList
          report={report}
          ignores={state.ignores}
          canSelect={host.capabilities.select}
          canIgnore={host.capabilities.addSheets}
          disabled={busy}
          handlers={{
            onLocate: (f) => void pane.locate(f),
            onFix: (f) => void pane.fix(f),
            onIgnore: (f) => setIgnoring(f),
            onUnignore: (f) => void pane.unignore(f),
          }}
        />
      ) : null}

      <MappingPanel
        key={state.suggestions.map((n) => `${n.name}=${n.ref}`).join("|")}
        model={state.model}
        suggestions={state.suggestions}
        canSave={host.capabilities.addNames}
        disabled={busy}
        onSave={(names) => void pane.saveNames(names)}
      />

      <IgnoreDialog
        finding={ignoring}
        onCancel={() => setIgnoring(undefined)}
        onConfirm={(reason) => {
          const f = ignoring;
          setIgnoring(undefined);
          if (f) void pane.ignore(f, reason);
        }}
      />
    </main>
  );
}
