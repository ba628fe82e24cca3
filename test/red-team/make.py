#!/usr/bin/env python3
"""Red-team workbooks for jixiao, written independently of the engine's form declarations.

Usage: python3 make.py OUT_DIR

Writes, into OUT_DIR (never into the repository), four bureau-style forms laid out the way
clerks fill them (merged cells, "—" in unused cells, label and value in one cell, unit
markers in several spellings, no defined names), each as a consistent workbook and as one
workbook per planted mistake, plus OUT_DIR/manifest.json:

    [{"file": "project-consistent.xlsx", "form": "project", "kind": "consistent", "cells": []},
     {"file": "project-rate.xlsx", "form": "project", "kind": "rate", "cells": ["绩效自评表!I7"]}, ...]

"cells" lists the cell(s) where the planted mistake is: a finding is expected at one of them.
The figures come from the real seed reports (攀枝花 2021 project report, 宣汉 2020 部门整体/决算,
承德 2019 nine-project summary).
"""
import json
import os
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

DASH = "—"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def put(ws, ref, value, merge_to=None, fmt=None, bold=False):
    """Write value at ref, optionally merging ref:merge_to, with a border and a number format."""
    ws[ref] = value
    cell = ws[ref]
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    cell.border = BOX
    if bold:
        cell.font = Font(bold=True)
    if fmt:
        cell.number_format = fmt
    elif isinstance(value, float):
        cell.number_format = "0.00"
    if merge_to:
        ws.merge_cells(f"{ref}:{merge_to}")


def widths(ws, cols):
    for i, w in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


# ---------------------------------------------------------------------------------------------
# 1. 财政部 项目支出绩效自评表 (财预〔2020〕10号 附件 layout), seed 004 (攀枝花 2021)
# ---------------------------------------------------------------------------------------------

PROJECT_SHEET = "绩效自评表"


def project_values():
    return {
        "A2": "（2021年度）",
        # 项目资金 block: 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分
        "E7": 200.0, "F7": 215.11, "G7": 204.35, "I7": 0.95, "J7": 9.5,
        "E8": 200.0, "F8": 205.11, "G8": 195.35,
        "E9": 0.0, "F9": 10.0, "G9": 9.0,
        # indicator scores (H14..H20) and the 总分 / 等次
        "H14": 10, "H15": 10, "H16": 15, "H17": 15, "H18": 15, "H19": 15, "H20": 10,
        "H21": 99.5, "G22": "优",
        "prose_rate": "95%", "prose_score": "99.5",
    }


