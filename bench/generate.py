#!/usr/bin/env python3
"""Writes the synthetic benchmark corpus for vetcheck, always the same for the same seed.

    bench/corpus/school/<province code>/<school id>.yaml   11,000 school reports (level: school)
    bench/corpus/city/<province code>/<city code>.yaml     333 city plans, 10-60 institutions each
    bench/corpus/big/city-10000.yaml                       one city plan of ~10,000 institutions (~50 MB)

Every file answers to the national pack cn-2020-7 (named, or left to the default) and reports the
institution facts of that pack, written as people write them: 4500, 4,500, 1.2万, 4500人, 2760学时,
是/否, true/false, yes/no, 有/无; nested (teachers: {professional: 260}) and dotted
(teachers.professional: 260) keys, flow mappings, comments, a narrative note; some facts absent and
some written but left empty. City plans also carry city facts, with shares written as 57% or 57％
(a bare 0.57 is refused: 0.57% or 57%?).

The national pack declares no ratio-typed fact, so a ratio such as 1:350 only appears in comments
(written into a count fact it is an input error, exit 2).

    python3 bench/generate.py [--out bench/corpus] [--seed N] [--check build-release/vetcheck]

--check runs vetcheck on everything written and fails if any file cannot be checked (exit 2).
"""

import argparse
import hashlib
import math
import os
import random
import shutil
import subprocess
import sys

SCHOOLS = 11000
CITIES = 333
BIG_INSTITUTIONS = 10000

# (code, name, prefecture-level cities, weight of its share of the country's vocational schools)
PROVINCES = [
    ("11", "北京市", 0, 1.2), ("12", "天津市", 0, 1.0), ("13", "河北省", 11, 6.0),
    ("14", "山西省", 11, 3.2), ("15", "内蒙古自治区", 12, 2.2), ("21", "辽宁省", 14, 3.0),
    ("22", "吉林省", 9, 1.9), ("23", "黑龙江省", 13, 2.4), ("31", "上海市", 0, 1.1),
    ("32", "江苏省", 13, 5.0), ("33", "浙江省", 11, 4.0), ("34", "安徽省", 16, 4.5),
    ("35", "福建省", 9, 2.8), ("36", "江西省", 11, 3.3), ("37", "山东省", 16, 6.5),
    ("41", "河南省", 17, 8.0), ("42", "湖北省", 13, 3.8), ("43", "湖南省", 14, 4.6),
    ("44", "广东省", 21, 7.0), ("45", "广西壮族自治区", 14, 3.6), ("46", "海南省", 4, 0.7),
    ("50", "重庆市", 0, 2.0), ("51", "四川省", 21, 6.5), ("52", "贵州省", 9, 3.0),
    ("53", "云南省", 16, 3.4), ("54", "西藏自治区", 7, 0.3), ("61", "陕西省", 10, 3.0),
    ("62", "甘肃省", 14, 2.2), ("63", "青海省", 8, 0.5), ("64", "宁夏回族自治区", 5, 0.5),
    ("65", "新疆维吾尔自治区", 14, 2.4),
]

# National statistics of the early 2020s: about 7,200 secondary vocational schools, 2,500 technical
# schools, 1,490 higher vocational colleges and 32 vocational universities.
TYPE_WEIGHTS = [("中职", 64.0), ("技工", 22.5), ("高职", 13.2), ("职业本科", 0.3)]

TYPE_SUFFIXES = {
    "中职": ["中等专业学校", "职业中等专业学校", "职业技术学校", "职业高级中学", "中等职业学校",
             "职业教育中心"],
    "技工": ["技工学校", "高级技工学校", "技师学院"],
    "高职": ["职业技术学院", "职业学院", "职业技术学院", "职业技术学院"],
    "职业本科": ["职业技术大学", "职业大学"],
}

SPECIALTIES = ["机电", "交通", "财经", "商贸", "旅游", "卫生", "建筑", "信息工程", "航海", "轻工",
               "农业", "化工", "艺术", "电子", "汽车", "医药", "工业", "科技", "工程", "经贸",
               "城市建设", "水利", "电力", "铁道", "林业", "外事", "幼儿师范", "体育", "烹饪",
               "服装", "石油", "冶金", "电子信息", "现代服务", "机械", "物流", "海洋", "能源"]

