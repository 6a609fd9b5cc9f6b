#!/usr/bin/env node
// Prints the medians of a `vitest bench --outputJson` file as a Markdown table, for the README.
import { readFileSync } from 'node:fs';

const format = (ms) =>
  ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(1)} µs`;
console.log(
  '| benchmark | median | ops/s | samples |\n| --- | ---: | ---: | ---: |',
);
for (const file of process.argv.slice(2)) {
  for (const f of JSON.parse(readFileSync(file, 'utf8')).files) {
    for (const g of f.groups) {
      for (const b of g.benchmarks) {
        const group = g.fullName.split(' > ').at(-1);
        console.log(
          `| ${group}: ${b.name} | ${format(b.median)} | ${Math.round(1000 / b.median).toLocaleString('en')} | ${b.sampleCount} |`,
        );
      }
    }
  }
}