def write_project(path, v):
    wb = Workbook()
    ws = wb.active
    ws.title = PROJECT_SHEET
    widths(ws, [10, 12, 14, 22, 14, 14, 12, 10, 12, 20])
    put(ws, "A1", "项目支出绩效自评表", "J1", bold=True)
    put(ws, "A2", v["A2"], "J2")
    put(ws, "A3", "填报单位：攀枝花市医疗保障事务中心", "F3")
    put(ws, "G3", "金额单位：万元", "J3")
    put(ws, "A4", "项目名称", "B4")
    put(ws, "C4", "业务运行费及追加工作经费", "J4")
    put(ws, "A5", "主管部门", "B5")
    put(ws, "C5", "攀枝花市医疗保障局", "E5")
    put(ws, "F5", "实施单位", "G5")
    put(ws, "H5", "攀枝花市医疗保障事务中心", "J5")
    put(ws, "A6", "项目资金（万元）", "B10")
    put(ws, "C6", "", "D6")
    for ref, text in zip("EFGHIJ", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        put(ws, f"{ref}6", text)
    put(ws, "C7", "年度资金总额", "D7")
    put(ws, "C8", "其中：当年财政拨款", "D8")
    put(ws, "C9", "上年结转资金", "D9")
    put(ws, "C10", "其他资金", "D10")
    for row in (7, 8, 9):
        for col in "EFG":
            put(ws, f"{col}{row}", v[f"{col}{row}"])
    put(ws, "H7", 10)
    put(ws, "I7", v["I7"], fmt="0.00%")
    put(ws, "J7", v["J7"])
    for row in (8, 9):
        for col in "HIJ":
            put(ws, f"{col}{row}", DASH)
    for col in "EFGHIJ":
        put(ws, f"{col}10", DASH)
    put(ws, "A11", "年度总体目标", "A12")
    put(ws, "B11", "预期目标", "F11")
    put(ws, "G11", "实际完成情况", "J11")
    put(ws, "B12", "保障医保经办工作正常运转，加大费用审核力度，做好医保政策宣传，实现全民参保。", "F12")
    put(ws, "G12", "按时足额发放劳务费及工资，按时完成费用审核工作，印制宣传手册10万册、海报1700张。", "J12")
    put(ws, "A13", "绩效指标", "A20")
    for ref, text in zip("BCDEFGH", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]):
        put(ws, f"{ref}13", text)
    put(ws, "I13", "偏差原因分析及改进措施", "J13")
    rows = [
        ("产出指标", "数量指标", "印制医保宣传和服务手册", "≥10万册", "10万册", 10),
        ("", "数量指标", "印制宣传海报", "≥1500张", "1700张", 10),
        ("", "质量指标", "费用审核按时完成率", "100%", "100%", 15),
        ("", "时效指标", "资金支付及时率", "≥95%", "100%", 15),
        ("效益指标", "社会效益指标", "医保公共服务水平", "稳步提高", "稳步提高", 15),
        ("", "可持续影响指标", "医保基金运行", "平稳有序", "平稳有序", 15),
        ("满意度指标", "服务对象满意度指标", "参保人员满意度", "≥90%", "95%", 10),
    ]
    for i, (l1, l2, l3, target, actual, weight) in enumerate(rows):
        r = 14 + i
        for ref, val in zip("BCDEFG", [l1, l2, l3, target, actual, weight]):
            put(ws, f"{ref}{r}", val)
        put(ws, f"H{r}", v[f"H{r}"])
        put(ws, f"I{r}", "", f"J{r}")
    ws.merge_cells("B14:B17")
    ws.merge_cells("C14:C15")
    ws.merge_cells("B18:B19")
    put(ws, "A21", "总分", "F21")
    put(ws, "G21", 100)
    put(ws, "H21", v["H21"])
    put(ws, "I21", DASH, "J21")
    put(ws, "A22", "评价等次", "F22")
    put(ws, "G22", v["G22"], "J22")
    put(ws, "A23", "填报人：李某某    联系电话：0812-3333333    填报日期：2022年3月15日", "J23")

    rep = wb.create_sheet("自评报告")
    widths(rep, [100])
    paras = [
        "业务运行费及追加工作经费项目支出绩效自评报告",
        "一、项目概况",
        "负责城镇职工基本医疗保险、城乡居民基本医疗保险、生育保险、医疗救助等具体经办业务。",
        "二、项目资金申报及使用情况",
        "该项目资金计划215.11万元，为财政拨款资金。截止2021年12月31日，该项目资金已支付使用204.35万元，"
        f"预算执行率为{v['prose_rate']}。",
        "三、项目绩效情况",
        "印制宣传海报1700张，宣传折页10万份，并发放到全市所有医保定点医院、定点药店。",
        "四、评价结论及建议",
        f"经自评，该项目综合得分{v['prose_score']}分，评价等次为优。",
    ]
    for i, p in enumerate(paras, start=1):
        rep[f"A{i}"] = p
        rep[f"A{i}"].alignment = Alignment(wrap_text=True)
    wb.save(path)


PROJECT_PLANTS = {
    # kind: (changes, planted cells)
    "part": ({"G8": 185.35}, [f"{PROJECT_SHEET}!G8"]),
    "unit": ({"G9": 90000.0}, [f"{PROJECT_SHEET}!G9"]),
    "total": ({"G7": 214.35}, [f"{PROJECT_SHEET}!G7"]),
    "rate": ({"I7": 0.9}, [f"{PROJECT_SHEET}!I7"]),
    "score-over": ({"H14": 12}, [f"{PROJECT_SHEET}!H14"]),
    "total-score": ({"H21": 97.5}, [f"{PROJECT_SHEET}!H21"]),
    "grade": ({"G22": "良"}, [f"{PROJECT_SHEET}!G22"]),
    "title-year": ({"A2": "（2020年度）"}, [f"{PROJECT_SHEET}!A2"]),
    "prose-rate": ({"prose_rate": "98%"}, ["自评报告!A5"]),
    "prose-score": ({"prose_score": "95.5"}, ["自评报告!A9"]),
}


