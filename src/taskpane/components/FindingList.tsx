import type { JSX } from "react";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Option,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  type AccordionToggleEventHandler,
} from "@fluentui/react-components";
import { ErrorCircleFilled, EyeOffRegular, InfoFilled, LocationRegular, WarningFilled, WrenchRegular } from "@fluentui/react-icons";
import type { Finding, Ignore, ReportWithIgnores, Severity } from "../../core";
import { findingKey, fixGroupKey } from "../../core/fix";
import { formatRef } from "../../core/model/address";
import { groupNumbersIn, localizeMessage } from "../../core/i18n";
import { useStrings, type StringKey } from "../strings";

const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];
const SEVERITY_LABEL: Readonly<Record<Severity, StringKey>> = { error: "severityError", warning: "severityWarning", info: "severityInfo" };
const GROUP_LABEL: Readonly<Record<Severity, StringKey>> = { error: "groupError", warning: "groupWarning", info: "groupInfo" };
const BADGE: Readonly<Record<Severity, "danger" | "warning" | "informative">> = { error: "danger", warning: "warning", info: "informative" };

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  controls: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  headerText: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    ":focus-visible": { outlineWidth: "2px", outlineStyle: "solid", outlineColor: tokens.colorStrokeFocus2 },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  cardHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  // A reference never breaks inside a sheet name or an address.
  ref: { whiteSpace: "nowrap" },
  message: { overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  fix: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground3 },
  iconError: { color: tokens.colorPaletteRedForeground1 },
  iconWarning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  iconInfo: { color: tokens.colorPaletteBlueForeground2 },
});

/** What a finding's buttons do. */
export interface FindingHandlers {
  onLocate(finding: Finding): void;
  /** Preview the fixes of these findings (one card, or 全部修复 of a group). */
  onFix(findings: readonly Finding[]): void;
  onIgnore(finding: Finding): void;
  onUnignore(finding: Finding): void;
}

/** How the list is grouped. */
export type Grouping = "severity" | "sheet" | "rule";

function SeverityIcon({ severity }: { severity: Severity }): JSX.Element {
  const styles = useStyles();
  if (severity === "error") return <ErrorCircleFilled aria-hidden className={styles.iconError} fontSize={16} />;
  if (severity === "warning") return <WarningFilled aria-hidden className={styles.iconWarning} fontSize={16} />;
  return <InfoFilled aria-hidden className={styles.iconInfo} fontSize={16} />;
}

