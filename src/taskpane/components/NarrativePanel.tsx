import type { JSX } from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { LocationRegular } from "@fluentui/react-icons";
import type { CellRef } from "../../core";
import type { NarrativeResult } from "../services";
import { useStrings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

/** After 生成综述: how many 【待填写】 gaps remain, each with 定位; figures marked 【待核实】. */
export default function NarrativePanel({ result, canSelect, disabled, onLocate }: { result: NarrativeResult; canSelect: boolean; disabled: boolean; onLocate: (at: CellRef) => void }): JSX.Element {
  const { s, t } = useStrings();
  const styles = useStyles();
  const title = result.gaps.length > 0 ? t("narrativeGaps", { count: result.gaps.length }) : s.narrativeNoGaps;
  return (
    <section className={styles.root} aria-label={title} data-testid="narrative-result">
      <Text weight="semibold" as="h2" size={300}>
        {title}
      </Text>
      {result.toVerify.length > 0 ? <Caption1>{t("narrativeToVerify", { count: result.toVerify.length })}</Caption1> : null}
      {result.gaps.length > 0 ? (
        <ol className={styles.list}>
          {result.gaps.map((g, i) => (
            <li key={`${g.at.address}-${i}`} className={styles.item}>
              <Text>{g.what}</Text>
              {canSelect ? (
                <Button size="small" appearance="subtle" icon={<LocationRegular />} disabled={disabled} aria-label={`${s.actionLocate} ${g.what}`} onClick={() => onLocate(g.at)}>
                  {s.actionLocate}
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