# ---------------------------------------------------------------------------------------------
# 2. 部门整体支出绩效自评表 with 按收入性质 / 按支出性质 splits, seed 003 (宣汉 2020)
# ---------------------------------------------------------------------------------------------

DEPT_SHEET = "部门整体自评表"

# row -> label; columns D (年初预算数), E (全年预算数), F (全年执行数)
DEPT_ROWS = [
    (6, "年度资金总额"),
    (7, "按收入性质分：一般公共预算财政拨款"),
    (8, "政府性基金预算拨款"),
    (9, "国有资本经营预算拨款"),
    (10, "财政专户管理资金"),
    (11, "单位资金"),
    (12, "按支出性质分：基本支出"),
    (13, "其中：人员经费"),
    (14, "公用经费"),
    (15, "项目支出"),
]


def dept_values():
    return {
        "A2": "（2020年度）",
        "D6": 800.0, "E6": 860.0, "F6": 848.75,
        "D7": 785.0, "E7": 840.0, "F7": 830.0,
        "D11": 15.0, "E11": 20.0, "F11": 18.75,
        "D12": 430.0, "E12": 450.0, "F12": 442.18,
        "D13": 375.0, "E13": 390.0, "F13": 384.02,
        "D14": 55.0, "E14": 60.0, "F14": 58.16,
        "D15": 370.0, "E15": 410.0, "F15": 406.57,
        "H6": 0.9869, "I6": 9.87,
        "H19": 25, "H20": 25, "H21": 15, "H22": 15, "H23": 10,
        "H24": 99.87, "G25": "优",
        "prose_rate": "98.69%", "prose_amount": "848.75",
    }