CITY_CHARS = "江临安宁清平阳海山河东西南北昌德兴华泰丰嘉永长新广定明庆和溪湖云川金宝鹤峰成武通义" \
             "怀瑞盛荆襄洛汉潮梅韶衡岳桂柳遵曲靖渭延庐滁淮徐连扬镇湘株常益邵"

NOTE_SENTENCES = [
    "学校坚持立德树人根本任务，把思想政治教育贯穿人才培养全过程。",
    "本年度围绕区域主导产业优化专业布局，新增专业两个，停招专业一个。",
    "全面推进“三教”改革，校企合作开发活页式、工作手册式教材十余种。",
    "深化产教融合，与本地龙头企业共建产业学院和生产性实训基地。",
    "实施教师素质提高计划，选派专业课教师赴企业实践累计超过一个月。",
    "落实劳动教育必修课程，学生劳动实践纳入综合素质评价。",
    "持续推进“1+X”证书制度试点，学生获取职业技能等级证书比例稳步提高。",
    "面向社区和企业职工开展职业技能培训，培训规模较上年有所扩大。",
    "完善内部质量保证体系，开展专业和课程诊断与改进。",
    "建设智慧校园，教学资源库和在线开放课程覆盖主要专业。",
    "毕业生就业质量保持稳定，本地就业比例较上年提高。",
    "加强实习管理，落实岗位实习标准，实习责任保险全覆盖。",
    "推进中高职贯通培养，与高职院校联合开展长学制人才培养。",
    "组织学生参加各级职业技能大赛，获得省级以上奖项若干。",
    "聘请企业技术骨干和能工巧匠担任兼职教师，充实“双师型”教师队伍。",
    "开展职业精神、工匠精神、劳模精神专题教育，邀请劳动模范进校园。",
    "按规定选用国家统编教材，思想政治、语文、历史课程开足开齐。",
    "学校办学经费以财政拨款为主，生均拨款按时足额到位。",
    "数据来源：本校年度事业统计报表及教务管理系统，统计口径与上年一致。",
    "部分数据为初步统计数，最终以主管部门审核数为准。",
    "对照《职业院校数字校园规范》推进信息化建设，部分指标尚在建设中。",
    "学校积极服务乡村振兴，为当地培养农业农村实用人才。",
    "与“一带一路”沿线国家院校开展交流合作，接收留学生培训。",
    "持续改善办学条件，新建实训楼一栋，更新教学仪器设备。",
    "建立人才培养方案公开制度，专业人才培养方案在学校网站公开。",
    "辅导员队伍建设有待加强，职务职级“双线”晋升通道正在研究制定。",
    "专业课程教材更新周期不一，部分课程仍使用三年前出版的教材。",
    "管理干部参加各级各类培训，培训覆盖率逐年提高。",
    "开展学生心理健康教育，配备专职心理健康教育教师。",
    "推进书证融通和学分银行建设，探索学习成果认定和转换。",
]

SECTION_COMMENTS = {
    "people": ["# 一、学生与教师", "# ---- 在校生与师资 ----", "# 学生、教师基本情况（截至当年 9 月 30 日）"],
    "hours": ["# 二、教学学时（按现行人才培养方案）", "# ---- 学时 ----", "# 课程与学时"],
    "yesno": ["# 三、制度建设情况（是/否）", "# ---- 制度落实 ----", "# 落实情况"],
}

INSTITUTION_BOOLEANS = [
    # (key, probability it holds, types it is asked of; None = all)
    ("courses.labor_education_required", 0.93, None),
    ("textbooks.unified_used", 0.95, None),
    ("counselors.dual_track_promotion", 0.62, None),
    ("conditions.teaching_standards_met", 0.80, None),
    ("curriculum.training_plan_public", 0.88, None),
    ("teachers.five_year_training_cycle", 0.84, None),
    ("textbooks.professional_all_updated", 0.66, None),
    ("quality.annual_report", 0.91, None),
    ("managers.all_trained", 0.86, None),
    ("standards.national_provincial_implemented", 0.89, None),
    ("informatization.digital_campus_standard", 0.71, None),
]

CITY_BOOLEANS = [
    ("policy.combined_incentives", 0.72),
    ("coordination.general_vocational_cooperation", 0.85),
    ("governance.joint_conference", 0.90),
    ("planning.in_14th_five_year_plan", 0.93),
]

BOOL_WORDS = [(("是", "否"), 0.58), (("true", "false"), 0.22), (("yes", "no"), 0.08),
              (("有", "无"), 0.04), (("True", "False"), 0.04), (("'是'", "'否'"), 0.04)]


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


