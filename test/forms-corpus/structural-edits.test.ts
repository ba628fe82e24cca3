/**
 * Every corpus layout under each structural edit of structural-edits.ts (a form shifted right and down, a
 * 序号 or 备注 column, the unit in a line above the table or in the headers, blank rows inside the tables,
 * two-row headers, the prose joined or split): the consistent workbook stays without error or warning, and
 * every planted mistake the corpus finds — every variant, not every third — is still found at its cause
 * (the sweep is benign-edits.test.ts's, edit-sweep.ts).
 */
import { sweepEdits } from "./edit-sweep";
import { STRUCTURAL_EDITS } from "./structural-edits";

/**
 * What an edit still loses, with the reason (asserted still lost, so that the list can only shrink). Empty:
 * a 决算说明 split one sentence per row (“与2019年相比，减少4848.67万元，减少58.1%。” alone on its row) is read
 * with the sentence above it, which states the amount it compares (narrative/paragraphs.ts, COMPARES_BACK).
 */
const LOST: ReadonlySet<string> = new Set<string>([]);

sweepEdits(STRUCTURAL_EDITS, new Set(Object.keys(STRUCTURAL_EDITS)), LOST);