def write_dept(path, v):
    wb = Workbook()
    ws = wb.active
    ws.title = DEPT_SHEET
    widths(ws, [12, 16, 30, 14, 14, 14, 10, 12, 10])
    put(ws, "A1", "部门整体支出绩效自评表", "I1", bold=True)
    put(ws, "A2", v["A2"], "I2")
    put(ws, "A3", "部门（单位）名称：宣汉县医疗保障局", "F3")
    put(ws, "G3", "单位：万元", "I3")
    put(ws, "A4", "", "I4")
    put(ws, "A5", "年度预算资金（万元）", "A15")
    put(ws, "B5", "", "C5")
    for ref, text in zip("DEFGHI", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        put(ws, f"{ref}5", text)
    for row, label in DEPT_ROWS:
        put(ws, f"B{row}", label, f"C{row}")
        for col in "DEF":
            put(ws, f"{col}{row}", v.get(f"{col}{row}", DASH))
        if row == 6:
            put(ws, "G6", 10)
            put(ws, "H6", v["H6"], fmt="0.00%")
            put(ws, "I6", v["I6"])
        else:
            for col in "GHI":
                put(ws, f"{col}{row}", DASH)
    put(ws, "A16", "年度总体目标", "A17")
    put(ws, "B16", "预期目标", "E16")
    put(ws, "F16", "实际完成情况", "I16")
    put(ws, "B17", "落实医保待遇政策，加强基金监管，推进医保扶贫，保障机关正常运转。", "E17")
    put(ws, "F17", "医保待遇政策全面落实，贫困人口100%参保，机关运转正常。", "I17")
    put(ws, "A18", "绩效指标", "A23")
    for ref, text in zip("BCDEFGH", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]):
        put(ws, f"{ref}18", text)
    put(ws, "I18", "偏差原因分析及改进措施")
    rows = [
        ("产出指标", "数量指标", "贫困人口参保率", "100%", "100%", 25),
        ("", "时效指标", "医保待遇按时支付率", "100%", "100%", 25),
        ("效益指标", "社会效益指标", "建档立卡贫困人口住院个人支出占比", "≤10%", "9.6%", 15),
        ("", "可持续影响指标", "医保基金运行", "平稳可持续", "平稳可持续", 15),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "93%", 10),
    ]
    for i, (l1, l2, l3, target, actual, weight) in enumerate(rows):
        r = 19 + i
        for ref, val in zip("BCDEF", [l1, l2, l3, target, actual]):
            put(ws, f"{ref}{r}", val)
        put(ws, f"G{r}", weight)
        put(ws, f"H{r}", v[f"H{r}"])
        put(ws, f"I{r}", "")
    ws.merge_cells("B19:B20")
    ws.merge_cells("B21:B22")
    put(ws, "A24", "总分", "F24")
    put(ws, "G24", 100)
    put(ws, "H24", v["H24"])
    put(ws, "I24", DASH)
    put(ws, "A25", "自评等次", "F25")
    put(ws, "G25", v["G25"], "I25")

    rep = wb.create_sheet("整体绩效自评报告")
    widths(rep, [100])
    paras = [
        "宣汉县医疗保障局2020年度部门整体支出绩效自评报告",
        "一、部门概况",
        "组织起草医疗保险、生育保险、医疗救助等医疗保障的地方性法规、规章草案，拟订本县医疗保障事业发展规划。",
        "二、部门整体支出情况",
        f"2020年全年预算数860.00万元，全年执行数{v['prose_amount']}万元，预算执行率{v['prose_rate']}。"
        "其中基本支出442.18万元，项目支出406.57万元。",
        "三、评价结论",
        "经自评，本部门整体支出绩效自评得分99.87分，等次为优。",
    ]
    for i, p in enumerate(paras, start=1):
        rep[f"A{i}"] = p
        rep[f"A{i}"].alignment = Alignment(wrap_text=True)
    wb.save(path)


DEPT_PLANTS = {
    "part": ({"F13": 394.02}, [f"{DEPT_SHEET}!F13"]),
    "unit": ({"F14": 581600.0}, [f"{DEPT_SHEET}!F14"]),
    "total": ({"F6": 858.75}, [f"{DEPT_SHEET}!F6"]),
    "rate": ({"H6": 0.9669}, [f"{DEPT_SHEET}!H6"]),
    "score-over": ({"H21": 18}, [f"{DEPT_SHEET}!H21"]),
    "total-score": ({"H24": 97.87}, [f"{DEPT_SHEET}!H24"]),
    "grade": ({"G25": "良"}, [f"{DEPT_SHEET}!G25"]),
    "title-year": ({"A2": "（2019年度）"}, [f"{DEPT_SHEET}!A2"]),
    "prose-rate": ({"prose_rate": "96.69%"}, ["整体绩效自评报告!A5"]),
    "prose-amount": ({"prose_amount": "858.75"}, ["整体绩效自评报告!A5"]),
}


# ---------------------------------------------------------------------------------------------
# 3. 项目绩效自评汇总表, seed 001 (承德 2019, nine projects)
# ---------------------------------------------------------------------------------------------

SUMMARY_SHEET = "项目自评汇总"

SUMMARY_PROJECTS = [
    # 项目名称, 资金文号, 实施单位, 预算数, 执行数, 得分
    ("医疗服务与保障能力提升补助资金（培训）", "承财社[2019]107号", "市医疗保障局", 11.61, 11.61, 98.0),
    ("医疗服务与保障能力提升补助资金（基金监管）", "承财社[2019]163号", "市医疗保障局", 28.0, 12.58, 85.49),
    ("医疗服务与保障能力提升（医保信息系统建设）补助资金", "承财社[2019]171号", "市医疗保障局", 48.5, 48.5, 97.0),
    ("办公经费", "承财社[2019]201号", "市医疗保障局", 20.0, 20.0, 96.0),
    ("购置应急保障用车", "承财社[2019]75号", "市医疗保障局", 20.6, 20.6, 98.0),
    ("购置行政执法用车", "承财社[2019]75号", "市医疗保障局", 20.6, 20.6, 98.0),
    ("职工医保管理工作经费", DASH, "职工医保中心", 15.0, 15.0, 95.0),
    ("医疗服务与保障能力提升补助资金（扫码支付）", DASH, "职工医保中心", 18.0, 0.0, 82.0),
    ("城乡居民医保管理工作经费", DASH, "居民医保中心", 10.0, 10.0, 95.0),
]


