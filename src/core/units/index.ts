/**
 * units — numbers as clerks write them, intervals for footing with rounding, and unit conversion.
 */
export { formatInfo, interval, parseCell, parseText, roundTo, toHalfWidth, writtenDecimals } from "./parse";
export type { Parsed, ParsedNumber } from "./parse";
export { convertUnit, decimalShift, formatNumber, moneyFactor } from "./convert";
export { ABNORMAL_MAGNITUDE, ABNORMAL_TEXT, isAbnormalNumber, isDateFormat, showStored } from "./finite";
