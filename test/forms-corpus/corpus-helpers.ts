/** Helpers to declare planted-mistake variants. */
import { type Ref, numberAt, plant, plantText, valueAt } from "./book";
import type { Kind, Variant } from "./types";

/** 年初预算数, 全年预算数, 全年执行数 of one funds line. */
export type Triple = [number, number, number];

/** One indicator row of a layout: 一级, 二级, 三级 name, target, actual, 分值, 得分 and its reason. */
export interface IndicatorRow {
  l1: string;
  l2: string;
  name: string;
  target: string;
  actual: string;
  weight: number;
  score: number;
  reason?: string;
}

/** A number planted in a relation cell (value or function of the old value). */
export function num(kind: Kind, what: string, at: Ref, value: number | ((old: number) => number)): Variant {
  return {
    kind,
    what,
    cause: at,
    relational: true,
    plant: (b) => plant(b, at, typeof value === "function" ? value(numberAt(b, at)) : value),
  };
}

/** A text edit inside a cell (prose, title, year line). */
export function txt(kind: Kind, what: string, at: Ref, from: string, to: string): Variant {
  return { kind, what, cause: at, relational: false, plant: (b) => plantText(b, at, from, to) };
}

/** A cell set to a value that no numeric relation covers (grade, reason, indicator value). */
export function put(kind: Kind, what: string, at: Ref, value: string | number | null): Variant {
  return {
    kind,
    what,
    cause: at,
    relational: false,
    plant: (b) => {
      if (valueAt(b, at) === undefined && value === null) throw new Error(`nothing to clear at ${at.sheet}!${at.a1}`);
      plant(b, at, value);
    },
  };
}

/** ×10000: 万元 typed in 元. */
export const yuan = (v: number): number => Math.round(v * 10000 * 100) / 100;


/** A trap: the rate at `at` typed as text (“99.74%”), as clerks do; the value is the same. */
export function rateAsText(at: Ref, why: string): import("./types").Trap {
  return {
    at,
    why,
    plant: (b) => {
      const v = numberAt(b, at);
      plant(b, at, `${(v * 100).toFixed(2)}%`);
    },
  };
}