def grade_of(score):
    return "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"


def summary_values():
    v = {"A1": "承德市医疗保障局2019年度项目绩效自评汇总表", "prose_rate": "83%", "prose_count": "9"}
    for i, (_, _, _, budget, spent, score) in enumerate(SUMMARY_PROJECTS):
        r = 4 + i
        v[f"E{r}"] = budget
        v[f"F{r}"] = spent
        v[f"G{r}"] = round(spent / budget, 4)
        v[f"H{r}"] = round(budget - spent, 2)
        v[f"I{r}"] = score
        v[f"J{r}"] = grade_of(score)
    v["E13"] = 192.31
    v["F13"] = 158.89
    v["G13"] = 0.8262
    v["H13"] = 33.42
    return v


def write_summary(path, v):
    wb = Workbook()
    ws = wb.active
    ws.title = SUMMARY_SHEET
    widths(ws, [6, 40, 18, 14, 14, 14, 10, 14, 10, 8])
    put(ws, "A1", v["A1"], "J1", bold=True)
    put(ws, "A2", "编制单位：承德市医疗保障局", "F2")
    put(ws, "G2", DASH)
    put(ws, "H2", "", "J2")
    heads = ["序号", "项目名称", "资金文号", "实施单位", "预算数(万元)", "执行数(万元)", "执行率",
             "结转结余(万元)", "自评得分", "等次"]
    for i, h in enumerate(heads):
        put(ws, f"{get_column_letter(i + 1)}3", h, bold=True)
    for i, (name, doc, unit, _, _, _) in enumerate(SUMMARY_PROJECTS):
        r = 4 + i
        put(ws, f"A{r}", i + 1)
        put(ws, f"B{r}", name)
        put(ws, f"C{r}", doc)
        put(ws, f"D{r}", unit)
        for col in "EFHI":
            put(ws, f"{col}{r}", v[f"{col}{r}"])
        put(ws, f"G{r}", v[f"G{r}"], fmt="0.00%")
        put(ws, f"J{r}", v[f"J{r}"])
    put(ws, "A13", "合计", "D13")
    for col in "EFH":
        put(ws, f"{col}13", v[f"{col}13"])
    put(ws, "G13", v["G13"], fmt="0.00%")
    put(ws, "I13", DASH)
    put(ws, "J13", DASH)

    rep = wb.create_sheet("自评说明")
    widths(rep, [100])
    paras = [
        "承德市医疗保障局2019年度项目支出绩效自评情况说明",
        f"2019年全局预算项目共有{v['prose_count']}项，预算资金共计192.31万元，支出158.89万元，"
        f"预算执行率为{v['prose_rate']}，结转到2020年度33.42万元。",
        "其中局机关2019年度细化项目6项，预算资金149.31万元，支出133.89万元，结转到2020年度15.42万元。",
    ]
    for i, p in enumerate(paras, start=1):
        rep[f"A{i}"] = p
        rep[f"A{i}"].alignment = Alignment(wrap_text=True)
    wb.save(path)


SUMMARY_PLANTS = {
    "part": ({"H5": 16.42}, [f"{SUMMARY_SHEET}!H5"]),
    "unit": ({"F7": 200000.0}, [f"{SUMMARY_SHEET}!F7"]),
    "total": ({"E13": 193.31}, [f"{SUMMARY_SHEET}!E13"]),
    "rate": ({"G5": 0.5493}, [f"{SUMMARY_SHEET}!G5"]),
    "score-over": ({"I7": 105.0, "J7": "优"}, [f"{SUMMARY_SHEET}!I7"]),
    "grade": ({"J5": "优"}, [f"{SUMMARY_SHEET}!J5"]),
    "title-year": ({"A1": "承德市医疗保障局2018年度项目绩效自评汇总表"}, [f"{SUMMARY_SHEET}!A1"]),
    "prose-rate": ({"prose_rate": "88%"}, ["自评说明!A2"]),
    "prose-count": ({"prose_count": "8"}, ["自评说明!A2"]),
}