function FindingCard({
  finding,
  canSelect,
  canIgnore,
  disabled,
  handlers,
}: {
  finding: Finding;
  canSelect: boolean;
  canIgnore: boolean;
  disabled: boolean;
  handlers: FindingHandlers;
}): JSX.Element {
  const { s, t, locale } = useStrings();
  const styles = useStyles();
  const cell = formatRef({ sheet: finding.sheet, address: finding.ref });
  const message = localizeMessage(finding, locale);
  return (
    <div
      role="listitem"
      tabIndex={-1}
      className={mergeClasses(styles.card, styles[finding.severity])}
      aria-label={`${s[SEVERITY_LABEL[finding.severity]]} ${cell} ${message}`}
      data-rule={finding.ruleId}
      data-severity={finding.severity}
      data-finding-card={findingKey(finding)}
    >
      <div className={styles.cardHead}>
        <SeverityIcon severity={finding.severity} />
        <Text size={200} weight="semibold">{s[SEVERITY_LABEL[finding.severity]]}</Text>
        <Caption1 className={styles.ref} data-testid="finding-cell">
          {cell}
        </Caption1>
      </div>
      <Text className={styles.message}>{message}</Text>
      {finding.fix ? <Caption1 className={styles.fix}>{t("fixLabel", { description: groupNumbersIn(finding.fix.description) })}</Caption1> : null}
      {(finding.suggestions ?? []).map((sg, i) => (
        <Caption1 key={i} className={styles.fix}>
          {t("suggestionLabel", { description: groupNumbersIn(sg.description) })}
        </Caption1>
      ))}
      <div className={styles.actions}>
        {/* A hidden sheet cannot be activated: its finding (a skipped sheet's note) says what to do instead. */}
        {canSelect && finding.hidden !== "sheet" ? (
          <Button size="small" icon={<LocationRegular />} disabled={disabled} onClick={() => handlers.onLocate(finding)}>
            {s.actionLocate}
          </Button>
        ) : null}
        {finding.fix ? (
          <Button size="small" appearance="primary" icon={<WrenchRegular />} disabled={disabled} onClick={() => handlers.onFix([finding])}>
            {s.actionFix}
          </Button>
        ) : null}
        {canIgnore ? (
          <Button size="small" appearance="subtle" icon={<EyeOffRegular />} disabled={disabled} onClick={() => handlers.onIgnore(finding)}>
            {s.actionIgnore}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

interface Group {
  readonly key: string;
  readonly label: string;
  readonly severity?: Severity;
  readonly items: readonly Finding[];
}

/** The short name of a rule for a group header: its first message's gist is too long; use the rule's own words. */
function groupsOf(findings: readonly Finding[], by: Grouping, s: Readonly<Record<StringKey, string>>, ruleLabel: (f: Finding) => string): Group[] {
  if (by === "severity") {
    return SEVERITY_ORDER.map((sev) => ({ key: sev, label: s[GROUP_LABEL[sev]], severity: sev, items: findings.filter((f) => f.severity === sev) })).filter((g) => g.items.length > 0);
  }
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = by === "sheet" ? f.sheet : f.ruleId;
    map.set(key, [...(map.get(key) ?? []), f]);
  }
  const rank = (items: readonly Finding[]): number => Math.min(...items.map((f) => SEVERITY_ORDER.indexOf(f.severity)));
  return [...map.entries()]
    .map(([key, items]) => ({ key, label: by === "sheet" ? key : ruleLabel(items[0]), items: [...items].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity)) }))
    .sort((a, b) => rank(a.items) - rank(b.items) || b.items.length - a.items.length);
}

/** The fixable findings of a group that share one kind of fix, when there are at least two (全部修复). */
function batches(items: readonly Finding[]): Finding[][] {
  const map = new Map<string, Finding[]>();
  for (const f of items) if (f.fix) map.set(fixGroupKey(f), [...(map.get(fixGroupKey(f)) ?? []), f]);
  return [...map.values()].filter((b) => b.length >= 2);
}

/**
 * The findings: grouped by severity, sheet or kind of problem; filtered by severity; each group
 * collapsible, with 全部修复 for identical fixes. Each card shows its severity (icon, word and left
 * border). After a fix, focus goes to the card now at the fixed card's place (`focus`).
 */
export function FindingList({
  report,
  ignores,
  canSelect,
  canIgnore,
  disabled,
  handlers,
  focus,
  ruleLabel,
}: {
  report: ReportWithIgnores;
  ignores: readonly Ignore[];
  canSelect: boolean;
  /** Ignores live in a sheet: a host that cannot add sheets cannot keep them. */
  canIgnore: boolean;
  disabled: boolean;
  handlers: FindingHandlers;
  /** Move focus to the card at this index of the visible list, once per token. */
  focus?: { readonly token: number; readonly index: number };
  /** A kind of problem's name, for grouping by rule. */
  ruleLabel: (f: Finding) => string;
}): JSX.Element {
  const { s, t, locale } = useStrings();
  const styles = useStyles();
  const [by, setBy] = useState<Grouping>("severity");
  const [shown, setShown] = useState<Readonly<Record<Severity, boolean>>>({ error: true, warning: true, info: true });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const root = useRef<HTMLDivElement>(null);

  const visible = useMemo(() => report.findings.filter((f) => shown[f.severity]), [report.findings, shown]);
  const groups = useMemo(() => groupsOf(visible, by, s, ruleLabel), [visible, by, s, ruleLabel]);
  const open = groups.map((g) => g.key).filter((k) => !collapsed.has(k));
  const onToggle: AccordionToggleEventHandler<string> = (_e, data) => {
    const next = new Set(collapsed);
    if (next.has(data.value)) next.delete(data.value);
    else next.add(data.value);
    setCollapsed(next);
  };

  useEffect(() => {
    if (!focus) return;
    const cards = root.current?.querySelectorAll<HTMLElement>("[data-finding-card]");
    if (!cards || cards.length === 0) return;
    cards[Math.min(focus.index, cards.length - 1)]?.focus({ preventScroll: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per token
  }, [focus?.token]);

  const reasonOf = (f: Finding): string | undefined => ignores.find((i) => i.ruleId === f.ruleId && i.cell === formatRef({ sheet: f.sheet, address: f.ref }))?.reason;
  const groupingLabel: Readonly<Record<Grouping, string>> = { severity: s.groupBySeverity, sheet: s.groupBySheet, rule: s.groupByRule };

  return (
    <div className={styles.list} ref={root}>
      <Text weight="semibold" data-testid="summary-counts">
        {t("summaryCounts", { errors: report.stats.errors, warnings: report.stats.warnings, infos: report.stats.infos })}
      </Text>
      <div className={styles.controls}>
        <Field label={s.groupBy} size="small">
          <Dropdown
            size="small"
            value={groupingLabel[by]}
            selectedOptions={[by]}
            onOptionSelect={(_e, data) => {
              if (data.optionValue) setBy(data.optionValue as Grouping);
            }}
          >
            {(["severity", "sheet", "rule"] as const).map((g) => (
              <Option key={g} value={g}>
                {groupingLabel[g]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div role="group" aria-label={s.filterLabel} className={styles.filters}>
          <Caption1>{s.filterLabel}</Caption1>
          {SEVERITY_ORDER.map((sev) => (
            <Checkbox
              key={sev}
              label={`${s[SEVERITY_LABEL[sev]]} ${sev === "error" ? report.stats.errors : sev === "warning" ? report.stats.warnings : report.stats.infos}`}
              checked={shown[sev]}
              onChange={(_e, data) => setShown({ ...shown, [sev]: data.checked === true })}
            />
          ))}
        </div>
        <Button size="small" appearance="subtle" onClick={() => setCollapsed(collapsed.size > 0 ? new Set() : new Set(groups.map((g) => g.key)))}>
          {collapsed.size > 0 ? s.actionExpandAll : s.actionCollapseAll}
        </Button>
      </div>
      {visible.length === 0 && report.findings.length > 0 ? <Text>{s.listEmptyFiltered}</Text> : null}
      <Accordion multiple collapsible openItems={open} onToggle={onToggle}>
        {groups.map((g) => (
          <AccordionItem key={g.key} value={g.key}>
            <AccordionHeader as="h3" size="small">
              <span className={styles.headerText}>
                {g.severity ? <SeverityIcon severity={g.severity} /> : null}
                <span>{g.label}</span>
                <Badge color={g.severity ? BADGE[g.severity] : "brand"} appearance="filled" data-testid={`count-${g.key}`}>
                  {g.items.length}
                </Badge>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <section className={styles.group} aria-label={`${g.label} ${g.items.length}`} data-group={g.key}>
                {batches(g.items).map((batch) => (
                  <Button key={fixGroupKey(batch[0])} size="small" icon={<WrenchRegular />} disabled={disabled} onClick={() => handlers.onFix(batch)}>
                    {t("actionFixAll", { count: batch.length })}
                  </Button>
                ))}
                <div role="list" className={styles.group}>
                  {uniqueKeys(g.items).map(([k, f]) => (
                    <FindingCard key={k} finding={f} canSelect={canSelect} canIgnore={canIgnore} disabled={disabled} handlers={handlers} />
                  ))}
                </div>
              </section>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {report.ignored.length > 0 ? (
        <Accordion collapsible>
          <AccordionItem value="ignored">
            <AccordionHeader as="h3" size="small">
              {t("ignoredTitle", { count: report.ignored.length })}
            </AccordionHeader>
            <AccordionPanel>
              <div role="list" className={styles.group} data-testid="ignored-list">
                {report.ignored.map((f, i) => (
                  <div role="listitem" key={`${findingKey(f)}-${i}`}>
                    <Caption1 className={styles.ref}>{formatRef({ sheet: f.sheet, address: f.ref })}</Caption1>
                    <Text block className={styles.message}>
                      {localizeMessage(f, locale)}
                    </Text>
                    {reasonOf(f) ? <Caption1 block>{t("ignoredReason", { reason: reasonOf(f) ?? "" })}</Caption1> : null}
                    {canIgnore ? (
                      <Button size="small" appearance="subtle" disabled={disabled} onClick={() => handlers.onUnignore(f)}>
                        {s.actionUnignore}
                      </Button>
                    ) : null}
                  </div>
                ))}
              </div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : null}
    </div>
  );
}

/**
 * A React key per finding, unique within the list: two findings of one rule at one cell (two sentences of
 * one paragraph whose parts do not add up) share their findingKey, so the second gets its occurrence number.
 */
function uniqueKeys(items: readonly Finding[]): [string, Finding][] {
  const seen = new Map<string, number>();
  return items.map((f) => {
    const base = findingKey(f);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return [n === 0 ? base : `${base}#${n}`, f];
  });
}
