'use strict';
// What both Node peers share: finding the files, reading values as people write them, and turning
// the national pack's indicators into plain data that each peer then evaluates its own way.
//
// The peers compute what vetcheck reports as a status for every indicator and subject (pass, fail,
// missing data, error, not due, n/a, advisory) and print the totals in vetcheck's own words, so the
// two can be compared line for line. They do not compute the gap, the shortfall ("4 more
// teachers"), the deciding line, or a report, and they do not validate the plan (unknown keys,
// wrong units): vetcheck does all of that on top.

const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');

// Files as vetcheck finds them: directories searched recursively for *.yaml / *.yml, sorted.
function listFiles(args) {
  const out = [];
  for (const arg of args) {
    let st;
    try { st = fs.statSync(arg); } catch (e) { out.push(arg); continue; }
    if (!st.isDirectory()) { out.push(arg); continue; }
    const found = [];
    (function walk(dir) {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile() && (p.endsWith('.yaml') || p.endsWith('.yml'))) found.push(p);
      }
    })(arg);
    found.sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
    out.push(...found);
  }
  return out;
}

// ---- exact numbers: [numerator, denominator], integers well inside 2^53 for these plans ----

function gcd(a, b) {
  a = Math.abs(a); b = Math.abs(b);
  while (b) { const t = a % b; a = b; b = t; }
  return a;
}

function rat(n, d = 1) {
  if (d < 0) { n = -n; d = -d; }
  const g = gcd(n, d) || 1;
  return [n / g, d / g];
}

// "12000", "12,000", "0.5", "1.25" → exact rational, or null
function decimal(text) {
  const m = /^([+-]?)([0-9][0-9,]*)(?:\.([0-9]+))?$/.exec(text);
  if (!m) return null;
  const whole = m[2].replace(/,/g, '');
  const frac = m[3] || '';
  const n = Number(whole + frac) * (m[1] === '-' ? -1 : 1);
  return rat(n, 10 ** frac.length);
}