# ---------------------------------------------------------------------------------------------
# 4. 收入支出决算总表 (two-sided) + 支出决算表, seed 003 (宣汉 2020)
# ---------------------------------------------------------------------------------------------

FINAL_SHEET = "收入支出决算总表"
SPEND_SHEET = "支出决算表"

FINAL_INCOME = [
    (5, "一、一般公共预算财政拨款收入", "C5"),
    (6, "二、政府性基金预算财政拨款收入", "C6"),
    (7, "三、国有资本经营预算财政拨款收入", "C7"),
    (8, "四、上级补助收入", "C8"),
    (9, "五、事业收入", "C9"),
    (10, "六、经营收入", "C10"),
    (11, "七、附属单位上缴收入", "C11"),
    (12, "八、其他收入", "C12"),
]
FINAL_SPEND = [
    (5, "一、社会保障和就业支出", "F5"),
    (6, "二、卫生健康支出", "F6"),
    (7, "三、住房保障支出", "F7"),
]


def final_values():
    return {
        "A1": "2020年度收入支出决算总表",
        "C5": 848.74, "C6": 0.0, "C7": 0.0, "C8": 0.0, "C9": 0.0, "C10": 0.0, "C11": 0.0, "C12": 0.0,
        "C13": 848.74, "C14": 0.05, "C15": 848.79,
        "F5": 67.78, "F6": 756.01, "F7": 24.96,
        "F13": 848.75, "F14": 0.04, "F15": 848.79,
        # 支出决算表: 合计 / 基本支出 / 项目支出 by function
        "s_C5": 848.75, "s_D5": 442.18, "s_E5": 406.57,
        "s_C6": 67.78, "s_D6": 67.78, "s_E6": 0.0,
        "s_C7": 756.01, "s_D7": 349.44, "s_E7": 406.57,
        "s_C8": 24.96, "s_D8": 24.96, "s_E8": 0.0,
        "prose_income": "848.74", "prose_spend_word": "支出",
    }


