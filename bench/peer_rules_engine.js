'use strict';
// Peer: the national pack's indicators as json-rules-engine rules; plans read with js-yaml. Prints
// the status totals in vetcheck's words.
//   node peer_rules_engine.js PACK.yaml DIR_OR_FILE...
//
// Each indicator becomes up to five rules, whose events the loop below ranks as vetcheck does:
//   skip     the subject's type is not covered (no result for this institution)
//   n/a      the `when` fact is not true
// Rules are grouped into one engine per subject (plan or institution) and plan level: an indicator
// whose `levels` leave out the plan's level is not in that engine and is counted n/a directly.
//   missing  a fact the rule reads is not reported
//   error    the denominator is 0
//   pass     the comparison (or the yes/no requirement) holds; none of these: fail
// A measure a / b compared with a target p / q is written as a·q ⟂ p·b with a dynamic fact
// `scaled` ({fact, times}), so the comparison is exact for whole numbers.
const { Engine } = require('json-rules-engine');
const { listFiles, loadIndicators, readPlan, settle, summary, newTotals } = require('./peer_common');

const [packFile, ...inputs] = process.argv.slice(2);
const { indicators, cannot } = loadIndicators(packFile);
for (const c of cannot) console.error(`peer_rules_engine: cannot express ${c.id}: ${c.why}`);

const OPERATORS = { '>=': 'greaterThanInclusive', '>': 'greaterThan', '<=': 'lessThanInclusive', '<': 'lessThan', '==': 'equal' };

function scaled(fact, times) { return { fact: 'scaled', params: { fact, times } }; }

// a / b (or a) against the rational p / q with operator op
function comparison(ind, op, [p, q]) {
  if (ind.den) return { ...scaled(ind.num, q), operator: OPERATORS[op], value: scaled(ind.den, p) };
  return { ...scaled(ind.num, q), operator: OPERATORS[op], value: p };
}

function rulesFor(ind) {
  const rules = [];
  const event = (kind) => ({ type: ind.id, params: { kind } });
  if (ind.types) rules.push({ conditions: { all: [{ fact: 'type', operator: 'notIn', value: ind.types }] }, event: event('skip') });
  const na = [];
  if (ind.when) na.push({ fact: ind.when, operator: 'notEqual', value: true });
  if (na.length) rules.push({ conditions: { any: na }, event: event('n/a') });
  const reads = ind.require ? [ind.require] : [ind.num, ...(ind.den ? [ind.den] : [])];
  rules.push({ conditions: { any: reads.map((f) => ({ fact: f, operator: 'equal', value: null })) }, event: event('missing') });
  if (ind.den) rules.push({ conditions: { all: [{ fact: ind.den, operator: 'equal', value: 0 }] }, event: event('error') });
  let pass;
  if (ind.require) pass = { all: [{ fact: ind.require, operator: 'equal', value: true }] };
  else if (ind.op === 'about') {
    const [tn, td] = ind.tolerance, [p, q] = ind.target;
    const low = [p * td - tn * q, q * td], high = [p * td + tn * q, q * td];
    pass = { all: [comparison(ind, '>=', low), comparison(ind, '<=', high)] };
  } else pass = { all: [comparison(ind, ind.op, ind.target)] };
  rules.push({ conditions: pass, event: event('pass') });
  return rules;
}

function makeEngine(subject, level) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addFact('scaled', (params, almanac) => almanac.factValue(params.fact).then(
    (v) => (v === null || v === undefined ? null : v * params.times)));
  const all = indicators.filter((i) => i.subject === subject);
  const inds = all.filter((i) => !i.levels || i.levels.includes(level));
  const notAtLevel = all.filter((i) => !inds.includes(i));
  for (const ind of inds) for (const r of rulesFor(ind)) engine.addRule(r);
  const keys = new Set();
  for (const ind of inds) for (const k of [ind.when, ind.require, ind.num, ind.den]) if (k) keys.add(k);
  return { engine, inds, notAtLevel, keys: [...keys] };
}

const engines = new Map();
function engineFor(subject, level) {
  const key = subject + ' ' + level;
  if (!engines.has(key)) engines.set(key, makeEngine(subject, level));
  return engines.get(key);
}

// facts for the engine: every fact a rule reads, null when not reported; whole numbers as numbers
function factsFor(e, plan, subject) {
  const f = { type: subject.type, level: plan.level };
  for (const k of e.keys) {
    const v = subject.facts[k];
    f[k] = v === undefined || v === null ? null : typeof v === 'boolean' ? v : v[0] / v[1];
  }
  return f;
}

async function kindsFor(e, plan, subject) {
  const { events } = await e.engine.run(factsFor(e, plan, subject));
  const kinds = new Map();
  for (const ev of events) {
    if (!kinds.has(ev.type)) kinds.set(ev.type, new Set());
    kinds.get(ev.type).add(ev.params.kind);
  }
  return kinds;
}

function outcome(k) {
  if (!k) return 'fail';
  if (k.has('n/a')) return 'n/a';
  if (k.has('missing')) return 'missing';
  if (k.has('error')) return 'error';
  return k.has('pass') ? 'pass' : 'fail';
}

async function main() {
  const totals = newTotals();
  for (const file of listFiles(inputs)) {
    const plan = readPlan(file);
    totals.plans++;
    const pe = engineFor('plan', plan.level), ie = engineFor('institution', plan.level);
    totals.counts['n/a'] += pe.notAtLevel.length + ie.notAtLevel.length;
    if (pe.inds.length) {
      const planKinds = await kindsFor(pe, plan, plan.whole);
      for (const ind of pe.inds) totals.counts[settle(ind, plan.year, outcome(planKinds.get(ind.id)))]++;
    }
    const subjects = plan.level === 'school' ? [plan.whole] : plan.institutions;
    const covered = new Map(ie.inds.map((i) => [i.id, 0]));
    for (const s of subjects) {
      const kinds = await kindsFor(ie, plan, s);
      for (const ind of ie.inds) {
        const k = kinds.get(ind.id);
        if (k && k.has('skip')) continue;
        covered.set(ind.id, covered.get(ind.id) + 1);
        totals.counts[settle(ind, plan.year, outcome(k))]++;
      }
    }
    for (const ind of ie.inds) if (!covered.get(ind.id)) totals.counts['n/a']++;
  }
  const rules = [...engines.entries()].map(([k, e]) => `${e.engine.rules.length} (${k})`).join(', ');
  console.log(`peer_rules_engine: ${indicators.length} indicators expressed, ${cannot.length} not; rules per engine: ${rules}`);
  console.log(summary(totals));
}

main().catch((e) => { console.error(e); process.exit(2); });
