/**
 * Plain data a host applies: cell writes (the unit of every fix, fill and narrative write). Hosts import
 * this module, never the engine.
 */
import type { CellRef, CellValue } from "./snapshot";

/** A cell write: the unit of every fix, fill and narrative write, applied by the host in batches. */
export interface CellWrite {
  readonly at: CellRef;
  /** The new value; undefined leaves the value alone (e.g. only a format change). */
  readonly value?: CellValue;
  /** A formula without `=`; when set, `value` is the expected result. */
  readonly formula?: string;
  readonly numberFormat?: string;
}
