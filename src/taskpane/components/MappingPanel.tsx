import type { JSX } from "react";
import { useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Input,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import type { ReportModel } from "../../core";
import { SCALAR_FIELDS, TABLES } from "../../core/schema/fields";
import { formatRef } from "../../core/model/address";
import type { NameSuggestion } from "../services";
import { useStrings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  cell: { overflowWrap: "anywhere" },
  suggestion: { display: "flex", flexDirection: "column", gap: "2px" },
});

interface Row {
  readonly id: string;
  readonly label: string;
  readonly source: "name" | "label" | undefined;
  readonly where: string | undefined;
}

function rowsOf(model: ReportModel | undefined): Row[] {
  const scalars: Row[] = SCALAR_FIELDS.map((f) => {
    const b = model?.scalars[f.id];
    return { id: f.id, label: f.label, source: b?.source, where: b ? formatRef(b.ref) : undefined };
  });
  const tables: Row[] = TABLES.map((d) => {
    const t = model?.tables[d.id];
    return { id: d.id, label: d.label, source: t?.source, where: t ? `${t.sheet} (${t.rows.length})` : undefined };
  });
  return [...scalars, ...tables];
}

/**
 * Schema fields against what was found; for a workbook without names, editable names to save.
 * The edits start from `suggestions`; the parent remounts this (key) when the suggestions change.
 */
export default function MappingPanel({
  model,
  suggestions,
  canSave,
  disabled,
  onSave,
  open,
  onOpenChange,
}: {
  model: ReportModel | undefined;
  suggestions: readonly NameSuggestion[];
  canSave: boolean;
  disabled: boolean;
  onSave: (names: readonly NameSuggestion[]) => void;
  /** The 映射 section is open (the 未识别 state opens it). */
  open: boolean;
  onOpenChange: (open: boolean) => void;
}): JSX.Element {
  const { s, t } = useStrings();
  const styles = useStyles();
  const [edited, setEdited] = useState<readonly NameSuggestion[]>(suggestions);
  const status = (r: Row): string => (r.source === "name" ? s.mappingByName : r.source === "label" ? s.mappingByLabel : s.mappingMissing);
  const canEdit = edited.length > 0 && canSave;
  const rows = rowsOf(model);
  return (
    <div className={styles.root} id="mapping-panel">
      {canEdit ? (
        <section className={styles.root} aria-label={s.actionSaveNames}>
          <Text size={200}>{s.mappingAutoSuggest}</Text>
          <Button icon={<SaveRegular />} disabled={disabled} onClick={() => onSave(edited)}>
            {s.actionSaveNames}
          </Button>
        </section>
      ) : null}
      <Accordion collapsible openItems={open ? ["mapping"] : []} onToggle={() => onOpenChange(!open)}>
        <AccordionItem value="mapping">
          <AccordionHeader as="h2" size="small">
            {s.mappingTitle}
          </AccordionHeader>
          <AccordionPanel>
            <div className={styles.root}>
              {/* Plain words: what was found, nothing of names or addresses. */}
              <Table size="extra-small" aria-label={s.mappingTitle}>
                <TableBody>
                  {rows.map((r) => (
                    <TableRow key={r.id} data-field={r.id}>
                      <TableCell className={styles.cell}>{r.label}</TableCell>
                      <TableCell className={styles.cell}>{status(r)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Accordion collapsible>
                <AccordionItem value="advanced">
                  <AccordionHeader as="h3" size="small">
                    {s.actionAdvanced}
                  </AccordionHeader>
                  <AccordionPanel>
                    <div className={styles.root} data-testid="mapping-advanced">
                      <Caption1>{s.mappingAdvancedHint}</Caption1>
                      <Table size="extra-small" aria-label={`${s.mappingTitle} ${s.actionAdvanced}`}>
                        <TableBody>
                          {rows.map((r) => (
                            <TableRow key={r.id}>
                              <TableCell className={styles.cell}>
                                {r.label} · {r.id}
                              </TableCell>
                              <TableCell className={styles.cell}>{r.where ?? s.mappingMissing}</TableCell>
                            </TableRow>
                          ))}
                        </TableBody>
                      </Table>
                      {canEdit ? (
                        <>
                          <Caption1>{t("mappingEditNames", { count: edited.length })}</Caption1>
                          {edited.map((n, i) => (
                            <label key={n.name} className={styles.suggestion}>
                              <Caption1>
                                {n.label} · {n.name}
                              </Caption1>
                              <Input
                                size="small"
                                value={n.ref}
                                aria-label={n.name}
                                onChange={(_e, data) => setEdited(edited.map((x, j) => (j === i ? { ...x, ref: data.value } : x)))}
                              />
                            </label>
                          ))}
                        </>
                      ) : null}
                    </div>
                  </AccordionPanel>
                </AccordionItem>
              </Accordion>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