const TRUE_WORDS = new Set(['true', 'True', 'TRUE', 'yes', 'Yes', '是', '有']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE', 'no', 'No', '否', '无']);

// A value as written: 4500, "4,500", "1.2万", "4500人", "2760学时", "57%", "0.57", "1:350", "2倍",
// "是", true. Returns a rational, a boolean, or null (not reported, or not readable).
function quantity(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? [v, 1] : decimal(String(v));
  const text = String(v).trim();
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  const colon = text.search(/[:：]/);
  if (colon >= 0) {
    const a = decimal(text.slice(0, colon));
    const b = decimal(text.slice(text[colon] === ':' ? colon + 1 : colon + 1));
    return a && b && b[0] ? rat(a[0] * b[1], a[1] * b[0]) : null;
  }
  const m = /^([+-]?[0-9][0-9,]*(?:\.[0-9]+)?)(万|亿)?(.*)$/.exec(text);
  if (!m) return null;
  let q = decimal(m[1]);
  if (!q) return null;
  if (m[2] === '万') q = rat(q[0] * 10000, q[1]);
  else if (m[2] === '亿') q = rat(q[0] * 100000000, q[1]);
  if (m[3] === '%' || m[3] === '％') q = rat(q[0], q[1] * 100);
  return q; // 倍 and units (人, 学时, 所, 元 …) do not change the number
}

function cmp(a, b) { // sign of a − b
  const x = a[0] * b[1], y = b[0] * a[1];
  return x < y ? -1 : x > y ? 1 : 0;
}

// facts: nested mappings joined with dots, as vetcheck reads them
function flatten(obj, prefix, out) {
  if (!obj || typeof obj !== 'object') return out;
  for (const k of Object.keys(obj)) {
    const key = prefix ? prefix + '.' + k : k;
    const v = obj[k];
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = quantity(v);
  }
  return out;
}

// ---- the pack as data ----

const FACT = /^[a-z0-9_.]+$/;

// Every indicator of the pack as {id, subject, types, levels, when, require | num/den/op/target,
// tolerance, deadline, advisory}; the ones whose expressions are not a fact, a fact / fact, or a
// literal are returned in `cannot` with the reason.
function loadIndicators(packFile) {
  const pack = yaml.load(fs.readFileSync(packFile, 'utf8'));
  const periodEnd = pack.pack.period.to;
  const indicators = [];
  const cannot = [];
  for (const ind of pack.indicators) {
    const d = {
      id: ind.id,
      subject: ind.subject,
      types: ind.types || null,
      levels: ind.levels || null,
      when: null,
      deadline: ind.deadline || periodEnd,
      advisory: ind.severity === 'advisory',
    };
    const why = [];
    if (ind.when !== undefined) {
      if (FACT.test(String(ind.when))) d.when = String(ind.when);
      else why.push(`when: ${ind.when}`);
    }
    if (ind.require !== undefined) {
      if (FACT.test(String(ind.require))) d.require = String(ind.require);
      else why.push(`require: ${ind.require}`);
    } else {
      const m = /^([a-z0-9_.]+)(?:\s*\/\s*([a-z0-9_.]+))?$/.exec(String(ind.measure).trim());
      if (m) { d.num = m[1]; d.den = m[2] || null; } else why.push(`measure: ${ind.measure}`);
      const t = quantity(String(ind.target));
      if (t && t !== true && t !== false) d.target = t; else why.push(`target: ${ind.target}`);
      d.op = String(ind.op);
      if (!['>=', '>', '<=', '<', '==', 'about'].includes(d.op)) why.push(`op: ${d.op}`);
      if (d.op === 'about') {
        const tol = String(ind.tolerance || '');
        // a relative tolerance ("10%") is a share of the target; an absolute one is in its unit
        const q = quantity(tol);
        d.tolerance = tol.endsWith('%') ? [Math.abs(d.target[0] * q[0]), d.target[1] * q[1]] : q;
      }
    }
    if (why.length) cannot.push({ id: ind.id, why: why.join('; ') }); else indicators.push(d);
  }
  return { indicators, cannot };
}

// ---- statuses, as vetcheck counts them ----

const STATUS_ORDER = ['pass', 'fail', 'missing data', 'error', 'not due', 'n/a', 'advisory'];

function newTotals() { return { plans: 0, counts: Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) }; }

// outcome: 'pass' | 'fail' | 'missing' | 'error' | 'n/a' → the reported status for a plan's year
function settle(ind, year, outcome) {
  const due = year >= ind.deadline;
  switch (outcome) {
    case 'n/a': return 'n/a';
    case 'error': return 'error';
    case 'missing': return due ? 'missing data' : 'not due';
    case 'pass': return 'pass';
    default: return !due ? 'not due' : ind.advisory ? 'advisory' : 'fail';
  }
}

function summary(totals) {
  let total = 0;
  const parts = [];
  for (const s of STATUS_ORDER) {
    total += totals.counts[s];
    if (totals.counts[s]) parts.push(`${totals.counts[s]} ${s}`);
  }
  return `${totals.plans} plans — ${total} checks: ${parts.join(' · ')}`;
}

function readPlan(file) {
  const doc = yaml.load(fs.readFileSync(file, 'utf8'));
  const plan = doc.plan || {};
  const subjects = [];
  const level = String(plan.level);
  const whole = { type: level === 'school' ? String(plan.type) : '', facts: flatten(doc.facts, '', {}) };
  for (const inst of doc.institutions || [])
    subjects.push({ type: String(inst.type), facts: flatten(inst.facts, '', {}) });
  return { level, year: Number(plan.year), whole, institutions: subjects };
}

module.exports = { listFiles, loadIndicators, readPlan, settle, summary, newTotals, cmp, rat, quantity, STATUS_ORDER };
