/**
 * The part of WPS 表格's (ET's) JS object model that the adapter uses, as plain structural interfaces.
 *
 * Why not import Kingsoft's `et-jsapi-declare` directly: it is a set of *ambient globals* (`declare const
 * Application`, `declare const wps`, a global `confirm` overload, `interface Window` augmentation) that would
 * leak into every file of the project and clash with the Office typings; the house style forbids ambient
 * globals. So these interfaces mirror its declarations member by member (same names, same parameter order;
 * its `any`/`TypedAny<…>` become `unknown` or the union it spells out), and
 * test/hosts/wps-et-types.test.ts compiles `const app: WpsApplication = Application` against the real
 * typings, so that any drift is a compile error. The names in brackets are the et-jsapi-declare types.
 */

/** [Et.Interior] `Color` is a BGR integer (0xBBGGRR); `ColorIndex` is -4142 (xlColorIndexNone) with no fill. */
export interface EtInterior {
  Color: unknown;
  ColorIndex: unknown;
  Pattern: unknown;
}

/** [Et.Font] */
export interface EtFont {
  Bold: boolean;
}

/** [Et.Comment] */
export interface EtComment {
  Text(Text?: string, Start?: number, Overwrite?: number): string;
  Delete(): void;
}

/**
 * [Et.Range] One cell or a rectangle. Multi-cell reads of `Value2`/`Formula` give 2-D arrays (rows of
 * columns); one cell gives a scalar. `NumberFormat`/`MergeCells` of a mixed range read as null.
 */
export interface EtRange {
  Value2: string | unknown[];
  Formula: string;
  NumberFormat: string;
  MergeCells: boolean;
  readonly MergeArea: EtRange;
  /**
   * Whether the rows (or columns) are hidden; the range must span entire rows or columns
   * (`EntireRow` / `EntireColumn`). Like `MergeCells`, reads null when some are hidden and some not.
   */
  Hidden: unknown;
  readonly EntireRow: EtRange;
  readonly EntireColumn: EtRange;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  WrapText: boolean;
  ColumnWidth: number;
  /** 1-based row of the first cell. */
  readonly Row: number;
  /** 1-based column of the first cell. */
  readonly Column: number;
  readonly Count: number;
  readonly Rows: EtRange;
  readonly Columns: EtRange;
  readonly Cells: EtRange;
  readonly Comment: EtComment;
  readonly Worksheet: EtWorksheet;
  Item(RowIndex: string | number, ColumnIndex?: string | number): EtRange;
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  AddComment(Text?: string): EtComment;
  ClearComments(): void;
  ClearContents(): unknown;
  Clear(): unknown;
  Merge(Across?: boolean): void;
  UnMerge(): void;
  Select(): unknown;
}

/** [Et.Name] Sheet-level names read back with `Name` = `Sheet!name`; `RefersTo` starts with `=`. */
export interface EtName {
  Name: string;
  RefersTo: string | boolean;
  Visible: boolean;
  /** The Workbook, or the Worksheet of a sheet-level name. */
  readonly Parent: unknown;
  Delete(): void;
}

/** [Et.Names] 1-based `Item`. */
export interface EtNames {
  readonly Count: number;
  Item(Index?: string | number, IndexLocal?: unknown, RefersTo?: unknown): EtName;
  Add(Name?: string | EtRange, RefersTo?: unknown, Visible?: boolean): EtName;
}

/** [Et.Worksheet] */
export interface EtWorksheet {
  Name: string;
  readonly Index: number;
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  readonly Names: EtNames;
  /** [Et.XlSheetVisibility]: -1 xlSheetVisible, 0 xlSheetHidden, 2 xlSheetVeryHidden. */
  Visible: number;
  Range(Cell1: unknown, Cell2?: number): EtRange;
  Activate(): void;
  Delete(): void;
}

/** [Et.Sheets] (what `Workbook.Worksheets` is typed as). `Item` is 1-based or by name. */
export interface EtSheets {
  readonly Count: number;
  Item(Index: string | number | unknown[]): EtWorksheet | EtSheets;
  Add(Before?: unknown, After?: unknown, Count?: number, Type?: string | number): EtWorksheet;
}

/** [Et.Workbook] */
export interface EtWorkbook {
  readonly Name: string;
  readonly FullName: string;
  readonly Worksheets: EtSheets;
  readonly Names: EtNames;
  readonly ActiveSheet: EtWorksheet;
}

/** [Et.Application] — only what the adapter touches. */
export interface WpsApplication {
  readonly ActiveWorkbook: EtWorkbook;
  DisplayAlerts: boolean;
}

/** [WPS.CustomTaskpane] */
export interface WpsTaskPane {
  Visible: boolean;
  readonly ID: number;
  Width: number;
}

/** [WPS.ApiEvent / WPS.EtApiEvent] `Cancel` answers a question-type event such as WorkbookBeforeSave. */
export interface WpsApiEvent {
  Cancel: boolean;
  AddApiEventListener(EventName: "WorkbookBeforeSave", callback: (Workbook: EtWorkbook, SaveAsUi: boolean) => void): void;
  RemoveApiEventListener(EventName: "WorkbookBeforeSave", callback?: (Workbook: EtWorkbook, SaveAsUi: boolean) => void): void;
}

/**
 * [WPSMergedRoot = WPS.AddonRoot & WPS.EtAddonRoot & Et.Application] The global `Application`/`wps` of an
 * add-in page: the application plus the add-in services (task panes, events, plugin storage).
 */
export interface WpsAddinRoot extends WpsApplication {
  readonly ApiEvent: WpsApiEvent;
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  readonly PluginStorage: { setItem(key: string, value: number | boolean | string): void; getItem(key: string): string };
}

/** xlColorIndexNone: what `Interior.ColorIndex` reads (and is set to) for "no fill". */
export const XL_COLOR_INDEX_NONE = -4142;
