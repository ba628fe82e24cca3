import type { JSX } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Card,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { EyeOffRegular, LocationRegular, WrenchRegular } from "@fluentui/react-icons";
import type { Finding, Ignore, ReportWithIgnores, Severity } from "../../core";
import { formatRef } from "../../core";
import { useStrings, type StringKey } from "../strings";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  groupHeader: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  message: { overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  fix: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground3 },
});

const GROUPS: readonly { severity: Severity; label: StringKey; color: "danger" | "warning" | "informative" }[] = [
  { severity: "error", label: "groupError", color: "danger" },
  { severity: "warning", label: "groupWarning", color: "warning" },
  { severity: "info", label: "groupInfo", color: "informative" },
];

/** What a finding's buttons do. */
export interface FindingHandlers {
  onLocate(finding: Finding): void;
  onFix(finding: Finding): void;
  onIgnore(finding: Finding): void;
  onUnignore(finding: Finding): void;
}

function FindingCard({ finding, canSelect, canIgnore, disabled, handlers }: { finding: Finding; canSelect: boolean; canIgnore: boolean; disabled: boolean; handlers: FindingHandlers }): JSX.Element {
  const { s, t } = useStrings();
  const styles = useStyles();
  const cell = formatRef({ sheet: finding.sheet, address: finding.ref });
  return (
    <Card size="small" role="listitem" aria-label={`${cell} ${finding.message}`} data-rule={finding.ruleId}>
      <Caption1 data-testid="finding-cell">{cell}</Caption1>
      <Text className={styles.message}>{finding.message}</Text>
      {finding.fix ? <Caption1 className={styles.fix}>{t("fixLabel", { description: finding.fix.description })}</Caption1> : null}
      {(finding.suggestions ?? []).map((sg, i) => (
        <Caption1 key={i} className={styles.fix}>
          {t("suggestionLabel", { description: sg.description })}
        </Caption1>
      ))}
      <div className={styles.actions}>
        {canSelect ? (
          <Button size="small" icon={<LocationRegular />} disabled={disabled} onClick={() => handlers.onLocate(finding)}>
            {s.actionLocate}
          </Button>
        ) : null}
        {finding.fix ? (
          <Button size="small" appearance="primary" icon={<WrenchRegular />} disabled={disabled} onClick={() => handlers.onFix(finding)}>
            {s.actionFix}
          </Button>
        ) : null}
        {canIgnore ? (
          <Button size="small" appearance="subtle" icon={<EyeOffRegular />} disabled={disabled} onClick={() => handlers.onIgnore(finding)}>
            {s.actionIgnore}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}

/** Findings grouped by severity with counts, then the ignored ones (collapsed). */
export function FindingList({
  report,
  ignores,
  canSelect,
  canIgnore,
  disabled,
  handlers,
}: {
  report: ReportWithIgnores;
  ignores: readonly Ignore[];
  canSelect: boolean;
  /** Ignores live in a sheet: a host that cannot add sheets cannot keep them. */
  canIgnore: boolean;
  disabled: boolean;
  handlers: FindingHandlers;
}): JSX.Element {
  const { s, t } = useStrings();
  const styles = useStyles();
  const reasonOf = (f: Finding): string | undefined => ignores.find((i) => i.ruleId === f.ruleId && i.cell === formatRef({ sheet: f.sheet, address: f.ref }))?.reason;
  return (
    <div className={styles.list}>
      <Text weight="semibold" data-testid="summary-counts">
        {t("summaryCounts", { errors: report.stats.errors, warnings: report.stats.warnings, infos: report.stats.infos })}
      </Text>
      {GROUPS.map(({ severity, label, color }) => {
        const items = report.findings.filter((f) => f.severity === severity);
        if (items.length === 0) return null;
        return (
          <section key={severity} className={styles.group} aria-label={`${s[label]} ${items.length}`} data-severity={severity}>
            <div className={styles.groupHeader}>
              <Subtitle2 as="h3">{s[label]}</Subtitle2>
              <Badge color={color} appearance="filled" data-testid={`count-${severity}`}>
                {items.length}
              </Badge>
            </div>
            <div role="list" className={styles.group}>
              {items.map((f, i) => (
                <FindingCard key={`${f.ruleId}-${f.sheet}-${f.ref}-${i}`} finding={f} canSelect={canSelect} canIgnore={canIgnore} disabled={disabled} handlers={handlers} />
              ))}
            </div>
          </section>
        );
      })}
      {report.ignored.length > 0 ? (
        <Accordion collapsible>
          <AccordionItem value="ignored">
            <AccordionHeader size="small">{t("ignoredTitle", { count: report.ignored.length })}</AccordionHeader>
            <AccordionPanel>
              <div role="list" className={styles.group} data-testid="ignored-list">
                {report.ignored.map((f, i) => (
                  <div role="listitem" key={`${f.ruleId}-${f.ref}-${i}`}>
                    <Caption1>{formatRef({ sheet: f.sheet, address: f.ref })}</Caption1>
                    <Text block className={styles.message}>
                      {f.message}
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
