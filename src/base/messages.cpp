#include "vetcheck/base/messages.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"

namespace vetcheck {

namespace {

// Every user-facing text, once, in both languages. Codes are stable: machine formats carry them
// and scripts match on them, so a code is never reused for another meaning (docs/messages.md).
// L- a word or label of the reports; P- a phrase set into another message; R- why a result is n/a,
// not due, an error or advisory; E- an input error.
// Chinese is written as an official writes it: full-width punctuation (，。；：（）“”), no spaces
// between Chinese words, nor between a number (or an argument) and the Chinese beside it: 需增加4人
// (MessagesTest checks both languages name the same placeholders, and the spacing).
const std::vector<MessageEntry> kCatalogue = {
    // Words of the reports.
    {"L-against", "against", "对照"},
    {"L-plan", "plan", "规划"},
    {"L-subject", "subject", "对象"},
    {"L-checks", "checks", "项检查"},
    {"L-pass", "pass", "达标"},
    {"L-fail", "fail", "未达标"},
    {"L-missing", "missing data", "缺少数据"},
    {"L-error", "error", "无法计算"},
    {"L-not-due", "not due", "未到期"},
    {"L-not-applicable", "n/a", "不适用"},
    {"L-advisory", "advisory", "建议性未达标"},
    {"L-waived", "waived", "已豁免"},
    {"L-needs", "needs", "需"},
    {"L-missing-data", "missing data", "缺少数据"},
    {"L-exit-code", "exit", "退出码"},
    {"L-whole-plan", "plan as a whole", "全市/全域"},
    {"L-more-of", "more", "还需"},
    {"L-points", "points", "个百分点"},
    {"L-over", "over", "超出"},
    {"L-short", "short", "差"},
    {"L-due", "due", "期限"},
    {"L-no-indicators", "no indicators apply", "没有适用的指标"},
    {"L-level-national", "national", "国家级"},
    {"L-level-province", "province", "省级"},
    {"L-level-city", "city", "市级"},
    {"L-level-county", "county", "县级"},
    {"L-level-school", "school", "学校"},
    {"L-advisory-target", "advisory", "建议性目标"},
    {"L-benchmark-against", "benchmark against the {scope}", "对照{scope}"},
    {"L-missing-facts", "missing data: {facts}", "缺少数据：{facts}"},
    {"L-input-not-checked", "input not checked", "未能检查的输入"},

    // zh15b: what a plan would change to meet a target (src/report/shortfall_text.cpp), in the
    // lever fact's own unit (人次 where the fact counts 人次); a share moves by percentage points.
    {"L-gap-more", "{over}{amount} more {fact} ({path}{unit})",
     "需增加{over}{amount}{unit}（{fact}{path}）"},
    {"L-gap-fewer", "{over}{amount} fewer {fact} ({path}{unit})",
     "需减少{over}{amount}{unit}（{fact}{path}）"},
    {"L-gap-points-more", "{over}{amount} more points of {fact} ({path})",
     "需增加{over}{amount}个百分点（{fact}{path}）"},
    {"L-gap-points-fewer", "{over}{amount} fewer points of {fact} ({path})",
     "需减少{over}{amount}个百分点（{fact}{path}）"},
    {"P-gap-over", "over ", "超过"},
    {"P-gap-path", "{current} → {needed}", "{current}→{needed}"},
    {"P-gap-path-strict", "{current} → > {needed}", "{current}→>{needed}"},

    // The Excel workbook (-f xlsx): its sheets, headings and the errors of writing it.
    {"L-xlsx-sheet-summary", "Summary", "汇总"},
    {"L-xlsx-sheet-results", "Results", "结果"},
    {"L-xlsx-sheet-matrix", "Matrix", "矩阵"},
    {"L-xlsx-sheet-errors", "Errors", "错误"},
    {"L-xlsx-title", "vetcheck report", "规划指标核查报告"},
    {"L-xlsx-date", "Date", "日期"},
    {"L-xlsx-version", "vetcheck version", "核查工具版本"},
    {"L-xlsx-inputs", "Inputs", "输入"},
    {"L-xlsx-plans", "Plans checked", "已检查的规划"},
    {"L-xlsx-not-checked", "Inputs not checked", "未能检查的输入"},
    {"L-xlsx-results", "Checks", "检查项"},
    {"L-xlsx-pack-title", "Title", "标题"},
    {"L-xlsx-document", "Document number", "文号"},
    {"L-xlsx-period", "Period", "规划期"},
    {"L-xlsx-count", "Count", "数量"},
    {"L-xlsx-checked", "Counted", "计入达标率"},
    {"L-xlsx-pass-rate", "Pass rate", "达标率"},
    {"L-xlsx-plan-id", "Plan id", "规划编号"},
    {"L-xlsx-plan-name", "Plan name", "规划名称"},
    {"L-xlsx-file", "File", "文件"},
    {"L-xlsx-region", "Region", "地区"},
    {"L-xlsx-level", "Level", "层级"},
    {"L-xlsx-subject", "Subject", "对象"},
    {"L-xlsx-pack", "Pack", "规则包"},
    {"L-xlsx-indicator", "Indicator", "指标编号"},
    {"L-xlsx-indicator-name", "Indicator name", "指标名称"},
    {"L-xlsx-status", "Status", "状态"},
    {"L-xlsx-actual", "Actual", "实际值"},
    {"L-xlsx-target", "Target", "目标值"},
    {"L-xlsx-requirement", "Requirement", "要求"},
    {"L-xlsx-gap", "Gap", "差距"},
    {"L-xlsx-deadline", "Deadline", "期限"},
    {"L-xlsx-reason", "Reason", "原因"},
    {"L-xlsx-source", "Source", "依据"},
    {"L-xlsx-line", "Line", "行"},
    {"L-xlsx-column", "Column", "列"},
    {"L-xlsx-code", "Code", "代码"},
    {"L-xlsx-message", "Message", "说明"},
    {"L-xlsx-source-line", "Source line", "原文行"},
    {"P-xlsx-no-memory", "out of memory", "内存不足"},
    {"P-xlsx-no-temporary", "cannot create a temporary file in {directory}",
     "无法在{directory}中创建临时文件"},
    {"E-xlsx-needs-file", "the xlsx format writes a workbook file: give it one (xlsx=report.xlsx)",
     "该格式写入工作簿文件，请指定文件（-f xlsx=report.xlsx）"},
    {"E-xlsx-write", "cannot write the workbook: {error}", "无法写入工作簿：{error}"},

    // Why a result is n/a, not due, an error or advisory.
    {"R-not-for-type", "not for {type}", "不适用于{type}"},
    {"R-checked-at-level", "checked at {levels} level", "仅在{levels}规划中检查"},
    {"R-no-institutions", "no institutions in the plan", "规划中没有院校"},
    {"R-no-institutions-of-type", "no {types} institutions in the plan", "规划中没有{types}院校"},
    {"R-condition-not-met", "condition not met: {condition}", "条件不满足：{condition}"},
    {"R-condition-not-reported", "condition not reported: {facts}",
     "未填报判断条件所需的数据：{facts}"},
    {"R-due", "due {year}", "{year}年到期"},
    {"R-gradual-advisory",
     "{word} with no date in the source: advisory, checked at the pack's end year {year}",
     "原文为“{word}”且未定期限：作为建议性目标，按规划期末{year}年检查"},
    {"R-waiver", "{reason}", "{reason}"},
    {"R-division-by-zero", "division by zero: {expression} is 0", "除数为零：{expression}为0"},
    {"R-division-by-zero-plain", "division by zero", "除数为零"},
    {"R-not-summable", "{key} is not a number to add up", "{key}不是可以加总的数值"},
    {"R-too-large-to-compute", "number too large to compute exactly", "数值过大，无法精确计算"},
    {"R-too-large-to-hold", "number too large to hold exactly", "数值过大，无法精确保存"},
    {"R-too-many-units", "more than {count} different units in one run",
     "一次运行中的不同单位超过{count}种"},
    {"R-unknown-expression", "unknown expression", "无法识别的表达式"},
    {"R-not-arithmetic", "not arithmetic", "不是算术表达式"},
    {"R-no-lower-plan-reports", "no lower plan reports {key}", "没有下级规划填报{key}"},

    // Input errors: each names the key, what was expected and what was found.
    {"E-unclassified", "{text}", "{text}"},
    {"E-expected", "{key}: expected {expected}, got {found}", "{key}：应为{expected}，实为{found}"},
    {"E-value-invalid", "{key}: expected {expected}, got {found} ({detail})",
     "{key}：应为{expected}，实为{found}（{detail}）"},
    {"E-field-missing", "{context}: missing required field '{field}'",
     "{context}：缺少必填字段“{field}”"},
    {"E-field-unknown", "{context}: unknown field '{field}'{suggestion}",
     "{context}：无法识别的字段“{field}”{suggestion}"},
    {"E-file-unreadable", "cannot read the file: {error}", "无法读取文件：{error}"},
    {"E-file-is-directory", "is a directory, not a file", "这是一个目录，不是文件"},
    {"E-file-too-large", "file larger than the limit of {bytes} bytes (--max-file-size)",
     "文件超过{bytes}字节的上限（--max-file-size）"},

    {"E-not-one-of", "{key}: expected one of {allowed}, got {found}{suggestion}",
     "{key}：应为以下之一：{allowed}，实为{found}{suggestion}"},
    {"E-fact-twice", "fact '{key}' given twice (first at line {line})",
     "数据项“{key}”填了两次（第一次在第{line}行）"},
    {"E-fact-unknown", "unknown fact '{key}'{suggestion}", "无法识别的数据项“{key}”{suggestion}"},
    {"E-fact-of-plan",
     "{key}: this fact is reported by the plan as a whole (under facts:), not here",
     "{key}：该数据项由规划整体填报（写在facts:下），不应写在此处"},
    {"E-fact-of-institution",
     "{key}: this fact is reported by each institution (under institutions:), not here",
     "{key}：该数据项由各院校分别填报（写在institutions:下），不应写在此处"},
    {"E-plan-not-mapping",
     "a plan: expected a mapping with plan:, facts: and institutions:, got {found}",
     "规划文件：应为含plan:、facts:和institutions:的映射，实为{found}"},
    {"E-school-needs-type", "plan: a school report (level: school) needs its type: {types}",
     "plan：学校质量报告（level: school）须写明学校类型（type）：{types}"},
    {"E-school-has-no-institutions",
     "institutions: a school report has no institutions; put the school's facts under facts:",
     "institutions：学校质量报告没有下属院校；请把学校的数据写在facts:下"},
    {"E-too-many-institutions",
     "institutions: more than {count} institutions in one plan; limit --max-institutions",
     "institutions：一个规划中的院校超过{count}所；上限见--max-institutions"},
    {"E-institution-twice", "institutions: duplicate id '{id}'",
     "institutions：院校编号“{id}”重复"},
    {"E-yaml-second-document", "expected one YAML document, found a second one (remove the '---')",
     "应只有一个YAML文档，却发现了第二个（请删去“---”）"},
    {"E-yaml-invalid", "invalid YAML: {problem}", "YAML格式有误：{problem}"},
    {"E-yaml-control-character",
     "invalid YAML: the file contains a control character{byte}, which YAML does not allow",
     "YAML格式有误：文件含有YAML不允许的控制字符{byte}"},
    {"E-yaml-not-utf8", "invalid YAML: the file is not valid UTF-8 text ({problem}{byte})",
     "YAML格式有误：文件不是有效的UTF-8文本（{problem}{byte}）"},
    {"E-yaml-too-many-nodes",
     "the document expands to more than {count} values (aliases repeated too often?); limit "
     "--max-nodes",
     "文档展开后超过{count}个值（别名重复过多？）；上限见--max-nodes"},
    {"E-yaml-key-not-text", "a key must be plain text, not {found}",
     "键应为普通文字，不能是{found}"},
    {"E-yaml-duplicate-key", "duplicate key '{key}' (first at line {line})",
     "键“{key}”重复（第一次在第{line}行）"},
    {"E-yaml-unknown-alias", "unknown alias '*{name}'", "无法识别的别名“*{name}”"},
    {"E-yaml-too-deep", "nesting deeper than {count} levels; limit --max-depth",
     "嵌套超过{count}层；上限见--max-depth"},
    {"E-csv-not-utf8", "not UTF-8 (byte {byte}); save the file as UTF-8 CSV",
     "不是UTF-8文本（字节{byte}）；请以UTF-8 CSV格式保存"},
    {"E-csv-control-character", "a control character ({code}) in a cell",
     "单元格中有控制字符（{code}）"},
    {"E-csv-stray-quote", "a quote inside an unquoted cell; quote the whole cell",
     "未加引号的单元格中有引号；请给整个单元格加上引号"},
    {"E-csv-text-after-quote", "text after a quoted cell's closing quote",
     "带引号的单元格在右引号后还有文字"},
    {"E-csv-unterminated-quote", "unterminated quoted cell", "单元格的引号没有闭合"},
    {"E-csv-no-header", "a CSV of school reports: expected a header row, got nothing",
     "学校质量报告CSV：应有表头行，但文件为空"},
    {"E-csv-column-missing",
     "the header row has no '{column}' column (columns id, name, type, year, then fact keys)",
     "表头行缺少“{column}”列（依次为id、name、type、year列，其后为各数据项）"},
    {"E-csv-column-unknown", "{problem} (a column of the header: {rows} rows not checked)",
     "{problem}（表头中的列：{rows}行未检查）"},
    {"E-csv-column-twice", "column '{column}' appears twice", "“{column}”列出现了两次"},
    {"E-csv-no-rows", "a CSV of school reports: a header row and no school's row",
     "学校质量报告CSV：只有表头行，没有任何学校的数据行"},
    {"E-csv-row-width", "row has {cells} cells but the header names {columns} columns",
     "该行有{cells}个单元格，而表头只有{columns}列"},
    {"E-waiver-unknown-indicator",
     "{key}: unknown indicator '{id}' in the packs this plan answers to ({packs}){suggestion}",
     "{key}：本规划适用的规则包（{packs}）中没有指标“{id}”{suggestion}"},
    {"E-waiver-school-institution",
     "{key}: a school report has no institutions; leave institution: out to waive '{id}' for the "
     "school",
     "{key}：学校质量报告没有下属院校；豁免本校的“{id}”时请删去institution:"},
    {"E-waiver-plan-indicator",
     "{key}: '{id}' is checked for the plan as a whole, not for each institution; leave "
     "institution: out",
     "{key}：“{id}”按规划整体检查，不分院校；请删去institution:"},
    {"E-waiver-unknown-institution", "{key}: unknown institution '{name}'{suggestion}",
     "{key}：没有名为“{name}”的院校{suggestion}"},
    {"E-waiver-twice", "waivers: a second waiver for '{id}'{institution}; the first is at {first}",
     "waivers：“{id}”{institution}有第二条豁免；第一条在{first}"},
    {"E-pack-not-mapping",
     "a pack: expected a mapping with pack:, facts: and indicators:, got {found}",
     "规则包文件：应为含pack:、facts:和indicators:的映射，实为{found}"},
    {"E-pack-unknown", "unknown pack '{id}'{suggestion}", "没有规则包“{id}”{suggestion}"},
    {"E-directory-unreadable", "cannot read the directory: {error}", "无法读取目录：{error}"},
    {"E-file-is-pipe", "a named pipe, not a file: give its contents on standard input (-)",
     "这是命名管道，不是文件：请从标准输入（-）提供其内容"},
    {"E-utf16-damaged",
     "the file begins with a UTF-16 {order} byte-order mark but is not UTF-16 text from here (a "
     "lone surrogate or a cut character)",
     "文件以UTF-16 "
     "{order}字节顺序标记开头，但从此处起不是UTF-16文本（孤立的代理项或被截断的字符）"},
    {"E-utf8-damaged",
     "the file is UTF-8 text but for a damaged character: {problem}; correct it or save the file "
     "again as UTF-8",
     "文件是UTF-8文本，但有一个损坏的字符：{problem}；请改正，或重新以UTF-8保存文件"},
    {"E-encoding-unknown",
     "the file is neither UTF-8 text ({problem}) nor GB18030/GBK (the bytes at {line}:{column} "
     "are not GB18030); save it as UTF-8",
     "文件既不是UTF-8文本（{problem}），也不是GB18030/GBK文本（第{line}行第{column}列的字节不符合"
     "GB18030）；请以UTF-8保存"},

    // Phrases set into other messages.
    {"P-nothing", "nothing", "空值"},
    {"P-a-mapping", "a mapping", "键值映射"},
    {"P-a-list", "a list", "列表"},
    {"P-quoted", "\"{text}\"", "“{text}”"},
    {"P-a-string", "a string", "文字"},
    {"P-a-non-empty-string", "a non-empty string", "非空文字"},
    {"P-a-whole-number", "a whole number", "整数"},
    {"P-one-of", "one of {items}", "以下之一：{items}"},
    {"P-a-date", "a date YYYY-MM-DD such as 2025-12-31", "日期，格式为YYYY-MM-DD，如2025-12-31"},
    {"P-a-list-of-waivers", "a list of waivers", "豁免事项列表"},
    {"P-a-fact-mapping", "a mapping of fact keys to values", "由数据项名称和数值组成的映射"},
    {"P-a-list-of-pack-ids", "a list of pack ids", "规则包编号列表"},
    {"P-a-year", "a year such as 2025", "年份，如2025"},
    {"P-a-tolerance", "a tolerance ({detail})", "容差（{detail}）"},
    {"P-a-tolerance-form", "a percentage such as 10% or an absolute amount such as 1",
     "百分比（如10%）或绝对数（如1）"},
    {"P-a-quote", "a quote", "原文引文"},
    {"P-a-figure-year", "a year such as 2021 before each figure", "每个数值前的年份，如2021"},
    {"P-a-year-up-to", "figures up to the plan's year {year}", "截至规划年份{year}的数值"},
    {"P-a-figure-for", "a figure for {year}", "{year}年的数值"},
    {"P-a-baseline-mapping", "a mapping with year: and facts", "含year:及各项数据的映射"},
    {"P-a-year-before", "a year before the plan's year {year}", "早于规划年份{year}的年份"},
    {"P-value-or-figures-by-year", "a value, or figures by year such as {example}",
     "一个数值，或按年份给出的数值，如{example}"},
    {"P-two-conflict-sides", "a list of two sides, each with pack, indicator, file and quote",
     "由两方组成的列表，每方含pack:、indicator:、file:、quote:"},
    {"P-id-form", "lowercase letters, digits and '-'", "小写字母、数字和“-”"},
    {"P-a-list-of-mappings", "a list of mappings with {fields}", "由含{fields}的映射组成的列表"},
    {"P-a-list-of-words", "a list of words", "词语列表"},
    {"P-a-word", "a word", "词语"},
    {"P-utf8-bad-lead", "byte {byte} cannot start a UTF-8 character",
     "字节{byte}不能作为UTF-8字符的开头"},
    {"P-utf8-cut", "the file ends inside a UTF-8 character ({byte} …)",
     "文件在一个UTF-8字符中间结束（{byte}……）"},
    {"P-utf8-bad-continuation", "byte {byte} cannot continue the UTF-8 character begun by {lead}",
     "字节{byte}不能接在以{lead}开头的UTF-8字符之后"},
    {"P-no-such-file", "No such file or directory", "文件或目录不存在"},
    {"P-permission-denied", "Permission denied", "没有访问权限"},
    {"P-not-a-directory", "Not a directory", "路径中有一部分不是目录"},
    {"P-no-space", "No space left on device", "设备空间已满"},
    {"P-read-only", "Read-only file system", "文件系统为只读"},
    {"P-system-error", "{text}", "{text}"},
    {"P-expect-count", "a whole number{unit} (e.g. 4500)", "整数{unit}（如4500）"},
    {"P-expect-amount", "an amount{unit} (e.g. 12000 or 1.2万)", "数额{unit}（如12000或1.2万）"},
    {"P-expect-number", "a number", "数值"},
    {"P-expect-share", "a percentage (e.g. 57%)", "百分比（如57%）"},
    // input15: shares written as a bare number, read only as the pack declares (a fact's bare:).
    {"P-expect-share-bare-percent", "a percentage (e.g. 57% or 57)", "百分比（如57%或57）"},
    {"P-expect-share-bare-fraction", "a percentage or a fraction of 1 (e.g. 57% or 0.57)",
     "百分比或小数（如57%或0.57）"},
    {"P-share-bare-two-readings", "a bare number may mean either: write {percent} or {fraction}",
     "不带%的数字含义不明：请写作{percent}或{fraction}"},
    {"P-share-bare-one-reading", "a share is written with %: write {percent}",
     "比例应带%书写：请写作{percent}"},
    {"P-a-positive-number", "a number greater than 0", "大于0的数"},
    {"P-expect-ratio", "a ratio (e.g. 1:350)", "比值（如1:350）"},
    {"P-expect-multiple", "a multiple (e.g. 2倍 or 2)", "倍数（如2倍或2）"},
    {"P-expect-boolean", "yes or no (true/false, 是/否)", "是或否（是/否、true/false）"},
    {"P-percent-only-for-shares", "a percentage is only for shares",
     "只有比例类数据项才能写百分比"},
    {"P-ratio-only-for-ratios", "a ratio is only for ratios", "只有比值类数据项才能写比值"},
    {"P-unit-mismatch", "unit {unit} does not match the fact's unit {expected}",
     "单位{unit}与该数据项的单位{expected}不符"},
    {"P-unit-not-expected", "unit {unit} does not match the fact's unit (none)",
     "该数据项没有单位，不应写{unit}"},
    {"P-count-negative", "a count cannot be negative", "人数、个数等计数不能为负"},
    {"P-count-whole", "a count is a whole number", "计数应为整数"},
    {"P-negative", "cannot be negative", "不能为负"},
    {"P-share-range", "a share lies between 0% and 100%", "比例应在0%至100%之间"},
    {"P-ratio-negative", "a ratio cannot be negative", "比值不能为负"},
    {"P-not-a-number", "\"{text}\" is not a number", "“{text}”不是数字"},
    {"P-not-a-number-with-unit", "\"{text}\" is not a number with a unit",
     "“{text}”不是带单位的数字"},
    {"P-ratio-zero", "the second term of a ratio cannot be 0", "比值的后项不能为0"},
    {"P-ratio-negative-terms", "a ratio cannot have negative terms", "比值的前后项不能为负"},
    {"P-empty-value", "empty value", "空值"},
    {"P-space-inside", "\"{text}\" has a space inside; write numbers as 57%, 1:350, 1.2万元",
     "“{text}”中间有空格；数字请写作57%、1:350、1.2万元"},
    {"P-did-you-mean", ", did you mean '{name}'?", "，是否应为“{name}”？"},
    {"P-the-document", "document", "文件"},

    // zh15: libyaml's problems (src/read/yaml_problem.cpp), each as a person would say it.
    {"P-yaml-began", " (it began at line {line}, column {column})",
     "（始于第{line}行第{column}列）"},
    {"E-yaml-key-expected",
     "invalid YAML: expected a key here (is the indentation aligned?){began}",
     "YAML格式有误：此处应为一个键（缩进是否对齐？）{began}"},
    {"E-yaml-value-expected", "invalid YAML: expected a value here{began}",
     "YAML格式有误：此处应为一个值{began}"},
    // {open} is the bracket itself: the catalogue's texts have no escape for a brace.
    {"E-yaml-list-unclosed", "invalid YAML: a list '{open}' is not closed{began}",
     "YAML格式有误：列表“{open}”未闭合{began}"},
    {"E-yaml-mapping-unclosed", "invalid YAML: a mapping '{open}' is not closed{began}",
     "YAML格式有误：映射“{open}”未闭合{began}"},
    {"E-yaml-quote-unclosed", "invalid YAML: a quote is not closed{began}",
     "YAML格式有误：引号未闭合{began}"},
    {"E-yaml-bad-character",
     "invalid YAML: a character that cannot begin a value here (YAML indents with spaces, not "
     "tabs){began}",
     "YAML格式有误：此处的字符不能作为值的开头（YAML用空格缩进，不能用制表符）{began}"},
    {"E-yaml-colon-not-allowed",
     "invalid YAML: ': ' where no key can begin (put a value that contains ': ' in quotes){began}",
     "YAML格式有误：此处不能出现冒号加空格（含冒号的值请加引号）{began}"},
    {"E-yaml-colon-expected", "invalid YAML: a key without ':' after it{began}",
     "YAML格式有误：键后缺少冒号{began}"},
    {"E-yaml-dash-expected", "invalid YAML: expected a list item '- ' here{began}",
     "YAML格式有误：此处应为列表项“- ”{began}"},
    {"E-yaml-dash-not-allowed", "invalid YAML: a list item '- ' where none can begin{began}",
     "YAML格式有误：此处不能开始列表项“- ”{began}"},
    {"E-yaml-escape-unknown", "invalid YAML: an unknown escape '\\' in a quoted value{began}",
     "YAML格式有误：引号内有无法识别的转义符“\\”{began}"},
    {"E-yaml-text-after-value", "invalid YAML: text after a value on the same line{began}",
     "YAML格式有误：值之后同一行还有多余的文字{began}"},

    // zh15: explain's restatements (src/report/pack_text.cpp).
    {"L-restates", "restates {versions}", "重申：{versions}"},
    {"L-weaker-than", "weaker than {pack}: {finding}", "弱于{pack}：{finding}"},
    {"L-as-strict-as-restated", "at least as strict as every version it restates; all of them bind",
     "不弱于所重申的各个版本；各版本均须达到"},

    // zh15: plan and init errors that were English prose.
    {"E-fact-twice-for-year", "fact '{key}' given twice for {year} (first at line {line})",
     "数据项“{key}”的{year}年数值填了两次（第一次在第{line}行）"},
    {"E-baseline-year-missing", "baseline: expected year: (the base year, such as 2020)",
     "基准数据（baseline:）缺少year:（基准年份，如2020）"},
    {"E-template-no-pack", "name at least one pack (vetcheck packs)",
     "请至少指定一个规则包（可用的规则包见vetcheck packs）"},
    {"E-template-school-one-type",
     "a school report (--level school) needs exactly one --type: {types}",
     "学校质量报告（--level school）须指定一个且仅一个--type：{types}"},
    {"E-option-not-one-of", "expected one of {allowed}, got '{found}'{suggestion}",
     "应为以下之一：{allowed}，实为“{found}”{suggestion}"},

    // zh15: a pack author's errors (src/pack/pack_loader.cpp).
    {"E-pack-types-for-plan", "{id}.types: only institution indicators have types",
     "{id}：只有院校类指标才能写types:"},
    {"E-pack-region-for-plan",
     "{id}.scope: region is for an institution target that binds the region as a whole; a plan "
     "target already does",
     "{id}：scope: region仅用于约束全域的院校类目标；规划类目标本身即约束全域"},
    {"E-pack-require-and-measure", "{id}: give either require or measure/op/target, not both",
     "{id}：require:与measure:、op:、target:只能二选一"},
    {"E-pack-about-without-op", "{id}.about: only with op about ({word})",
     "{id}：about:仅用于op: about（{word}）"},
    {"E-pack-about-needs-tolerance", "{id}: op about needs a tolerance (e.g. tolerance: 10%)",
     "{id}：op: about须给出容差（如tolerance: 10%）"},
    {"E-pack-rollup-not-one-fact",
     "{id}.rollup: only a plan target whose measure is one fact adds up",
     "{id}：rollup:只用于度量为单个数据项的规划类目标"},
    {"E-pack-op-word-mismatch",
     "{id}: op {op} does not match the source word '{word}' (expects {expected})",
     "{id}：运算符{op}与原文用语“{word}”不符（应为{expected}）"},
    {"E-pack-gradual-advisory",
     "{id}: the source word '{word}' with no deadline makes it advisory (or give the deadline)",
     "{id}：原文用语为“{word}”且未定期限，应标为建议性（severity: advisory），或写明期限"},
    {"E-pack-in-principle-advisory", "{id}: the source word '{word}' makes it advisory",
     "{id}：原文用语为“{word}”，应标为建议性（severity: advisory）"},
    {"E-pack-fact-twice", "fact '{key}' declared twice", "数据项“{key}”重复声明"},
    {"E-pack-bare-not-share", "{key}.bare: only a share is read from a bare number this way",
     "{key}：只有比例类数据项才能写bare:（声明不带%的数字如何读）"},
    {"E-pack-indicator-twice", "indicator '{id}' declared twice", "指标“{id}”重复声明"},

    // zh15b: an expression that cannot be read (src/expr/lexer.cpp, parser.cpp), each naming the
    // key it is written under and the expression; {found} is P-expr-token or P-expr-end.
    {"E-expr-too-long", "{key}: expression longer than {count} characters in '{expression}'",
     "{key}：表达式“{expression}”超过{count}个字符"},
    {"E-expr-too-deep", "{key}: expression nested deeper than {count} levels in '{expression}'",
     "{key}：表达式“{expression}”嵌套超过{count}层"},
    {"E-expr-unexpected-character", "{key}: unexpected character '{found}' in '{expression}'",
     "{key}：表达式“{expression}”中有无法识别的字符“{found}”"},
    {"E-expr-comparison-sign", "{key}: write >= or <= instead of {found} in '{expression}'",
     "{key}：表达式“{expression}”中应写>=或<=，不能写{found}"},
    {"E-expr-unit-unclosed", "{key}: unclosed '[' in a unit in '{expression}'",
     "{key}：表达式“{expression}”中单位的“[”没有闭合"},
    {"E-expr-number", "{key}: {problem} in '{expression}'",
     "{key}：表达式“{expression}”中的数值有误：{problem}"},
    {"E-expr-name-ends-with-dot", "{key}: a name cannot end with '.' in '{expression}'",
     "{key}：表达式“{expression}”中的名称不能以“.”结尾"},
    {"E-expr-string-unclosed", "{key}: unterminated string in '{expression}'",
     "{key}：表达式“{expression}”中的字符串没有闭合引号"},
    {"E-expr-operator-expected",
     "{key}: expected an operator or the end, got {found} in '{expression}'",
     "{key}：表达式“{expression}”中此处应为运算符或表达式结尾，实为{found}"},
    {"E-expr-value-expected", "{key}: expected a value, got {found} in '{expression}'",
     "{key}：表达式“{expression}”中此处应为一个值，实为{found}"},
    // {open} and {close} are the brackets themselves: the catalogue's texts have no escape.
    {"E-expr-paren-unclosed",
     "{key}: expected '{close}' to close '{open}', got {found} in '{expression}'",
     "{key}：表达式“{expression}”中应有“{close}”与“{open}”配对，实为{found}"},
    {"E-expr-call-unclosed",
     "{key}: expected '{close}' to close the call of {function}, got {found} in '{expression}'",
     "{key}：表达式“{expression}”中应有“{close}”结束{function}的调用，实为{found}"},
    {"E-expr-comparison-chained",
     "{key}: comparisons cannot be chained; join them with '{joiner}' in '{expression}'",
     "{key}：表达式“{expression}”中的比较不能连写；请用“{joiner}”连接"},
    {"P-expr-token", "'{text}'", "“{text}”"},
    {"P-expr-end", "the end of the expression", "表达式结尾"},

    // zh15b: an expression that reads wrongly (src/expr/checker.cpp): {expected} and {found} are
    // the P-type- phrases.
    {"E-expr-type-outside-aggregate",
     "{key}: 'type' is an institution's type; use it inside an aggregate such as {example}",
     "{key}：type是院校的类型，须写在汇总函数中，如{example}"},
    {"E-expr-fact-unknown", "{key}: unknown fact '{fact}'{suggestion}",
     "{key}：无法识别的数据项“{fact}”{suggestion}"},
    {"E-expr-fact-of-institutions",
     "{key}: '{fact}' is reported by institutions, not by the plan; aggregate it, e.g. {example}",
     "{key}：“{fact}”由各院校填报，不由规划整体填报；请先汇总，如{example}"},
    {"E-expr-fact-of-plan", "{key}: '{fact}' is reported by the plan, not by institutions",
     "{key}：“{fact}”由规划整体填报，不由各院校填报"},
    {"E-expr-operand", "{key}: {context} needs {expected}, got {found}",
     "{key}：{context}应为{expected}，实为{found}"},
    {"E-expr-units-differ", "{key}: units do not match: {left} and {right}",
     "{key}：单位不一致：{left}与{right}"},
    {"E-expr-cannot-compare", "{key}: cannot compare {left} with {right}",
     "{key}：{left}不能与{right}比较"},
    {"E-expr-arithmetic", "{key}: {problem}", "{key}：{problem}"},
    {"E-expr-function-unknown", "{key}: unknown function '{function}'{suggestion}",
     "{key}：无法识别的函数“{function}”{suggestion}"},
    {"E-expr-arity", "{key}: {function} takes {expected}; got {found}",
     "{key}：{function}应写作{expected}，实为{found}"},
    {"E-expr-aggregate-for-institution",
     "{key}: {call} aggregates over a plan's institutions; it cannot be used for one "
     "institution",
     "{key}：{call}对规划内的各院校汇总，不能用于单个院校"},
    {"E-expr-branches-differ", "{key}: {call} branches differ: {left} and {right}",
     "{key}：{call}的两个分支类型不同：{left}与{right}"},
    {"E-expr-fact-key-expected", "{key}: {call} takes a fact key",
     "{key}：{call}的参数应为数据项名称"},
    // {call} is the function's name and brackets as written: sum().
    {"P-expr-operator", "'{operator}'", "运算符“{operator}”"},
    {"P-expr-function", "{call}", "{call}"},
    {"P-expr-filter", "{call} filter", "{call}的筛选条件"},
    {"P-expr-one-argument", "1 argument", "1个参数"},
    {"P-expr-arguments", "{count} arguments", "{count}个参数"},
    {"P-type-yes-no", "yes/no", "是否判断"},
    {"P-type-text", "text", "文字"},
    {"P-type-number", "a number", "数值"},
    {"P-type-number-in", "a number in {unit}", "以{unit}计的数值"},
    {"P-type-condition", "a yes/no condition", "是否条件"},
    {"P-no-unit", "no unit", "无单位"},
    {"P-unit", "{unit}", "{unit}"},

    // zh15b: the compile stages (src/compile/compiled_rule.cpp, catalog.cpp).
    {"E-rule-units-differ", "{key}: the target is in {target} but the measure is in {measure}",
     "{key}：目标以{target}计，而度量以{measure}计"},
    {"E-rule-rollup-type", "{key}: '{fact}' is a {type}; only counts and amounts add up",
     "{key}：“{fact}”的类型为{type}；只有计数和数额类数据项可以加总"},
    {"E-rule-lever-unread", "{key}: '{fact}' is not read by the measure or target",
     "{key}：度量和目标中都没有用到“{fact}”"},
    {"E-pack-id-not-file-name", "pack id '{id}' does not match its file name '{file}'",
     "规则包编号“{id}”与其文件名“{file}”不符"},
    {"E-pack-cycle", "packs extend each other in a cycle: {cycle}",
     "规则包相互继承，形成循环：{cycle}"},
    {"E-conflict-indicator-unknown",
     "{key}: expected an indicator of pack '{pack}', got '{found}'{suggestion}",
     "{key}：应为规则包“{pack}”中的指标，实为“{found}”{suggestion}"},
    {"E-not-encoded-pack-not-extended",
     "{key}: expected a pack that '{pack}' extends after {reason}, got '{found}'",
     "{key}：{reason}后应为“{pack}”所继承的规则包，实为“{found}”"},
    {"E-fact-declared-differently", "fact '{key}' is declared differently in pack '{pack}' ({at})",
     "数据项“{key}”在规则包“{pack}”中的声明与此不同（{at}）"},
    {"E-drop-unknown", "{key}: no pack that '{pack}' extends has an indicator '{id}'",
     "{key}：“{pack}”所继承的规则包中没有指标“{id}”"},

    // zh15: writing the report files (src/report/output_files.cpp).
    {"E-report-overwrites-input", "the report would overwrite an input; name another file",
     "报告会覆盖一个输入文件；请另选文件名"},
    {"E-report-same-file", "two reports are to be written to the same file",
     "两份报告要写入同一个文件"},
    {"E-report-is-directory", "cannot write the report: it is a directory",
     "无法写入报告：这是一个目录"},
    {"E-report-too-many-files", "too many report files in one run", "一次运行的报告文件过多"},
    {"E-report-name-too-long", "the report file's name is too long", "报告文件名过长"},
    {"E-report-unwritable", "cannot write the report file: {error}", "无法写入报告文件：{error}"},
    {"E-report-unmovable", "cannot move the report into place: {error}",
     "无法将报告移至目标位置：{error}"},

    // zh15: the results database, the JUnit totals, memory (sqlite_reporter.cpp,
    // junit_reporter.cpp, engine/batch.cpp).
    {"E-sqlite-copy", "cannot copy the database to append to it", "无法复制该数据库以追加本次结果"},
    {"E-sqlite-open", "cannot open the results database: {error}", "无法打开结果数据库：{error}"},
    {"E-sqlite-write", "cannot write the results database: {error}", "无法写入结果数据库：{error}"},
    {"E-sqlite-not-database", "the file is not a SQLite database ({error})",
     "该文件不是SQLite数据库（{error}）"},
    {"E-sqlite-not-a-file",
     "a results database must be a regular file, not a device or a directory",
     "结果数据库须为普通文件，不能是设备或目录"},
    {"E-sqlite-needs-file",
     "the sqlite format writes a database file: give it one (sqlite=results.db)",
     "-f sqlite写入数据库文件，须指定文件（如-f sqlite=results.db）"},
    {"E-sqlite-other-tables",
     "not a vetcheck results database: it has other tables ({tables}); name a new file, or one "
     "vetcheck wrote",
     "不是vetcheck的结果数据库：其中有其他表（{tables}）；请另选新文件，或选用vetcheck写入的文件"},
    {"E-sqlite-schema-version",
     "not a vetcheck results database of schema version {expected} (its user_version is "
     "{found}); name a new file, or one vetcheck wrote",
     "不是结构版本为{expected}的vetcheck结果数据库（其结构版本号为{found}）；请另选新文件，或选用"
     "vetcheck写入的文件"},
    // hist17: `vetcheck history PLAN-ID --db FILE` (input/results_history.cpp,
    // report/history_text.cpp).
    {"E-history-no-plan", "no plan '{plan}' in this results database",
     "该结果数据库中没有规划“{plan}”"},
    {"E-history-no-plan-near",
     "no plan '{plan}' in this results database; plan ids near it: {near}",
     "该结果数据库中没有规划“{plan}”；相近的规划：{near}"},
    {"P-history-title", "History of {plan}: {runs} run(s) in {db}",
     "{plan}的历次检查：{db}中共{runs}次"},
    {"P-history-run", "run {run}  {date}  {file}  plan year {year}  packs {packs}  {counts}",
     "第{run}次  {date}  {file}  规划年度：{year}  规则包：{packs}  {counts}"},
    {"P-history-targets",
     "Targets that needed attention in some run, run by run:", "曾需关注的指标（逐次）："},
    {"P-history-none", "No target needed attention in any run.", "各次检查均无需关注的指标。"},
    {"P-history-ended", "({status} in run {run})", "（第{run}次：{status}）"},
    {"P-history-ended-with", "({status} in run {run}: {detail})",
     "（第{run}次：{status}；{detail}）"},
    {"E-junit-totals", "cannot write the totals into the JUnit report",
     "无法将汇总数写入JUnit报告"},
    {"E-out-of-memory",
     "out of memory while checking this file; see the memory budget in docs/limits.md "
     "(--max-nodes, -j)",
     "检查该文件时内存不足；内存预算见docs/limits.md（--max-nodes、--jobs）"},

    // zh15: packs, packs show and explain (src/report/pack_text.cpp).
    {"L-scope-plan", "plan", "规划整体"},
    {"L-scope-institution", "institution", "院校"},
    {"L-required-target", "required", "约束性目标"},
    {"L-indicator-binds", "for {scope} · due {year} · {severity}{when}",
     "适用于{scope} · {year}年到期 · {severity}{when}"},
    {"L-indicator-when", " · when {condition}", " · 条件：{condition}"},
    {"L-indicator-source", "source: {reference} “{quote}”", "依据：{reference}“{quote}”"},
    {"L-indicator-needs", "needs {key} ({name}, {type}{unit})",
     "所需数据：{key}（{name}，type: {type}{unit}）"},
    {"L-pack-indicators", "{count} indicators", "{count}项指标"},
    {"L-pack-header", "issuer: {issuer}  document: {document}  period: {period}  level: {level}",
     "发文机关：{issuer}  文号：{document}  期限：{period}  层级：{level}"},
    {"L-pack-extends", "extends: {packs}", "继承：{packs}"},
    {"L-pack-contents", "source: {file}\n  {facts} facts, {indicators} indicators",
     "来源文件：{file}\n  {facts}项数据，{indicators}项指标"},

    // html17: the HTML report's progress charts (src/report/progress_chart.cpp) and its batch
    // table of plans on track by indicator (src/report/html_reporter.cpp).
    {"P-chart-figure", "{value} in {year}", "{year}年{value}"},
    {"P-chart-description",
     "{indicator}: {figures}; due {deadline}: {target}; {status}, {progress}",
     "{indicator}：{figures}；{deadline}年到期：{target}；{status}，{progress}"},
    {"P-chart-figures", "figures by year", "历年数值"},
    {"P-chart-pace", "on-track line", "进度线"},
    {"P-chart-projection", "at the current pace", "按当前速度"},
    {"P-chart-target", "target", "目标"},
    {"P-chart-checked", "checked", "检查年份"},
    {"P-chart-heading", "Progress toward targets not yet due", "未到期目标的进度"},
    {"P-chart-note",
     "Points are the plan's figures by year; the solid line runs from the baseline to the target "
     "at its deadline, and a target is on track when its figure is on that line or past it; the "
     "dashed line is where the pace of the years given leads.",
     "圆点为历年数值；实线自基期值连至期限年的目标值，当年数值在线上或已越过该线即为进度达标（时间"
     "过半、"
     "任务过半）；虚线为按已有年份速度的预测。"},
    {"P-track-heading", "Targets on track by indicator", "各指标进度达标的规划"},
    {"P-track-note",
     "For targets not yet due that have figures of earlier years: the plans on track and behind; "
     "a plan counts as behind when any of its subjects is behind.",
     "仅含有往年数值、尚未到期的目标：进度达标与进度滞后的规划数；规划中任一对象进度滞后即计为滞后"
     "。"},
    {"P-track-counted", "plans measured", "计入规划数"},

    // zh15: progress against a mid-term target (src/report/progress_text.cpp), the batch line.
    {"P-progress-share", "progress {done}% / time {elapsed}%", "进度{done}%，时间{elapsed}%"},
    {"P-progress-level", "; level with the pace: {level}", "；与进度持平：{level}"},
    {"P-progress-pace", "at the {years} pace, {value} in {year}, {reached}",
     "按{years}年的速度，{year}年为{value}；{reached}"},
    {"P-progress-reached", "reached in {year}", "{year}年达到"},
    {"P-progress-not-reached", "not at this pace", "按此速度无法达到"},
    {"P-progress-then", "{text}; {pace}", "{text}；{pace}"},
    {"L-batch-plans", "{count} plans", "{count}份规划"},
};

const std::unordered_map<std::string_view, const MessageEntry*>& index() {
    static const auto kIndex = [] {
        std::unordered_map<std::string_view, const MessageEntry*> map;
        for (const auto& e : kCatalogue) map.emplace(e.code, &e);
        return map;
    }();
    return kIndex;
}

const MessageEntry& find_entry(std::string_view code) {
    auto it = index().find(code);
    if (it == index().end())
        throw std::logic_error(fmt::format("no message '{}' in the catalogue", code));
    return *it->second;
}

void append_value(std::string& out, const MessageArg::Value& value, Lang lang) {
    const char* separator = lang == Lang::Zh ? "、" : ", ";
    if (const auto* text = std::get_if<std::string>(&value)) {
        out += *text;
    } else if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
        for (size_t i = 0; i < items->size(); ++i) {
            if (i) out += separator;
            out += (*items)[i];
        }
    } else if (const auto* phrases = std::get_if<MessageArg::Phrases>(&value)) {
        for (size_t i = 0; i < (*phrases)->size(); ++i) {
            if (i) out += separator;
            out += render((**phrases)[i], lang);
        }
    } else if (const auto& phrase = std::get<std::shared_ptr<const Message>>(value)) {
        out += render(*phrase, lang);
    }
}

}  // namespace

