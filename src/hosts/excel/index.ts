/** The Excel host (Office.js): the adapter and its factory. */
export { ExcelHost, createExcelHost, detectFeatures, planWriteRuns } from "./excel-host";
export type { ExcelFeatures, ExcelHostOptions, ExcelRun, RequirementCheck, WriteRun } from "./excel-host";
