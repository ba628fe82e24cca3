import type { JSX } from "react";
import { Fragment } from "react";
import { Caption1, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReportModel } from "../../core";
import { SCALAR_FIELDS, TABLES, type ScalarFieldId } from "../../core/schema/fields";
import { reportYear } from "../../core/narrative/prose-cells";
import { useStrings } from "../strings";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalS, rowGap: "2px" },
  value: { overflowWrap: "anywhere" },
});

function scalarText(model: ReportModel | undefined, id: ScalarFieldId): string | undefined {
  // An auto-mapped year may be a whole title (“临湘市 2021 年度…”): show the year it names.
  if (id === "jx_report_year" && model) {
    const year = reportYear(model);
    if (year !== undefined) return String(year);
  }
  const v = model?.scalars[id]?.cell?.value;
  return v === null || v === undefined || v === "" ? undefined : String(v);
}

/** The workbook's identity (单位, 年度, 类型) and how many schema fields mapping found. */
export function Identity({ model }: { model: ReportModel | undefined }): JSX.Element {
  const { s, t } = useStrings();
  const styles = useStyles();
  const rows: [string, ScalarFieldId][] = [
    [s.identityUnit, "jx_unit_name"],
    [s.identityYear, "jx_report_year"],
    [s.identityKind, "jx_report_kind"],
  ];
  return (
    <Card size="small" aria-label={s.identityTitle}>
      <div className={styles.grid}>
        {rows.map(([label, id]) => (
          <Fragment key={id}>
            <Caption1>{label}</Caption1>
            <Text className={styles.value} weight="semibold" data-field={id}>
              {scalarText(model, id) ?? s.notFound}
            </Text>
          </Fragment>
        ))}
      </div>
      <details>
        <summary>
          <Caption1>
            {t("fieldsFound", { found: model?.mapping.found ?? 0, total: SCALAR_FIELDS.length + TABLES.length })} · {s.identityFieldsHelpLabel}
          </Caption1>
        </summary>
        <Caption1 block data-testid="fields-found-help">
          {t("fieldsFoundHelp", { found: model?.mapping.found ?? 0, total: SCALAR_FIELDS.length + TABLES.length })}
        </Caption1>
      </details>
    </Card>
  );
}
