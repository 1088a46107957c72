'use strict';
// Peer: the national pack's indicators as data, evaluated by a hand-written loop; plans read with
// js-yaml. Prints the status totals in vetcheck's words.
//   node peer_plain_loop.js PACK.yaml DIR_OR_FILE...
const { listFiles, loadIndicators, readPlan, settle, summary, newTotals, cmp, rat } = require('./peer_common');

const [packFile, ...inputs] = process.argv.slice(2);
const { indicators, cannot } = loadIndicators(packFile);
for (const c of cannot) console.error(`peer_plain_loop: cannot express ${c.id}: ${c.why}`);

function holds(op, actual, target, tolerance) {
  const c = cmp(actual, target);
  switch (op) {
    case '>=': return c >= 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '<': return c < 0;
    case '==': return c === 0;
    default: { // about: |actual − target| <= tolerance
      const diff = rat(Math.abs(actual[0] * target[1] - target[0] * actual[1]), actual[1] * target[1]);
      return cmp(diff, tolerance) <= 0;
    }
  }
}

// pass | fail | missing | error | n/a, for one indicator and one subject it covers
function outcome(ind, plan, facts) {
  if (ind.levels && !ind.levels.includes(plan.level)) return 'n/a';
  if (ind.when) {
    const w = facts[ind.when];
    if (w !== true) return 'n/a'; // false, or not reported: the target does not cover it
  }
  if (ind.require) {
    const v = facts[ind.require];
    if (v === null || v === undefined || typeof v !== 'boolean') return 'missing';
    return v ? 'pass' : 'fail';
  }
  const a = facts[ind.num];
  if (a === null || a === undefined) return 'missing';
  let actual = a;
  if (ind.den) {
    const b = facts[ind.den];
    if (b === null || b === undefined) return 'missing';
    if (b[0] === 0) return 'error';
    actual = rat(a[0] * b[1], a[1] * b[0]);
  }
  return holds(ind.op, actual, ind.target, ind.tolerance) ? 'pass' : 'fail';
}

const totals = newTotals();
for (const file of listFiles(inputs)) {
  const plan = readPlan(file);
  totals.plans++;
  const school = plan.level === 'school';
  for (const ind of indicators) {
    if (ind.subject === 'plan') {
      totals.counts[settle(ind, plan.year, outcome(ind, plan, plan.whole.facts))]++;
      continue;
    }
    const subjects = school ? [plan.whole] : plan.institutions;
    let any = false;
    for (const s of subjects) {
      if (ind.types && !ind.types.includes(s.type)) continue;
      any = true;
      totals.counts[settle(ind, plan.year, outcome(ind, plan, s.facts))]++;
    }
    if (!any) totals.counts['n/a']++;
  }
}
console.log(`peer_plain_loop: ${indicators.length} indicators expressed, ${cannot.length} not`);
console.log(summary(totals));