def lognormal(rng, median, sigma, low, high):
    return int(min(high, max(low, round(median * math.exp(rng.gauss(0.0, sigma))))))


class Writer:
    """Writes one subject's facts in one of several personal styles."""

    def __init__(self, rng):
        self.rng = rng

    def count(self, value, unit="人"):
        rng = self.rng
        r = rng.random()
        if value >= 10000 and r < 0.35:
            # 1.2万: written rounded to hundreds, so the value itself is what was written
            wan = round(value / 100) / 100
            text = f"{wan:.2f}".rstrip("0").rstrip(".")
            return text + "万", int(round(wan * 10000))
        if value >= 1000 and r < 0.50:
            return f"{value:,}", value
        if r < 0.62 and unit:
            return f"{value}{unit}", value
        return str(value), value

    def hours(self, value):
        r = self.rng.random()
        if r < 0.30:
            return f"{value}学时", value
        if r < 0.40 and value >= 1000:
            return f"{value:,}", value
        return str(value), value

    def boolean(self, value, words):
        return words[0] if value else words[1]


def school_values(rng, kind):
    """The facts of one institution as numbers and booleans (None = not reported)."""
    if kind == "中职":
        students = lognormal(rng, 1800, 0.6, 150, 9000)
    elif kind == "技工":
        students = lognormal(rng, 1500, 0.65, 120, 12000)
    elif kind == "高职":
        students = lognormal(rng, 9000, 0.5, 1500, 38000)
    else:
        students = lognormal(rng, 16000, 0.35, 6000, 40000)
    v = {}
    v["students.full_time"] = students
    v["teachers.ideological_political"] = max(1, round(students / rng.uniform(230, 560)))
    professional = max(4, round(students / rng.uniform(17, 26) * rng.uniform(0.48, 0.68)))
    if rng.random() < 0.002:
        professional = 0  # a new or tiny school that reports no professional teachers yet
    v["teachers.professional"] = professional
    share = min(0.97, max(0.12, rng.gauss(0.58, 0.16)))
    v["teachers.double_qualified"] = round(professional * share)
    v["training.headcount_annual"] = round(students * math.exp(rng.gauss(math.log(1.7), 0.55)))
    quality = rng.random() < (0.35 if kind in ("高职", "职业本科") else 0.16)
    v["is_quality_school"] = quality
    total = {"中职": (2900, 3400), "技工": (2800, 3500), "高职": (2400, 2950),
             "职业本科": (2600, 3200)}[kind]
    total_hours = rng.randrange(total[0], total[1]) // 10 * 10
    v["hours.total"] = total_hours
    v["hours.practical"] = round(total_hours * min(0.8, max(0.3, rng.gauss(0.535, 0.07))))
    v["hours.craftsmanship_education"] = rng.choice([8, 10, 12, 14, 16, 16, 16, 18, 20, 24, 32])
    for key, p, _ in INSTITUTION_BOOLEANS:
        v[key] = rng.random() < p
    return v


def comment_for(key, v):
    """An aside a person writes next to a value: the derived ratio or share, or a remark."""
    s = v.get("students.full_time")
    if key == "teachers.ideological_political" and s and v.get(key):
        return f"# 师生比 1:{round(s / v[key])}（要求不低于 1:350）"
    if key == "teachers.double_qualified" and v.get("teachers.professional"):
        return f"# 占专业课教师 {100 * v[key] / v['teachers.professional']:.1f}%"
    if key == "hours.practical" and v.get("hours.total"):
        return f"# 实践性教学学时占比 {100 * v[key] / v['hours.total']:.1f}%"
    if key == "training.headcount_annual" and s:
        return f"# 约为在校生的 {v[key] / s:.1f} 倍"
    return None


GROUPS = [
    ("people", ["students.full_time", "teachers.ideological_political", "teachers.professional",
                "teachers.double_qualified", "training.headcount_annual", "is_quality_school"]),
    ("hours", ["hours.craftsmanship_education", "hours.practical", "hours.total"]),
    ("yesno", [k for k, _, _ in INSTITUTION_BOOLEANS]),
]