def write_final(path, v):
    wb = Workbook()
    ws = wb.active
    ws.title = FINAL_SHEET
    widths(ws, [34, 6, 14, 34, 6, 14])
    put(ws, "A1", v["A1"], "F1", bold=True)
    put(ws, "A2", "部门：宣汉县医疗保障局", "D2")
    put(ws, "E2", "金额单位：万元", "F2")
    put(ws, "A3", "收入", "C3")
    put(ws, "D3", "支出", "F3")
    for ref, text in zip("ABCDEF", ["项目", "行次", "金额", "项目", "行次", "金额"]):
        put(ws, f"{ref}4", text)
    for row, label, ref in FINAL_INCOME:
        put(ws, f"A{row}", label)
        put(ws, f"B{row}", row - 4)
        put(ws, ref, v[ref])
    for row, label, ref in FINAL_SPEND:
        put(ws, f"D{row}", label)
        put(ws, f"E{row}", row + 24)
        put(ws, ref, v[ref])
    for row in range(8, 13):
        put(ws, f"D{row}", "")
        put(ws, f"E{row}", "")
        put(ws, f"F{row}", "")
    put(ws, "A13", "本年收入合计")
    put(ws, "B13", 9)
    put(ws, "C13", v["C13"])
    put(ws, "D13", "本年支出合计")
    put(ws, "E13", 33)
    put(ws, "F13", v["F13"])
    put(ws, "A14", "年初结转和结余")
    put(ws, "B14", 10)
    put(ws, "C14", v["C14"])
    put(ws, "D14", "年末结转和结余")
    put(ws, "E14", 34)
    put(ws, "F14", v["F14"])
    put(ws, "A15", "总计")
    put(ws, "B15", 11)
    put(ws, "C15", v["C15"])
    put(ws, "D15", "总计")
    put(ws, "E15", 35)
    put(ws, "F15", v["F15"])

    sp = wb.create_sheet(SPEND_SHEET)
    widths(sp, [14, 30, 14, 14, 14])
    put(sp, "A1", "2020年度支出决算表", "E1", bold=True)
    put(sp, "A2", "部门：宣汉县医疗保障局", "C2")
    put(sp, "D2", "单位：万元", "E2")
    for ref, text in zip("ABCDE", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]):
        put(sp, f"{ref}4", text)
    put(sp, "A5", "合计", "B5")
    for row, code, name in [(6, "208", "社会保障和就业支出"), (7, "210", "卫生健康支出"), (8, "221", "住房保障支出")]:
        put(sp, f"A{row}", code)
        put(sp, f"B{row}", name)
    for row in (5, 6, 7, 8):
        for col in "CDE":
            put(sp, f"{col}{row}", v[f"s_{col}{row}"])

    rep = wb.create_sheet("整体绩效说明")
    widths(rep, [100])
    paras = [
        "宣汉县医疗保障局2020年度部门决算及整体绩效说明",
        f"2020年度收入{v['prose_income']}万元、{v['prose_spend_word']}848.75万元。",
        "2020年本年支出合计848.75万元，其中：基本支出442.18万元，项目支出406.57万元。",
    ]
    for i, p in enumerate(paras, start=1):
        rep[f"A{i}"] = p
        rep[f"A{i}"].alignment = Alignment(wrap_text=True)
    wb.save(path)


FINAL_PLANTS = {
    "part": ({"F7": 26.96}, [f"{FINAL_SHEET}!F7"]),
    "unit": ({"F6": 7560100.0}, [f"{FINAL_SHEET}!F6"]),
    "total": ({"C13": 846.74}, [f"{FINAL_SHEET}!C13"]),
    "split-part": ({"s_D7": 359.44}, [f"{SPEND_SHEET}!D7"]),
    "title-year": ({"A1": "2019年度收入支出决算总表"}, [f"{FINAL_SHEET}!A1"]),
    "prose-amount": ({"prose_income": "858.74"}, ["整体绩效说明!A2"]),
}


# Consistent workbooks in a second wording. The seed's own sentence says "支出总计848.75万元" for the
# 本年支出合计 (the 总计 line, 848.79, adds the 年末结转和结余): a clerk's loose word, not a mistake.
VARIANTS = [
    ("final", "consistent-seed-wording", final_values, write_final, {"prose_spend_word": "支出总计"}),
]

FORMS = [
    ("project", project_values, write_project, PROJECT_PLANTS),
    ("dept", dept_values, write_dept, DEPT_PLANTS),
    ("summary", summary_values, write_summary, SUMMARY_PLANTS),
    ("final", final_values, write_final, FINAL_PLANTS),
]


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: make.py OUT_DIR\n")
        return 2
    out = os.path.abspath(sys.argv[1])
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    if out == repo or out.startswith(repo + os.sep):
        sys.stderr.write("make.py: refusing to write inside the repository\n")
        return 2
    os.makedirs(out, exist_ok=True)
    manifest = []
    for form, values, write, plants in FORMS:
        name = f"{form}-consistent.xlsx"
        write(os.path.join(out, name), values())
        manifest.append({"file": name, "form": form, "kind": "consistent", "cells": []})
        for kind, (changes, cells) in plants.items():
            v = values()
            v.update(changes)
            name = f"{form}-{kind}.xlsx"
            write(os.path.join(out, name), v)
            manifest.append({"file": name, "form": form, "kind": kind, "cells": cells})
    for form, variant, values, write, changes in VARIANTS:
        v = values()
        v.update(changes)
        name = f"{form}-{variant}.xlsx"
        write(os.path.join(out, name), v)
        manifest.append({"file": name, "form": form, "kind": "consistent", "variant": variant, "cells": []})
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
