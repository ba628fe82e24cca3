/**
 * The task pane: 检查我的报表 with an honest outcome (未识别 / 尚未填写 / errors / 通过), marks, fixes
 * as a transaction (preview → apply → 撤销), ignores, 自动计算 with per-cell overwrite and 撤销,
 * 生成综述 with its gaps, and the mapping — over whatever WorkbookHost index.tsx detected (Excel, WPS)
 * or a fake one in tests. Dialogs and panels that a first check does not need load on demand.
 */
import type { JSX } from "react";
import { Suspense, lazy, useCallback, useMemo, useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowUndoRegular, CalculatorRegular, DocumentTextRegular, EraserRegular, LocalLanguageRegular, SearchRegular } from "@fluentui/react-icons";
import type { Finding } from "../core";
import type { WorkbookHost } from "../hosts/host";
import { Notices } from "./components/Notices";
import { FindingList } from "./lazy/FindingList";
import { Identity } from "./lazy/Identity";
import { OutcomePanel } from "./lazy/OutcomePanel";
import { usePane, type Operation } from "./hooks/usePane";
import type { PaneServices } from "./services";
import { withEngine, type ServicesModule } from "./engine";
import { CATALOGS, StringsContext, stringsApi, useStrings, type Language, type StringKey, type Strings } from "./strings";

const FixPreview = lazy(() => import(/* webpackChunkName: "fix-preview" */ "./components/FixPreview"));
const FillPreview = lazy(() => import(/* webpackChunkName: "fill-preview" */ "./components/FillPreview"));
const IgnoreDialog = lazy(() => import(/* webpackChunkName: "ignore-dialog" */ "./components/IgnoreDialog"));
const MappingPanel = lazy(() => import(/* webpackChunkName: "mapping" */ "./components/MappingPanel"));
const NarrativePanel = lazy(() => import(/* webpackChunkName: "narrative" */ "./components/NarrativePanel"));

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
  // The toolbar stays in view while the clerk scrolls a long list.
  toolbar: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
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
  /**
   * Loads the engine when `services` is not given: the real chunk by default; tests hold it back to
   * click before it has arrived.
   */
  loadEngine?: () => Promise<ServicesModule>;
  /**
   * Asked once the pane has mounted: was 检查我的报表 clicked on the page's first screen, before the pane
   * had started (index.tsx: taskpane.html's `jixiaoEarlyCheck`)? The pane then checks at once.
   */
  takeEarlyCheck?: () => boolean;
}