def facts_lines(rng, v, indent, commentary):
    """YAML lines for the facts mapping, in a style chosen per subject."""
    w = Writer(rng)
    words = weighted(rng, BOOL_WORDS)
    style = weighted(rng, [("dotted", 0.4), ("nested", 0.35), ("mixed", 0.25)])
    p_absent = 0.035
    p_empty = 0.012
    pad = " " * indent
    lines = []

    def text_of(key, value):
        if isinstance(value, bool):
            return w.boolean(value, words), value
        if key.startswith("hours."):
            return w.hours(value)
        if key == "training.headcount_annual":  # person-times: 人次, never 人
            return w.count(value, "人次")
        return w.count(value)

    # decide what is reported
    entries = []
    for group, keys in GROUPS:
        for key in keys:
            if key not in v:
                continue
            r = rng.random()
            if r < p_absent:
                continue
            if r < p_absent + p_empty:
                entries.append((group, key, None))
                continue
            entries.append((group, key, v[key]))
    if rng.random() < 0.10:  # "is a quality school" left out: the training target is n/a
        entries = [e for e in entries if e[1] != "is_quality_school"]

    # each prefix is nested (teachers:\n  professional: 260) or dotted (teachers.professional: 260)
    # once per subject; a nested block is written once, so keys never repeat
    nest_of = {}
    closed = set()
    current_group = None
    open_prefix = None
    flow = None  # a flow mapping being collected: (prefix, [(leaf, text)])

    def close_flow():
        nonlocal flow
        if flow:
            items = ", ".join(f"{leaf}: {text}" for leaf, text in flow[1])
            lines.append(f"{pad}{flow[0]}: {{{items}}}")
            closed.add(flow[0])
        flow = None

    for group, key, value in entries:
        if commentary and group != current_group:
            close_flow()
            if open_prefix:
                closed.add(open_prefix)
            open_prefix = None
            lines.append(pad + rng.choice(SECTION_COMMENTS[group]))
        current_group = group
        prefix, _, leaf = key.rpartition(".")
        if prefix and prefix not in nest_of:
            nest_of[prefix] = style == "nested" or (style == "mixed" and rng.random() < 0.5)
        if flow and (flow[0] != prefix or value is None):
            close_flow()
        nest = prefix and nest_of[prefix] and prefix not in closed
        if value is None:
            text, shown = "", None
        else:
            text, shown = text_of(key, value)
            if shown != value:
                v[key] = shown  # 1.2万 is what the plan says
        if flow or (nest and value is not None and open_prefix != prefix and group == "hours"
                    and rng.random() < 0.35):
            if not flow:
                if open_prefix:
                    closed.add(open_prefix)
                open_prefix = None
                flow = (prefix, [])
            flow[1].append((leaf, f"'{text}'" if "," in text else text))
            continue
        remark = comment_for(key, v) if commentary and value is not None and rng.random() < 0.7 \
            else None
        if value is None and rng.random() < 0.6:
            remark = rng.choice(["# 待统计", "# 暂缺", "# 数据核实中", "# TODO 补填"])
        tail = ("   " + remark) if remark else ""
        if nest:
            if open_prefix != prefix:
                if open_prefix:
                    closed.add(open_prefix)
                lines.append(f"{pad}{prefix}:")
                open_prefix = prefix
            lines.append(f"{pad}  {leaf}: {text}{tail}".rstrip())
        else:
            if open_prefix:
                closed.add(open_prefix)
            open_prefix = None
            lines.append(f"{pad}{key}: {text}{tail}".rstrip())
    close_flow()
    return lines, v, entries


def note_block(rng, indent, target_bytes):
    pad = " " * indent
    out = [f"{pad[:-2]}note: |"]
    size = 0
    paragraph = ""
    while size < target_bytes:
        sentence = rng.choice(NOTE_SENTENCES)
        paragraph += sentence
        size += len(sentence.encode()) + 1
        if len(paragraph) > 60 or size >= target_bytes:
            out.append(pad + paragraph)
            paragraph = ""
    return out


class Names:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def city(self):
        while True:
            n = "".join(self.rng.sample(CITY_CHARS, 2)) + "市"
            if n not in self.used:
                self.used.add(n)
                return n

    def school(self, place, kind):
        for _ in range(1000):
            n = place.rstrip("市") + self.rng.choice(SPECIALTIES) + self.rng.choice(TYPE_SUFFIXES[kind])
            if n not in self.used:
                self.used.add(n)
                return n
        n = f"{place}第{len(self.used)}{self.rng.choice(TYPE_SUFFIXES[kind])}"
        self.used.add(n)
        return n