MessageArg::MessageArg(std::string_view placeholder, long long number)
    : name(placeholder), value(fmt::format("{}", number)) {}

MessageArg::MessageArg(std::string_view placeholder, Message phrase)
    : name(placeholder), value(std::make_shared<const Message>(std::move(phrase))) {}

MessageArg::MessageArg(std::string_view placeholder, std::vector<Message> phrases)
    : name(placeholder), value(std::make_shared<const std::vector<Message>>(std::move(phrases))) {}

Message::Message(std::string_view code, std::initializer_list<MessageArg> args)
    : entry_(&find_entry(code)), args_(args) {}

Message::Message(std::string_view code, std::vector<MessageArg> args)
    : entry_(&find_entry(code)), args_(std::move(args)) {}

std::string_view Message::arg_text(std::string_view name) const {
    for (const auto& a : args_)
        if (a.name == name)
            if (const auto* text = std::get_if<std::string>(&a.value)) return *text;
    return {};
}

std::string render(const Message& message, Lang lang) {
    if (message.empty()) return {};
    std::string_view text = lang == Lang::Zh ? message.entry()->zh : message.entry()->en;
    std::string out;
    out.reserve(text.size() + 16);
    size_t pos = 0;
    while (pos < text.size()) {
        size_t open = text.find('{', pos);
        if (open == std::string_view::npos) break;
        size_t close = text.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(text, pos, open - pos);
        std::string_view name = text.substr(open + 1, close - open - 1);
        for (const auto& a : message.args())
            if (a.name == name) {
                append_value(out, a.value, lang);
                break;
            }
        pos = close + 1;
    }
    out.append(text, pos);
    return out;
}