/** The task pane. */
export function App({ host, services, language = "zh-CN", strings, loadEngine, takeEarlyCheck }: AppProps): JSX.Element {
  const [lang, setLang] = useState<Language>(language);
  const api = useMemo(() => stringsApi(strings ?? CATALOGS[lang], lang), [strings, lang]);
  const toggle = (): void => setLang(lang === "zh-CN" ? "en" : "zh-CN");
  return (
    <StringsContext.Provider value={api}>
      {host ? <Pane host={host} services={services} loadEngine={loadEngine} takeEarlyCheck={takeEarlyCheck} onToggleLanguage={toggle} /> : <NoHost onToggleLanguage={toggle} />}
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
      <MessageBar intent="warning" layout="multiline" aria-label={s.noHostTitle}>
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

/** Focus an element once React has re-rendered (a dialog closing hands focus back to its opener). */
function refocus(el: HTMLElement | null | undefined): void {
  if (!el) return;
  setTimeout(() => {
    if (el.isConnected) el.focus();
  }, 0);
}

/** The index of the finding card holding `el` among the cards on the page. */
function cardIndexOf(el: Element | null): number {
  const card = el?.closest("[data-finding-card]");
  if (!card) return 0;
  return Math.max(0, [...document.querySelectorAll("[data-finding-card]")].indexOf(card));
}

interface PaneProps {
  host: WorkbookHost;
  services?: PaneServices;
  loadEngine?: () => Promise<ServicesModule>;
  takeEarlyCheck?: () => boolean;
  onToggleLanguage: () => void;
}

function Pane({ host, services, loadEngine, takeEarlyCheck, onToggleLanguage }: PaneProps): JSX.Element {
  const strings = useStrings();
  const { s } = strings;
  const styles = useStyles();
  // One services object per pane: usePane's effects depend on it. The real engine loads alongside the
  // first paint (./engine): until it has, the host's reads wait for it — the buttons do not.
  const engine = useMemo(
    () => (services ? { host, services } : withEngine(host, { check: { host: `taskpane/${host.kind}` } }, loadEngine)),
    [services, host, loadEngine],
  );
  const core = engine.services;
  const pane = usePane(engine.host, core, strings, { takeEarlyCheck });
  const { state } = pane;
  const [ignoring, setIgnoring] = useState<Finding | undefined>(undefined);
  const [mappingOpen, setMappingOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  // Where the list was, and which card, when a fix or an ignore was asked for.
  const listPlace = useRef({ index: 0, scrollY: 0 });
  // Only an operation the clerk started disables the buttons; the first read runs behind them.
  const busy = state.busy !== null;
  const working: Operation | null = state.busy ?? (state.starting ? "read" : null);
  const report = state.report;
  const outcome = state.outcome;

  const remember = useCallback(() => {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    opener.current = active;
    listPlace.current = { index: cardIndexOf(active), scrollY: typeof window !== "undefined" ? window.scrollY : 0 };
  }, []);

  const ruleLabel = useCallback((f: Finding) => core.ruleLabel(f.ruleId, strings.locale), [core, strings.locale]);

  return (
    <main className={styles.root} aria-busy={working !== null}>
      <div className={styles.header}>
        <Title3 as="h1">{s.appTitle}</Title3>
        <LanguageButton onClick={onToggleLanguage} />
      </div>

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
          <Button icon={<ArrowUndoRegular />} disabled={busy} onClick={() => void pane.undo()}>
            {s.actionUndo}
          </Button>
        ) : null}
      </div>

      <Identity model={state.model} />

      {core.planFills === null ? <Text size={200}>{s.fillUnavailable}</Text> : null}
      {core.narrative === null ? <Text size={200}>{s.narrativeUnavailable}</Text> : null}

      {working ? <Spinner size="tiny" labelPosition="after" label={s[BUSY_LABEL[working]]} /> : null}

      <Notices notices={state.notices} onDismiss={pane.dismiss} />

      <Suspense fallback={null}>
        {state.plan ? (
          <FillPreview
            key={state.plan.writes.map((w) => w.cell).join("|") + state.plan.conflicts.map((w) => w.cell).join("|")}
            plan={state.plan}
            disabled={busy}
            canSelect={host.capabilities.select}
            onApply={(overwrite) => void pane.applyFill(overwrite)}
            onCancel={pane.cancelFill}
            onLocate={(at) => void pane.locate(at)}
          />
        ) : null}
        {state.narrative ? <NarrativePanel result={state.narrative} canSelect={host.capabilities.select} disabled={busy} onLocate={(at) => void pane.locate(at)} /> : null}
      </Suspense>

      {report && outcome ? (
        <OutcomePanel
          outcome={outcome}
          report={report}
          canSelect={host.capabilities.select}
          disabled={busy}
          onLocate={(at) => void pane.locate(at)}
          onOpenMapping={() => {
            setMappingOpen(true);
            setTimeout(() => document.getElementById("mapping-panel")?.scrollIntoView?.({ block: "start" }), 0);
          }}
        />
      ) : null}
      {report && outcome && outcome.kind !== "unrecognised" && (report.findings.length > 0 || report.ignored.length > 0) ? (
        <FindingList
          report={report}
          ignores={state.ignores}
          canSelect={host.capabilities.select}
          canIgnore={host.capabilities.addSheets}
          disabled={busy}
          ruleLabel={ruleLabel}
          focus={state.listChanges > 0 ? { token: state.listChanges, ...listPlace.current } : undefined}
          handlers={{
            onLocate: (f) => void pane.locate({ sheet: f.sheet, address: f.ref }),
            onFix: (fs) => {
              remember();
              pane.previewFix(fs);
            },
            onIgnore: (f) => {
              remember();
              setIgnoring(f);
            },
            onUnignore: (f) => void pane.unignore(f),
          }}
        />
      ) : null}

      <Suspense fallback={null}>
        <MappingPanel
          key={state.suggestions.map((n) => `${n.name}=${n.ref}`).join("|")}
          model={state.model}
          suggestions={state.suggestions}
          canSave={host.capabilities.addNames}
          disabled={busy}
          onSave={(names) => void pane.saveNames(names)}
          open={mappingOpen}
          onOpenChange={setMappingOpen}
        />
        {ignoring ? (
          <IgnoreDialog
            finding={ignoring}
            onCancel={() => {
              setIgnoring(undefined);
              refocus(opener.current);
            }}
            onConfirm={(reason) => {
              const f = ignoring;
              setIgnoring(undefined);
              if (f) void pane.ignore(f, reason);
            }}
          />
        ) : null}
        {state.fixPreview ? (
          <FixPreview
            preview={state.fixPreview}
            disabled={busy}
            onApply={() => void pane.applyFix()}
            onCancel={() => {
              pane.cancelFix();
              refocus(opener.current);
            }}
          />
        ) : null}
      </Suspense>
    </main>
  );
}