def plan_header(rng, lines, ident, name, region, level, year, kind=None):
    lines.append("plan:")
    lines.append(f"  id: {ident}")
    lines.append(f"  name: {name}")
    lines.append(f"  region: {region}")
    lines.append(f"  level: {level}")
    if kind:
        lines.append(f"  type: {kind}")
    lines.append(f"  year: {year}")
    r = rng.random()
    if r < 0.65:
        lines.append("  packs: [cn-2020-7]")
    elif r < 0.75:
        lines.append("  packs: cn-2020-7")
    elif r < 0.85:
        lines.append("  packs:\n    - cn-2020-7")
    # else: no packs: the national pack by default


def school_report(rng, names, province, city, index):
    kind = weighted(rng, TYPE_WEIGHTS)
    name = names.school(city, kind)
    year = weighted(rng, [(2022, 0.15), (2023, 0.6), (2024, 0.25)])
    ident = f"{province[0]}-{index:05d}-{year}"
    v = school_values(rng, kind)
    target = int(min(8200, max(3000, rng.gauss(4750, 1000))))
    lines = [f"# {name} {year} 年度质量报告（数据部分）",
             f"# 填报单位：{name}    主管部门：{city}教育局",
             "# 说明：数值按学校事业统计口径填写；未填写的项目表示暂无数据。"]
    plan_header(rng, lines, ident, f"{name} {year} 年度质量报告", f"{province[1]} {city}",
                "school", year, kind)
    body, v, _ = facts_lines(rng, v, 2, True)
    facts = ["facts:"] + body
    head_size = len("\n".join(lines + facts).encode())
    lines += note_block(rng, 4, max(200, target - head_size - 40))
    lines += facts
    return ident, "\n".join(lines) + "\n", kind


def institution_entry(rng, names, city, n, commentary, note_bytes):
    kind = weighted(rng, TYPE_WEIGHTS)
    name = names.school(city, kind)
    v = school_values(rng, kind)
    out = [f"  - id: inst-{n:05d}", f"    name: {name}", f"    type: {kind}"]
    if note_bytes:
        out += note_block(rng, 6, note_bytes)
    body, _, _ = facts_lines(rng, v, 6, commentary)
    out.append("    facts:")
    out += body
    return out


def city_facts(rng, institution_kinds):
    lines = ["facts:"]
    words = weighted(rng, BOOL_WORDS)
    lines.append("  # 市级制度建设")
    for key, p in CITY_BOOLEANS:
        r = rng.random()
        if r < 0.04:
            continue
        lines.append(f"  {key}: {words[0] if rng.random() < p else words[1]}")
    poverty = rng.random() < 0.12
    lines.append(f"  region.contiguous_poverty_area: {words[0] if poverty else words[1]}")
    secondary = sum(1 for k in institution_kinds if k in ("中职", "技工"))
    if rng.random() < 0.93:
        lines.append(f"  schools:\n    secondary_vocational: {secondary}   # 含技工学校")
    if rng.random() < 0.25:
        share = rng.randrange(35, 80)
        lines.append("  textbooks.spot_check_share: "
                     + (f"{share}%" if rng.random() < 0.7 else f"{share}％"))
    if rng.random() < 0.15:
        lines.append(f"  admission.skills_test_score_share: {rng.choice([40, 50, 55, 60])}%")
    return lines


def city_plan(rng, names, province, city, code, institutions, note_bytes=0, commentary=True):
    year = weighted(rng, [(2022, 0.1), (2023, 0.55), (2024, 0.2), (2025, 0.15)])
    lines = [f"# {city}推动现代职业教育高质量发展行动计划 {year} 年度报告",
             "# 本市职业院校数据由各校填报，市教育局汇总。"]
    plan_header(rng, lines, f"{code}-{year}", f"{city}职业教育提质培优行动计划 {year} 年度报告",
                f"{province[1]} {city}", "city", year)
    insts = []
    kinds = []
    for n in range(1, institutions + 1):
        entry = institution_entry(rng, names, city, n, commentary,
                                  note_bytes if not callable(note_bytes) else note_bytes())
        kinds.append(entry[2].split(": ", 1)[1])
        insts += entry
    lines += city_facts(rng, kinds)
    lines.append("institutions:")
    lines += insts
    return "\n".join(lines) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return len(text.encode())