const char* phrase(std::string_view code, Lang lang) {
    const MessageEntry& e = find_entry(code);
    return lang == Lang::Zh ? e.zh : e.en;
}

const std::vector<MessageEntry>& message_catalogue() {
    return kCatalogue;
}

std::vector<std::string> placeholders(const char* text) {
    std::vector<std::string> names;
    std::string_view t(text);
    for (size_t open = t.find('{'); open != std::string_view::npos; open = t.find('{', open + 1)) {
        size_t close = t.find('}', open);
        if (close == std::string_view::npos) break;
        names.emplace_back(t.substr(open + 1, close - open - 1));
    }
    return names;
}

// The labels are entries of the message catalogue; this names them by the enum the reporters use.
const char* label(Label l, Lang lang) {
    static constexpr const char* kCodes[] = {
        "L-against", "L-plan",         "L-subject",   "L-checks",         "L-pass",     "L-fail",
        "L-missing", "L-error",        "L-not-due",   "L-not-applicable", "L-advisory", "L-waived",
        "L-needs",   "L-missing-data", "L-exit-code", "L-whole-plan",     "L-more-of",  "L-points",
        "L-over",    "L-short",        "L-due",       "L-no-indicators",
    };
    return phrase(kCodes[static_cast<int>(l)], lang);
}

Message suggestion(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best = did_you_mean(word, candidates);
    return best.empty() ? Message() : Message("P-did-you-mean", {{"name", std::move(best)}});
}

Message system_error_text(int error) {
    switch (error) {
        case ENOENT:
            return Message("P-no-such-file");
        case EACCES:
        case EPERM:
            return Message("P-permission-denied");
        case ENOTDIR:
            return Message("P-not-a-directory");
        case ENOSPC:
            return Message("P-no-space");
        case EROFS:
            return Message("P-read-only");
        default:  // rare: the system's own words
            return Message("P-system-error", {{"text", std::strerror(error)}});
    }
}

}  // namespace vetcheck