def generate(out, seed, schools, cities, big):
    rng = random.Random(seed)
    names = Names(rng)
    for sub in ("school", "city", "big"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    # cities of the provinces, with the municipalities' districts standing in for them
    places = []
    for p in PROVINCES:
        for i in range(max(1, p[2])):
            places.append((p, names.city() if p[2] else p[1], f"{p[0]}{i + 1:02d}00"))
    total = 0
    kinds = {}
    weights = [(p, p[3]) for p in PROVINCES]
    counters = {}
    for i in range(schools):
        province = weighted(rng, weights)
        own = [pl for pl in places if pl[0] is province]
        _, city, _ = rng.choice(own)
        counters[province[0]] = counters.get(province[0], 0) + 1
        ident, text, kind = school_report(rng, names, province, city, counters[province[0]])
        kinds[kind] = kinds.get(kind, 0) + 1
        total += write(os.path.join(out, "school", province[0], ident + ".yaml"), text)
    school_bytes = total
    city_places = [pl for pl in places if pl[0][2]][:cities]
    city_bytes = 0
    city_institutions = 0
    for province, city, code in city_places:
        n = rng.randrange(10, 61)
        city_institutions += n
        text = city_plan(rng, names, province, city, code, n)
        city_bytes += write(os.path.join(out, "city", province[0], code + ".yaml"), text)
    big_bytes = 0
    if big:
        big_rng = random.Random(seed + 1)
        province = PROVINCES[10]
        text = city_plan(big_rng, Names(big_rng), province, "大样本市", "339900", big,
                         note_bytes=lambda: int(min(6500, max(2200, big_rng.gauss(3800, 900)))))
        big_bytes = write(os.path.join(out, "big", f"city-{big}.yaml"), text)
    return {"schools": schools, "school_bytes": school_bytes, "types": kinds,
            "cities": len(city_places), "city_institutions": city_institutions,
            "city_bytes": city_bytes, "big_institutions": big, "big_bytes": big_bytes}


def check(vetcheck, out):
    """Every file must be checkable: exit 0 or 1, never 2. Returns the number of files rejected."""
    bad = 0
    for sub in ("school", "city", "big"):
        path = os.path.join(out, sub)
        if not os.path.isdir(path):
            continue
        p = subprocess.run([vetcheck, "--lang", "en", "-f", "term", path],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if p.returncode not in (0, 1):
            bad += 1
            sys.stderr.write(f"generate.py: vetcheck exit {p.returncode} on {path}:\n"
                             f"{p.stderr[:4000]}\n")
        else:
            print(f"  checked {path}: vetcheck exit {p.returncode} (0 or 1: every file loads)")
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus"))
    ap.add_argument("--seed", type=int, default=20201007)
    ap.add_argument("--schools", type=int, default=SCHOOLS)
    ap.add_argument("--cities", type=int, default=CITIES)
    ap.add_argument("--big", type=int, default=BIG_INSTITUTIONS, help="institutions in the big plan (0: none)")
    ap.add_argument("--check", metavar="VETCHECK", help="run this vetcheck on every file written")
    ap.add_argument("--if-changed", action="store_true",
                    help="do nothing when the corpus was written with the same parameters and generator")
    a = ap.parse_args()
    with open(os.path.abspath(__file__), "rb") as f:
        stamp = hashlib.sha256(f.read() + repr((a.seed, a.schools, a.cities, a.big)).encode()).hexdigest()
    stamp_file = os.path.join(a.out, ".stamp")
    if a.if_changed and os.path.exists(stamp_file) and open(stamp_file).read().strip() == stamp:
        print(f"corpus in {a.out} is up to date")
    else:
        if os.path.exists(stamp_file):
            os.remove(stamp_file)
        stats = generate(a.out, a.seed, a.schools, a.cities, a.big)
        print(f"schools: {stats['schools']} files, {stats['school_bytes'] / 1e6:.1f} MB, "
              f"{stats['school_bytes'] / max(1, stats['schools']) / 1000:.2f} KB each; types "
              + ", ".join(f"{k} {n}" for k, n in sorted(stats["types"].items(), key=lambda x: -x[1])))
        print(f"cities: {stats['cities']} plans, {stats['city_institutions']} institutions, "
              f"{stats['city_bytes'] / 1e6:.1f} MB")
        if stats["big_institutions"]:
            print(f"big: one city plan, {stats['big_institutions']} institutions, "
                  f"{stats['big_bytes'] / 1e6:.1f} MB")
        with open(stamp_file, "w") as f:
            f.write(stamp + "\n")
    if a.check:
        if check(a.check, a.out):
            sys.exit(1)


if __name__ == "__main__":
    main()
